// Segment's "any" data type, as Segment stores it in a rule's JSON Schema:
// `"type": ["any"]`, `"any"` inside a type list (`["string", "any"]`), or
// `"type": "any"`. It means no constraint, which JSON Schema says by leaving
// `type` out: ajv rejects "any" as a type name, and the types read `{}` as
// `unknown`. Only `type` changes, so every other keyword keeps its place (and
// its line and column in the plan file).
import { mapKeywordSubschemas, someSubschema, type SchemaObject } from './walk-subschemas.js';

/** True when `type` names "any" (alone or in a list): the schema admits every type. */
export function isAnyType(type: unknown): boolean {
  return type === 'any' || (Array.isArray(type) && type.includes('any'));
}

/** The schema with every `type` that names "any" removed; the same object when none does. */
export function withoutAnyType<T>(schema: T): T {
  // A walk that builds nothing finds the few schemas to copy (spelling each schema as JSON to search it cost more).
  if (!someSubschema(schema, (node) => isAnyType(node.type))) return schema;
  return translate(schema as SchemaObject) as T;
}

function translate(schema: SchemaObject): SchemaObject {
  // fromEntries, not assignment: a key named "__proto__" must stay a key.
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword, value]) => !(keyword === 'type' && isAnyType(value)))
      .map(([keyword, value]) => [keyword, mapKeywordSubschemas(keyword, value, translate)]),
  );
}
