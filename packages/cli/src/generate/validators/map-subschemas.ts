// Copies a JSON Schema (draft-07) with a visitor applied to every subschema, so
// that keywords are only ever read where they are keywords: a property named
// "pattern" or an enum value that looks like a schema is data, not a schema.
import type { JsonSchema } from '../../model/types.js';

/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas']);
/** Keywords whose value is a subschema, or (for `items`) an array of them. */
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'not',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
/** Keywords whose value is an array of subschemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

export type SchemaObject = Record<string, unknown>;

/** Called bottom-up on a copy of every object subschema; `pointer` is its JSON pointer from the root (`#/properties/a`). */
export type SubschemaVisitor = (schema: SchemaObject, pointer: string) => SchemaObject;

export function mapSubschemas(schema: JsonSchema, visit: SubschemaVisitor): JsonSchema {
  return mapSchema(schema, '#', visit) as JsonSchema;
}

function mapSchema(value: unknown, pointer: string, visit: SubschemaVisitor): unknown {
  if (!isSchemaObject(value)) return value;
  // Built with Object.fromEntries, so a property named `__proto__` stays an own property.
  const copy = Object.fromEntries(
    Object.entries(value).map(([keyword, child]): [string, unknown] => {
      const at = `${pointer}/${escapePointerToken(keyword)}`;
      if (SCHEMA_MAP_KEYWORDS.has(keyword) && isSchemaObject(child)) {
        return [keyword, Object.fromEntries(Object.entries(child).map(([name, subschema]) => [name, mapSchema(subschema, `${at}/${escapePointerToken(name)}`, visit)]))];
      }
      if (SCHEMA_KEYWORDS.has(keyword) || SCHEMA_LIST_KEYWORDS.has(keyword)) {
        return [keyword, Array.isArray(child) ? child.map((item, index) => mapSchema(item, `${at}/${index}`, visit)) : mapSchema(child, at, visit)];
      }
      return [keyword, child];
    }),
  );
  return visit(copy, pointer);
}

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
