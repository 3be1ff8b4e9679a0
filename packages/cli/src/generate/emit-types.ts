// Property and traits types: one json-schema-to-typescript run over a combined
// schema that holds every type (typing-definitions.ts), so shared definitions are emitted
// once and names never clash between runs.
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { JsonSchema } from '../model/types.js';
import { safeCode } from './escape.js';
import { Placeholders } from './placeholders.js';
import { TYPES_KEY, typingDefinitions } from './typing-definitions.js';

export interface TypeEntry {
  /** The exported type name, decided by the model (`OrderCompletedV1Properties`). */
  readonly name: string;
  readonly schema: JsonSchema;
  /** Comment lines for the type itself, already escaped. */
  readonly doc: readonly string[];
}

// The combined schema's own type; json-schema-to-typescript always emits it first, and it is dropped.
const ROOT_NAME = 'PlangenCombinedSchemaRoot';

/** `reserved`: names the rest of the file uses, which no type from the plan may take. */
export async function emitTypes(entries: readonly TypeEntry[], reserved: readonly string[]): Promise<string> {
  if (entries.length === 0) return '';
  const placeholders = new Placeholders();
  const definitions = typingDefinitions(entries, [...reserved, ROOT_NAME], placeholders);
  for (const entry of entries) {
    const key = placeholders.type(entry.name);
    const schema = definitions[key]!;
    const doc = [...entry.doc, ...(schema.description ? [schema.description] : [])];
    // Named by the model, whatever the schema's own shape: json-schema-to-typescript prefers titles to keys.
    definitions[key] = { ...schema, title: key, ...(doc.length > 0 ? { description: doc.join('\n') } : {}) };
  }
  const combined = {
    title: ROOT_NAME,
    [TYPES_KEY]: definitions,
    anyOf: entries.map((entry) => ({ $ref: `#/${TYPES_KEY}/${placeholders.type(entry.name)}` })),
  };
  const output = await compile(combined as JSONSchema, ROOT_NAME, {
    bannerComment: '',
    format: false,
    declareExternallyReferenced: true,
    // Where the plan says nothing about extra properties, they are a compile error (a misspelt key is
    // caught), while the validator, following JSON Schema, still accepts them at run time.
    additionalProperties: false,
    strictIndexSignatures: true,
    unknownAny: true,
    // minItems/maxItems stay the validator's job: tuples of every allowed length are unreadable.
    ignoreMinAndMaxItems: true,
    // Plans are self-contained: never read files or fetch URLs named by a `$ref`.
    $refOptions: { resolve: { external: false } },
  });
  return checkTypeNames(placeholders.restore(dropRoot(output)), entries);
}

function dropRoot(output: string): string {
  const prefix = `export type ${ROOT_NAME} = `;
  const end = output.indexOf('\n');
  if (!output.startsWith(prefix) || end < 0) throw new Error('plangen: json-schema-to-typescript output did not start with the combined root type');
  // Plan text is left only in string literals here (comments were escaped before).
  return safeCode(output.slice(end + 1)).trim();
}

function checkTypeNames(output: string, entries: readonly TypeEntry[]): string {
  const declared = new Set([...output.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]));
  const missing = entries.filter((entry) => !declared.has(entry.name)).map((entry) => entry.name);
  if (missing.length > 0) throw new Error(`plangen: json-schema-to-typescript did not declare ${missing.join(', ')}`);
  return output;
}
