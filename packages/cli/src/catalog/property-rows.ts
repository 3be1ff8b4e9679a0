// A schema's properties as table rows for people: one row per property, with
// nested objects, arrays of objects and the alternatives of anyOf/oneOf as
// deeper rows below their parent. `$ref`s are followed the way every stage
// follows them (schema/resolve-ref.ts); a recursive definition is shown once.
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import type { JsonSchema } from '../model/types.js';
import { followRefs } from '../schema/resolve-ref.js';
import { describeTypes, typeSet } from '../schema/type-set.js';
import { countOf } from '../messages/plural.js';

export interface PropertyRow {
  /** The key as the plan writes it, or `option 2` for an alternative. */
  readonly name: string;
  /** Where it sits: `products[].price`; what the markdown shows and the search reads. */
  readonly path: string;
  /** 0 for a top-level property. */
  readonly depth: number;
  /** `string`, `date-time`, `array of object`, `integer | string`, `any`. */
  readonly type: string;
  /** Undefined for an alternative (`option 2`), which is not a key and so neither required nor optional. */
  readonly required: boolean | undefined;
  readonly nullable: boolean;
  /** Permitted values and limits, each a short phrase: `one of "EUR", "USD"`, `pattern ^ord_`, `≥ 0`. */
  readonly constraints: readonly string[];
  readonly description?: string;
}

// Deeper than this, a plan is recursive in a way the page cannot show usefully.
const MAX_DEPTH = 8;

interface Walk {
  readonly root: JsonSchema;
  readonly rows: PropertyRow[];
  /** Schemas being walked, so a recursive `$ref` ends. */
  readonly visiting: Set<object>;
}

export function propertyRows(schema: JsonSchema): PropertyRow[] {
  const walk: Walk = { root: schema, rows: [], visiting: new Set() };
  objectRows(walk, schema, '', 0);
  return walk.rows;
}

function objectRows(walk: Walk, node: JSONSchema7Definition, prefix: string, depth: number): void {
  const object = resolve(walk, node);
  if (object === undefined || depth > MAX_DEPTH || walk.visiting.has(object)) return;
  walk.visiting.add(object);
  const required = new Set(object.required ?? []);
  for (const [name, raw] of Object.entries(object.properties ?? {})) {
    const property = resolve(walk, raw) ?? {};
    const path = `${prefix}${name}`;
    walk.rows.push(row(property, name, path, depth, required.has(name), raw === false));
    childRows(walk, property, path, depth + 1);
  }
  // allOf members add their properties at the same level.
  for (const member of object.allOf ?? []) objectRows(walk, member, prefix, depth);
  if (Object.keys(object.properties ?? {}).length === 0 && prefix === '') alternativeRows(walk, object, '', depth);
  walk.visiting.delete(object);
}

function childRows(walk: Walk, property: JSONSchema7, path: string, depth: number): void {
  if (property.properties !== undefined || property.allOf !== undefined) objectRows(walk, property, `${path}.`, depth);
  const items = Array.isArray(property.items) ? undefined : property.items;
  const item = items === undefined ? undefined : resolve(walk, items);
  if (item !== undefined && (item.properties !== undefined || item.allOf !== undefined)) objectRows(walk, item, `${path}[].`, depth);
  alternativeRows(walk, property, path, depth);
}

/** `oneOf: [{...}, {...}]`: one row per alternative, its properties below it. */
function alternativeRows(walk: Walk, schema: JSONSchema7, path: string, depth: number): void {
  const alternatives = schema.oneOf ?? schema.anyOf ?? [];
  if (depth > MAX_DEPTH || alternatives.length === 0) return;
  alternatives.forEach((raw, index) => {
    const alternative = resolve(walk, raw) ?? {};
    const name = `option ${index + 1}`;
    const optionPath = path === '' ? `(${name})` : `${path} (${name})`;
    walk.rows.push(row(alternative, name, optionPath, depth, undefined, raw === false));
    childRows(walk, alternative, optionPath, depth + 1);
  });
}

