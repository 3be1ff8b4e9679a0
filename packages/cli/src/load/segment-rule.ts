// One Segment rule's JSON Schema -> the schema a call validates (properties or
// traits) plus, when it constrains more than that, the whole-payload schema.
import type { CallEntry, Labels, VersionEntry } from '../model/plan-entries.js';
import type { JsonSchema, SourceRef } from '../model/types.js';
import { constrainsMoreThan, isPayloadSchema, propertiesOfPayload, type PayloadKey } from './payload-schema.js';
import { segmentLabels } from './segment-labels.js';
import { stripAnnotations } from './strip-annotations.js';

export interface SplitRule {
  readonly description?: string;
  readonly labels: Labels;
  readonly schema: JsonSchema;
  readonly payload?: JsonSchema;
}

export function splitRule(written: JsonSchema, key: PayloadKey, description?: string): SplitRule {
  const raw = written as JsonSchema & { labels?: unknown };
  const schema = stripAnnotations(written);
  const text = description ?? (typeof raw.description === 'string' && raw.description !== '' ? raw.description : undefined);
  const base = { ...(text !== undefined ? { description: text } : {}), labels: segmentLabels(raw.labels) };
  if (!isPayloadSchema(schema, key)) return { ...base, schema };
  const part = propertiesOfPayload(schema, key) ?? { type: 'object' };
  return constrainsMoreThan(schema, key) ? { ...base, schema: part, payload: schema } : { ...base, schema: part };
}

export function callEntry(written: JsonSchema, key: PayloadKey, source: SourceRef, description?: string): CallEntry {
  const { labels, ...rest } = splitRule(written, key, description);
  // Kept when the rule has any: a selection (model/select-plan.ts) applies them to the call.
  return { ...rest, ...(Object.keys(labels).length > 0 && { labels }), source };
}

/** A track rule as one event version: every Segment-shaped format (Segment's two, RudderStack's two) reads it so. */
export function trackVersion(event: string, version: number, written: JsonSchema, source: SourceRef, description?: string): VersionEntry {
  const { labels, schema, payload, description: text } = splitRule(written, 'properties', description);
  return {
    event,
    version,
    ...(text !== undefined ? { description: text } : {}),
    labels,
    eventLabels: {},
    properties: schema,
    ...(payload !== undefined ? { payload } : {}),
    source,
    eventSource: source,
  };
}
