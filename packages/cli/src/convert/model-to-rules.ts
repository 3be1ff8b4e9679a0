// The model -> Segment Protocols rules (what `push` sends and `export --to
// segment-public-api` writes): one TRACK rule per event version, IDENTIFY and
// GROUP for traits, PAGE and SCREEN, and COMMON. Each rule's JSON Schema is the
// whole payload, as Segment's own editor writes it (`properties.properties`,
// `properties.traits`), so Protocols validates what the SDK validates; read back,
// the model's schemas come out of it unchanged (load/payload-schema.ts).
import type { JsonSchema, Labels, PlanModel } from '../model/types.js';
import { isSchemaObject, mapKeywordSubschemas } from '../schema/walk-subschemas.js';

export type SegmentRuleType = 'TRACK' | 'IDENTIFY' | 'GROUP' | 'PAGE' | 'SCREEN' | 'COMMON';

export interface SegmentRule {
  readonly type: SegmentRuleType;
  readonly key?: string;
  readonly version: number;
  readonly jsonSchema: Record<string, unknown>;
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export function modelToRules(model: PlanModel): SegmentRule[] {
  const rules: SegmentRule[] = [];
  for (const event of model.events) {
    for (const version of event.versions) {
      // A rule has one description: the latest version without one of its own carries the event's.
      const description = version.description ?? (version === event.versions.at(-1) ? event.description : undefined);
      const jsonSchema = payloadSchema('properties', version.properties, version.payload, description, version.labels);
      rules.push({ type: 'TRACK', key: event.name, version: version.version, jsonSchema });
    }
  }
  for (const kind of ['identify', 'group'] as const) {
    const call = model[kind];
    if (call !== undefined) rules.push({ type: kind === 'identify' ? 'IDENTIFY' : 'GROUP', version: 1, jsonSchema: payloadSchema('traits', call.traits, call.payload, call.description) });
  }
  for (const kind of ['page', 'screen'] as const) {
    const call = model[kind];
    if (call !== undefined) rules.push({ type: kind === 'page' ? 'PAGE' : 'SCREEN', version: 1, jsonSchema: payloadSchema('properties', call.properties, call.payload, call.description) });
  }
  if (model.common !== undefined) rules.push({ type: 'COMMON', version: 1, jsonSchema: { ...(model.common.schema as Record<string, unknown>) } });
  return rules;
}

/**
 * The whole-payload schema with `part` under `properties[key]`. A payload schema of the model is
 * kept as written; one that does not constrain `key` itself gets the part added.
 */
function payloadSchema(key: 'properties' | 'traits', part: JsonSchema, payload: JsonSchema | undefined, description?: string, labels?: Labels): Record<string, unknown> {
  const annotations = { ...(description !== undefined ? { description } : {}), ...(labels !== undefined && Object.keys(labels).length > 0 ? { labels } : {}) };
  const { definitions, nested } = hoistDefinitions(part, key);
  if (payload !== undefined) {
    const written = payload as Record<string, unknown> & { properties?: Record<string, unknown>; definitions?: Record<string, unknown> };
    if (written.properties?.[key] !== undefined) return { ...written, ...annotations };
    return {
      ...written,
      ...annotations,
      properties: { ...written.properties, [key]: nested },
      ...(definitions !== undefined ? { definitions: { ...definitions, ...written.definitions } } : {}),
    };
  }
  return {
    $schema: DRAFT_07,
    type: 'object',
    ...annotations,
    properties: { context: {}, ...(key === 'properties' ? { traits: {}, properties: nested } : { traits: nested }) },
    ...(definitions !== undefined ? { definitions } : {}),
  };
}

/**
 * The part's `definitions` move to the payload's root, where its `#/definitions/...` references
 * point once it is nested; its other local references get the path of the part in front.
 */
function hoistDefinitions(part: JsonSchema, key: string): { definitions?: Record<string, unknown>; nested: unknown } {
  if (!isSchemaObject(part)) return { nested: part };
  const { definitions, ...rest } = part;
  const prefix = `#/properties/${key}`;
  const hoisted = isSchemaObject(definitions);
  const rebase = (ref: string) => (hoisted && ref.startsWith('#/definitions/')) || !ref.startsWith('#') ? ref : ref === '#' ? prefix : `${prefix}${ref.slice(1)}`;
  if (!hoisted) return { nested: rewriteRefs(part, rebase) };
  return { definitions: mapKeywordSubschemas('definitions', definitions, (schema) => rewriteRefs(schema, rebase)) as Record<string, unknown>, nested: rewriteRefs(rest, rebase) };
}

/** Only `$ref`s at schema positions (schema/walk-subschemas.ts): an enum value holding a "$ref" key is data. */
function rewriteRefs(schema: unknown, rewrite: (ref: string) => string): unknown {
  if (!isSchemaObject(schema)) return schema;
  // fromEntries, not assignment: a key named "__proto__" must stay a key.
  return Object.fromEntries(
    Object.entries(schema).map(([keyword, value]) => [
      keyword,
      keyword === '$ref' && typeof value === 'string' ? rewrite(value) : mapKeywordSubschemas(keyword, value, (child) => rewriteRefs(child, rewrite)),
    ]),
  );
}
