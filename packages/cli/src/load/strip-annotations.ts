// Segment exports carry bookkeeping inside their JSON Schemas (`labels`,
// `eventMetadata`, `id`, `key`). They are not validation keywords; the model's
// schemas leave them out so generated validators and types stay clean. Only
// schema positions are cleaned: a property that is *named* "id" stays.
import { isAnyType } from '../schema/any-type.js';
import { SEGMENT_ANNOTATION_KEYWORDS } from '../schema/annotation-keywords.js';
import { isSchemaObject, mapChangedSubschemas, setOwn, type SchemaObject } from '../schema/walk-subschemas.js';
import type { JsonSchema } from '../model/types.js';

const ANNOTATIONS = new Set<string>(SEGMENT_ANNOTATION_KEYWORDS);

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

/**
 * Also drops a root `$schema` naming another draft (older exports say draft-04):
 * Protocols validates them as draft-07, and so does every later stage. Segment's
 * "any" type becomes no `type` (schema/any-type.ts).
 */
export function stripAnnotations(schema: JsonSchema): JsonSchema {
  if (!isSchemaObject(schema)) return schema; // a boolean schema, or not a schema: the meta-schema check says which
  return asDraft07(strip(schema) as JsonSchema);
}

/** The schema without a root `$schema` that names another draft: it is read as draft-07 (see above). */
export function asDraft07<T>(schema: T): T {
  if (!isSchemaObject(schema) || typeof schema.$schema !== 'string' || DRAFT_07.test(schema.$schema)) return schema;
  const { $schema: _other, ...rest } = schema;
  return rest as T;
}

/**
 * One pass for both: the annotations out, and every `type` naming "any" (what withoutAnyType would drop after it).
 * What holds neither is returned as it is, not copied: the model is frozen, so it may share the plan's data (only
 * the objects on the way to a stripped keyword are new), which spares a copy of every schema of a large plan.
 */
function strip(schema: SchemaObject): SchemaObject {
  // The copy is made at the first change, with the keys before it: most subschemas change nothing.
  const keys = Object.keys(schema);
  let stripped: SchemaObject | undefined;
  for (let index = 0; index < keys.length; index++) {
    const keyword = keys[index]!;
    const value = schema[keyword];
    const drop = ANNOTATIONS.has(keyword) || (keyword === 'type' && isAnyType(value));
    const next = drop ? undefined : mapChangedSubschemas(keyword, value, strip);
    if (stripped === undefined && (drop || next !== value)) {
      stripped = {};
      for (let before = 0; before < index; before++) setOwn(stripped, keys[before]!, schema[keys[before]!]);
    }
    if (stripped !== undefined && !drop) setOwn(stripped, keyword, next);
  }
  return stripped ?? schema;
}
