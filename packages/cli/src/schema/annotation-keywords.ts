// Apart from create-ajv.ts, so that reading a plan (load/strip-annotations.ts) does not load ajv's compiler.

/**
 * Keys that Segment's exports carry inside schemas. They are data, not
 * validation keywords, so they are accepted and ignored rather than rejected.
 */
export const SEGMENT_ANNOTATION_KEYWORDS = ['labels', 'eventMetadata', 'key', 'id'] as const;
