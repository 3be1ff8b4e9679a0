// Copies a JSON Schema with a visitor applied to every subschema, so that
// keywords are only ever read where they are keywords: a property named
// "pattern" or an enum value that looks like a schema is data, not a schema.
// Which keywords hold subschemas is schema/walk-subschemas.ts's one list.
import type { JsonSchema } from '../../model/types.js';
import { childPointer } from '../../schema/json-pointer.js';
import { isSchemaObject, mapKeywordSubschemas, type SchemaObject } from '../../schema/walk-subschemas.js';

export { escapePointerToken } from '../../schema/json-pointer.js';
export type { SchemaObject } from '../../schema/walk-subschemas.js';

/** Called bottom-up on a copy of every object subschema; `pointer` is its JSON pointer from the root (`#/properties/a`). */
export type SubschemaVisitor = (schema: SchemaObject, pointer: string) => SchemaObject;

export function mapSubschemas(schema: JsonSchema, visit: SubschemaVisitor): JsonSchema {
  return mapSchema(schema, '#', visit) as JsonSchema;
}

function mapSchema(value: unknown, pointer: string, visit: SubschemaVisitor): unknown {
  if (!isSchemaObject(value)) return value;
  // Built with Object.fromEntries, so a property named `__proto__` stays an own property.
  const copy = Object.fromEntries(
    Object.entries(value).map(([keyword, child]): [string, unknown] => [
      keyword,
      mapKeywordSubschemas(keyword, child, (subschema, tokens) => mapSchema(subschema, childPointer(pointer, keyword, ...tokens), visit)),
    ]),
  );
  return visit(copy, pointer);
}
