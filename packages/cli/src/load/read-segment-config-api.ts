// Segment Config API v1 tracking plans (Typewriter 7): `rules.events[]` of
// { name, description, version, rules }, plus `rules.global` (the common schema)
// and identify/group schemas under `rules.identify` / `identify_traits`,
// `rules.group` / `group_traits`.
import type { PlanEntries, VersionEntry } from '../model/plan-entries.js';
import type { JsonSchema, SourceRef } from '../model/types.js';
import { checkJsonSchemas, type RawSchemaAt } from './check-json-schemas.js';
import { checkShape } from './check-shape.js';
import { segmentConfigApi } from './precompiled/plan-checks.js';
import { toPointer } from './locate.js';
import { errorAt } from '../model/located-error.js';
import { callEntry, trackVersion } from './segment-rule.js';
import type { SourceDocument } from './source-document.js';
import { stripAnnotations } from './strip-annotations.js';

interface ConfigEvent {
  name: string;
  description?: string;
  version?: number;
  rules: JsonSchema;
}

/** An empty list means "not defined" in Segment's exports. */
type TraitsRules = JsonSchema | [];

interface ConfigApiPlan {
  name?: string;
  display_name?: string;
  rules: {
    events?: ConfigEvent[];
    global?: JsonSchema;
    identify?: JsonSchema;
    group?: JsonSchema;
    identify_traits?: TraitsRules;
    group_traits?: TraitsRules;
  };
}

export function readSegmentConfigApi(source: SourceDocument): PlanEntries {
  checkShape(source, segmentConfigApi);
  const plan = source.data as ConfigApiPlan;
  const { file } = source;
  const ref = (...segments: (string | number)[]): SourceRef => ({ file, pointer: toPointer(segments) });
  const events = plan.rules.events ?? [];
  const identify = traitsRule(source, plan.rules, 'identify');
  const group = traitsRule(source, plan.rules, 'group');
  const global = plan.rules.global && unwrap(plan.rules.global, ['rules', 'global']);

  const schemas: RawSchemaAt[] = events.map((event, index) => ({ pointer: toPointer(['rules', 'events', index, 'rules']), schema: event.rules }));
  for (const found of [identify, group, global]) if (found) schemas.push(found);
  checkJsonSchemas(source, schemas, { requiredMustBeListed: false, anyDraft: true });

  const versions = events.map((event, index): VersionEntry => {
    const at = ref('rules', 'events', index);
    if (event.name.trim() === '') throw errorAt(ref('rules', 'events', index, 'name'), `event #${index + 1} has an empty name`, 'Write the event name exactly as the track call sends it', 'value');
    return trackVersion(event.name, event.version ?? 1, event.rules, at, event.description || undefined);
  });
  return {
    name: plan.display_name ?? plan.name ?? 'Tracking plan',
    file,
    format: 'segment-config-api',
    events: versions,
    ...(identify && { identify: callEntry(identify.schema, 'traits', { file, pointer: identify.pointer }) }),
    ...(group && { group: callEntry(group.schema, 'traits', { file, pointer: group.pointer }) }),
    ...(global && { common: { schema: stripAnnotations(global.schema), source: { file, pointer: global.pointer } } }),
  };
}

/** `rules.identify` if present, else `rules.identify_traits` when it is a schema (likewise for group); RudderStack's v1 plans share it. */
export function traitsRule(source: SourceDocument, rules: ConfigApiPlan['rules'], kind: 'identify' | 'group'): { pointer: string; schema: JsonSchema } | undefined {
  const direct = rules[kind];
  if (direct !== undefined) return unwrap(direct, ['rules', kind]);
  const key = `${kind}_traits` as const;
  const traits = rules[key];
  if (traits === undefined || (Array.isArray(traits) && traits.length === 0)) return undefined;
  if (Array.isArray(traits)) {
    throw errorAt(
      { file: source.file, pointer: toPointer(['rules', key]) },
      `rules.${key} is a list of traits, which plangen cannot read`,
      `Give the traits as a JSON Schema in "rules.${kind}"`,
    );
  }
  return unwrap(traits, ['rules', key]);
}

/** Some exports wrap a schema as { name, rules: <schema> } like an event; either way gives the schema. */
export function unwrap(written: JsonSchema, segments: string[]): { pointer: string; schema: JsonSchema } {
  const wrapped = (written as { rules?: unknown }).rules;
  const isWrapper = typeof wrapped === 'object' && wrapped !== null && !Array.isArray(wrapped) && written.type === undefined && written.properties === undefined;
  return isWrapper ? { pointer: toPointer([...segments, 'rules']), schema: wrapped as JsonSchema } : { pointer: toPointer(segments), schema: written };
}
