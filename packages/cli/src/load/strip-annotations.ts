// Segment exports carry bookkeeping inside their JSON Schemas (`labels`,
// `eventMetadata`, `id`, `key`). They are not validation keywords; the model's
// schemas leave them out so generated validators and types stay clean. Only
// schema positions are cleaned: a property that is *named* "id" stays.
import { SEGMENT_ANNOTATION_KEYWORDS } from '../schema/create-ajv.js';
import type { JsonSchema } from '../model/types.js';

const ANNOTATIONS = new Set<string>(SEGMENT_ANNOTATION_KEYWORDS);
/** Keywords whose value is a schema. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else']);
/** Keywords whose value is a map of name -> schema. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

/**
 * Also drops a root `$schema` naming another draft (older exports say draft-04):
 * Protocols validates them as draft-07, and so does every later stage.
 */
export function stripAnnotations(schema: JsonSchema): JsonSchema {
  const cleaned = strip(schema) as JsonSchema;
  if (typeof cleaned.$schema !== 'string' || DRAFT_07.test(cleaned.$schema)) return cleaned;
  const { $schema: _other, ...rest } = cleaned;
  return rest;
}

function strip(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strip); // tuple `items`
  if (typeof schema !== 'object' || schema === null) return schema;
  // fromEntries, not assignment: a key named "__proto__" must stay a key.
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword]) => !ANNOTATIONS.has(keyword))
      .map(([keyword, value]) => [keyword, stripKeyword(keyword, value)]),
  );
}

function stripKeyword(keyword: string, value: unknown): unknown {
  if (SCHEMA_KEYWORDS.has(keyword)) return strip(value);
  if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) return value.map(strip);
  if (SCHEMA_MAP_KEYWORDS.has(keyword) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, strip(child)]));
  }
  return value;
}
