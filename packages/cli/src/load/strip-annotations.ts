// Segment exports carry bookkeeping inside their JSON Schemas (`labels`,
// `eventMetadata`, `id`, `key`). They are not validation keywords; the model's
// schemas leave them out so generated validators and types stay clean. Only
// schema positions are cleaned: a property that is *named* "id" stays.
import { isAnyType } from '../schema/any-type.js';
import { SEGMENT_ANNOTATION_KEYWORDS } from '../schema/annotation-keywords.js';
import { isSchemaObject, mapKeywordSubschemas, type SchemaObject } from '../schema/walk-subschemas.js';
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

/** One pass for both: the annotations out, and every `type` naming "any" (what withoutAnyType would drop after it). */
function strip(schema: SchemaObject): SchemaObject {
  // fromEntries, not assignment: a key named "__proto__" must stay a key.
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword, value]) => !ANNOTATIONS.has(keyword) && !(keyword === 'type' && isAnyType(value)))
      .map(([keyword, value]) => [keyword, mapKeywordSubschemas(keyword, value, strip)]),
  );
}
