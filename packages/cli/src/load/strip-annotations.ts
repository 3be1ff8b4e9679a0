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

/**
 * One pass for both: the annotations out, and every `type` naming "any" (what withoutAnyType would drop after it).
 * What holds neither is returned as it is, not copied: the model is frozen, so it may share the plan's data (only
 * the objects on the way to a stripped keyword are new), which spares a copy of every schema of a large plan.
 */
function strip(schema: SchemaObject): SchemaObject {
  let changed = false;
  const kept: [string, unknown][] = [];
  for (const keyword of Object.keys(schema)) {
    const value = schema[keyword];
    if (ANNOTATIONS.has(keyword) || (keyword === 'type' && isAnyType(value))) {
      changed = true;
      continue;
    }
    const mapped = mapKeywordSubschemas(keyword, value, strip);
    const next = sameChildren(value, mapped) ? value : mapped;
    changed ||= next !== value;
    kept.push([keyword, next]);
  }
  // fromEntries, not assignment: a key named "__proto__" must stay a key.
  return changed ? Object.fromEntries(kept) : schema;
}

/** Whether `mapped` (mapKeywordSubschemas' new list or map) holds the very children `value` holds, under the same keys. */
function sameChildren(value: unknown, mapped: unknown): boolean {
  if (value === mapped) return true;
  if (typeof value !== 'object' || value === null || typeof mapped !== 'object' || mapped === null) return false;
  if (Array.isArray(value)) return Array.isArray(mapped) && value.length === mapped.length && value.every((item, index) => item === mapped[index]);
  const before = value as Record<string, unknown>;
  const after = mapped as Record<string, unknown>;
  const names = Object.keys(before);
  const mappedNames = Object.keys(after);
  return names.length === mappedNames.length && names.every((name, index) => mappedNames[index] === name && before[name] === after[name]);
}
