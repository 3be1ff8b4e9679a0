// json-schema-to-typescript handles a schema object once however often it sits in
// its input (its walks skip an object they have seen, its parser caches the type
// of each object), so equal property schemas made one object cost it one pass, not
// one per property: most properties of a large plan repeat (the same `currency`,
// described the same way, in forty events); on the 500-event benchmark plan half of
// the nodes it walked. Only schemas whose printed type cannot depend on where they
// sit are shared (shareable below): a primitive, a union of primitive types, an enum
// or a list of such, with no name, reference or subschema of any other kind.
import type { JsonSchema } from '../model/types.js';
import { isSchemaObject, mapKeywordSubschemas, subschemaKind, type SchemaObject } from '../schema/walk-subschemas.js';
import { UNTYPED_KEYWORDS } from './typing-schema.js';

// A type json-schema-to-typescript prints the same wherever it sits: never a union that its optimizer
// could replace (with `unknown`) in one place and not in another, nor an object it could name.
const PRIMITIVE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

// Keywords with a string, number or boolean value that it copies into comments or ignores.
const ANNOTATIONS = new Set([...UNTYPED_KEYWORDS, 'description', 'minItems', 'maxItems', 'deprecated', '$comment', 'readOnly', 'writeOnly']);

/**
 * Replaces, in place, each shareable schema of a `properties` map or an `items` keyword in `definitions`
 * (the typing copies of typing-definitions.ts, objects of their own) with the first equal one. Shares
 * nothing, and returns false, when the schemas hold a `$ref`: json-schema-to-typescript names an array
 * schema reached through a reference after the reference, which would name every copy of a shared one.
 */
export function shareEqualSchemas(definitions: Readonly<Record<string, JsonSchema>>): boolean {
  if (holdsReference(definitions)) return false;
  const firstOf = new Map<string, SchemaObject>();
  const shared = (schema: SchemaObject): SchemaObject => {
    const key = JSON.stringify(schema);
    const first = firstOf.get(key);
    if (first !== undefined) return first;
    firstOf.set(key, schema);
    return schema;
  };
  const visit = (schema: SchemaObject): void => {
    if (Object.isFrozen(schema)) return; // not a typing copy: left as it is
    for (const keyword in schema) {
      const value = schema[keyword];
      if (keyword === 'properties' && isSchemaObject(value) && !Object.isFrozen(value)) {
        for (const name in value) {
          const child = value[name];
          if (shareable(child)) value[name] = shared(child);
          else if (isSchemaObject(child)) visit(child);
        }
      } else if (keyword === 'items' && shareable(value)) {
        schema[keyword] = shared(value);
      } else if (subschemaKind(keyword) !== undefined) {
        mapKeywordSubschemas(keyword, value, visit);
      }
    }
  };
  for (const definition of Object.values(definitions)) visit(definition as SchemaObject);
  return true;
}

/** A primitive type (or a list or union of them) with annotations only: printed the same wherever it sits. */
function shareable(schema: unknown): schema is SchemaObject {
  if (!isSchemaObject(schema)) return false;
  let typed = false;
  for (const keyword in schema) {
    const value = schema[keyword];
    if (keyword === 'type') {
      if (!(typeof value === 'string' ? PRIMITIVE_TYPES.has(value) || value === 'array' : isPrimitiveTypeList(value))) return false;
      typed = true;
    } else if (keyword === 'tsType') {
      if (typeof value !== 'string') return false;
      typed = true;
    } else if (keyword === 'items') {
      if (!shareable(value)) return false;
    } else if (keyword === 'enum') {
      if (!Array.isArray(value) || !value.every(isPrimitive)) return false;
    } else if (keyword === 'const') {
      if (!isPrimitive(value)) return false;
    } else if (!ANNOTATIONS.has(keyword) || !isPrimitive(value) || value === null) {
      return false;
    }
  }
  return typed;
}

/** Whether any object in `value` has a `$ref` key: the reference parser follows one wherever it is. */
function holdsReference(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsReference);
  if (Object.hasOwn(value, '$ref')) return true;
  for (const key in value) if (holdsReference((value as Record<string, unknown>)[key])) return true;
  return false;
}

function isPrimitiveTypeList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((type) => typeof type === 'string' && PRIMITIVE_TYPES.has(type));
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
