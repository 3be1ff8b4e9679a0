// What ajv's meta-schema check sees of a schema. Draft-07's meta-schema says
// `enum` and a `type` list hold unique items, and ajv checks that with
// fast-deep-equal, which calls an object's own `valueOf` or `toString` key as a
// method: `enum: [{"valueOf": 1}, {"valueOf": 2}]` made ajv throw "a.valueOf is
// not a function" (or, with functions out of reach in JSON, compare wrongly).
// The view replaces those items with stand-ins that compare exactly as the JSON
// values do, so ajv's own check, and its own messages and pointers, still apply.
import { canonicalJson } from './canonical-json.js';
import { mapKeywordSubschemas, isSchemaObject, someSubschema, type SchemaObject } from './walk-subschemas.js';

/** `schema` with every `enum` and `type` list holding safe stand-ins; the same object when nothing needs one. */
export function metaValidationView<T>(schema: T): T {
  if (!isSchemaObject(schema) || !needsView(schema)) return schema;
  return translate(schema) as T;
}

function translate(schema: SchemaObject): SchemaObject {
  // fromEntries, not assignment: a key named "__proto__" must stay a key.
  return Object.fromEntries(
    Object.entries(schema).map(([keyword, value]) => {
      if (keyword === 'enum' && Array.isArray(value)) return [keyword, enumStandIns(value)];
      if (keyword === 'type' && Array.isArray(value)) return [keyword, typeListStandIns(value)];
      return [keyword, mapKeywordSubschemas(keyword, value, translate)];
    }),
  );
}

/** Each value becomes the index of the first value equal to it: equal values stay equal, the rest distinct. */
function enumStandIns(values: readonly unknown[]): number[] {
  const first = new Map<string, number>();
  return values.map((value, index) => {
    const key = canonicalJson(value);
    if (!first.has(key)) first.set(key, index);
    return first.get(key)!;
  });
}

/**
 * Type names (strings) and other scalars stay, so ajv still names a wrong one; an object or array (never
 * a type name) becomes `[index of the first equal one]`, which equals no scalar and compares safely.
 */
function typeListStandIns(values: readonly unknown[]): unknown[] {
  const first = new Map<string, number>();
  return values.map((value, index) => {
    if (typeof value !== 'object' || value === null) return value;
    const key = canonicalJson(value);
    if (!first.has(key)) first.set(key, index);
    return [first.get(key)!];
  });
}

/** Only schemas with an object or array inside an enum or type list need a copy (the common plan has none). */
function needsView(schema: SchemaObject): boolean {
  return someSubschema(schema, (node) => holdsObjectItem(node.enum) || holdsObjectItem(node.type));
}

function holdsObjectItem(list: unknown): boolean {
  return Array.isArray(list) && list.some((item) => typeof item === 'object' && item !== null);
}
