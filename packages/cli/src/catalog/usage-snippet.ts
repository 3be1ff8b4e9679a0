// A call of a generated wrapper as an app would write it: the required
// properties filled with values of the right type (the first permitted value,
// the minimum, a date for date-time), in the shape the configured client's SDK
// takes. Plan text reaches the code only through generate/escape.ts.
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import { jsonCode, propertyKey } from '../generate/escape.js';
import type { JsonSchema } from '../model/types.js';
import { followRefs } from '../schema/resolve-ref.js';
import { typeSet } from '../schema/type-set.js';

const MAX_DEPTH = 6;
const INDENT = '  ';

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2026-01-31T12:00:00.000Z',
  date: '2026-01-31',
  time: '12:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/**
 * `trackOrderCompleted({ ... });`, or for an SDK whose wrappers take the whole message (analytics-node:
 * `fn(message: NodeTrackMessage<...>)`), `trackOrderCompleted({ userId, properties: { ... } });`.
 */
export function usageSnippet(fn: string, signature: string, properties: JsonSchema, importFrom: string): string {
  const takesMessage = signature.startsWith(`${fn}(message`);
  const value = exampleValue(properties, properties, 0);
  const argument = takesMessage ? `{\n${INDENT}userId: "user_123",\n${INDENT}properties: ${indent(value)},\n}` : value;
  return `import { ${fn} } from ${jsonCode(importFrom)};\n\n${fn}(${argument});\n`;
}

function indent(code: string): string {
  return code.replace(/\n/g, `\n${INDENT}`);
}

function exampleValue(node: JSONSchema7Definition, root: JsonSchema, depth: number): string {
  const schema = followRefs(node, root);
  if (typeof schema !== 'object' || schema === null) return 'null';
  if (schema.const !== undefined) return jsonCode(schema.const);
  const permitted = (schema.enum ?? []).find((value) => value !== null);
  if (permitted !== undefined) return jsonCode(permitted);
  const first = (schema.oneOf ?? schema.anyOf ?? [])[0];
  const types = typeSet(schema);
  if (types === undefined && first !== undefined) return exampleValue(first, root, depth);
  const type = types === undefined ? (schema.properties !== undefined ? 'object' : 'any') : [...types].find((one) => one !== 'null') ?? 'null';
  switch (type) {
    case 'string':
      return jsonCode(FORMAT_EXAMPLES[schema.format ?? ''] ?? 'example'.padEnd(schema.minLength ?? 0, '!'));
    case 'number':
    case 'integer':
      return String(numberExample(schema, type === 'integer'));
    case 'boolean':
      return 'true';
    case 'array':
      return arrayExample(schema, root, depth);
    case 'object':
      return objectExample(schema, root, depth);
    default:
      return 'null';
  }
}

function numberExample(schema: JSONSchema7, integer: boolean): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
  const value = low ?? (high !== undefined ? Math.min(high, 1) : 1);
  return integer ? Math.ceil(value) : value;
}

function arrayExample(schema: JSONSchema7, root: JsonSchema, depth: number): string {
  const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
  if (items === undefined || depth >= MAX_DEPTH) return '[]';
  return `[${exampleValue(items, root, depth + 1)}]`;
}

function objectExample(schema: JSONSchema7, root: JsonSchema, depth: number): string {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).filter(([name]) => required.has(name));
  if (entries.length === 0 || depth >= MAX_DEPTH) return '{}';
  const lines = entries.map(([name, property]) => `${INDENT}${propertyKey(name)}: ${indent(exampleValue(property, root, depth + 1))},`);
  return `{\n${lines.join('\n')}\n}`;
}