function resolve(walk: Walk, node: JSONSchema7Definition | undefined): JSONSchema7 | undefined {
  if (node === undefined) return undefined;
  const target = followRefs(node, walk.root);
  if (target === true) return {};
  if (target === false || typeof target !== 'object' || target === null) return undefined;
  return target;
}

function row(schema: JSONSchema7, name: string, path: string, depth: number, required: boolean | undefined, never: boolean): PropertyRow {
  const types = typeSet(schema);
  const nullable = types?.has('null') === true || (schema.enum ?? []).includes(null);
  return {
    name,
    path,
    depth,
    type: never ? 'never' : typeText(schema),
    required,
    nullable,
    constraints: constraints(schema),
    ...(typeof schema.description === 'string' && { description: schema.description }),
  };
}

/** The declared type without `null` (nullable is its own column); a format names the string; arrays name their items. */
export function typeText(schema: JSONSchema7Definition): string {
  if (typeof schema === 'boolean') return schema ? 'any' : 'never';
  const types = typeSet(schema);
  if (types === undefined) {
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives !== undefined) return `one of ${alternatives.length} shapes`;
    return schema.const !== undefined ? 'constant' : 'any';
  }
  const named = [...types].filter((type) => type !== 'null');
  if (named.length === 0) return 'null';
  const text = describeTypes(new Set(named));
  if (named.length === 1 && named[0] === 'string' && typeof schema.format === 'string') return schema.format;
  if (named.length === 1 && named[0] === 'array') {
    const items = Array.isArray(schema.items) ? undefined : schema.items;
    return items === undefined ? 'array' : `array of ${typeText(items)}`;
  }
  return text;
}

function constraints(schema: JSONSchema7): string[] {
  const found: string[] = [];
  const value = (item: unknown) => JSON.stringify(item) ?? String(item);
  if (schema.enum !== undefined) found.push(`one of ${schema.enum.filter((item) => item !== null).map(value).join(', ')}`);
  if (schema.const !== undefined) found.push(`exactly ${value(schema.const)}`);
  if (typeof schema.pattern === 'string') found.push(`pattern ${schema.pattern}`);
  const types = typeSet(schema);
  const formatShownAsType = types !== undefined && [...types].filter((type) => type !== 'null').join() === 'string';
  if (typeof schema.format === 'string' && !formatShownAsType) found.push(`format ${schema.format}`);
  if (schema.minimum !== undefined) found.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) found.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) found.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) found.push(`< ${schema.exclusiveMaximum}`);
  if (schema.multipleOf !== undefined) found.push(`multiple of ${schema.multipleOf}`);
  if (schema.minLength !== undefined) found.push(`at least ${countOf(schema.minLength, 'character')}`);
  if (schema.maxLength !== undefined) found.push(`at most ${countOf(schema.maxLength, 'character')}`);
  if (schema.minItems !== undefined) found.push(`at least ${countOf(schema.minItems, 'item')}`);
  if (schema.maxItems !== undefined) found.push(`at most ${countOf(schema.maxItems, 'item')}`);
  if (schema.uniqueItems === true) found.push('unique items');
  // Only what the schema says: without the keyword, the object is as open as its format's default.
  if (schema.additionalProperties === true) found.push('other keys allowed');
  else if (typeof schema.additionalProperties === 'object') found.push(`other keys: ${typeText(schema.additionalProperties)}`);
  const items = Array.isArray(schema.items) || typeof schema.items !== 'object' ? undefined : schema.items;
  // Items with properties get rows of their own; a list of plain values shows the item's limits here.
  if (items !== undefined && items.properties === undefined) found.push(...constraints(items).map((phrase) => `each ${phrase}`));
  return found;
}

/** `required`, `optional`, or a dash for an alternative, which is no key of its own. */
export function requiredText(row: PropertyRow): string {
  return row.required === undefined ? '—' : row.required ? 'required' : 'optional';
}
