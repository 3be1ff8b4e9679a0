// Segment Config API v1 tracking plans (Typewriter 7): `rules.events[]` of
// { name, description, version, rules }, plus `rules.global` (the common schema)
// and identify/group schemas under `rules.identify` / `identify_traits`,
// `rules.group` / `group_traits`.
import type { PlanEntries, VersionEntry } from '../model/plan-entries.js';
import type { JsonSchema, SourceRef } from '../model/types.js';
import { checkJsonSchemas, type RawSchemaAt } from './check-json-schemas.js';
import { checkShape } from './check-shape.js';
import { toPointer } from './locate.js';
import { errorAt } from './located-error.js';
import { callEntry, splitRule } from './segment-rule.js';
import { CONFIG_API_SHAPE } from './segment-shapes.js';
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
  checkShape(source, CONFIG_API_SHAPE);
  const plan = source.data as ConfigApiPlan;
  const { file } = source;
  const ref = (...segments: (string | number)[]): SourceRef => ({ file, pointer: toPointer(segments) });
  const events = plan.rules.events ?? [];
  const identify = traitsRule(plan.rules, 'identify');
  const group = traitsRule(plan.rules, 'group');

  const schemas: RawSchemaAt[] = events.map((event, index) => ({ pointer: toPointer(['rules', 'events', index, 'rules']), schema: event.rules }));
  for (const found of [identify, group]) if (found) schemas.push({ pointer: toPointer(['rules', found.key]), schema: found.schema });
  if (plan.rules.global) schemas.push({ pointer: toPointer(['rules', 'global']), schema: plan.rules.global });
  checkJsonSchemas(source, schemas, { requiredMustBeListed: false });

  const versions = events.map((event, index): VersionEntry => {
    const at = ref('rules', 'events', index);
    if (event.name.trim() === '') throw errorAt(ref('rules', 'events', index, 'name'), `event #${index + 1} has an empty name`, 'Write the event name exactly as the track call sends it', 'value');
    const { description, labels, schema, payload } = splitRule(event.rules, 'properties', event.description || undefined);
    return {
      event: event.name,
      version: event.version ?? 1,
      ...(description !== undefined ? { description } : {}),
      labels,
      eventLabels: {},
      properties: schema,
      ...(payload !== undefined ? { payload } : {}),
      source: at,
      eventSource: at,
    };
  });
  return {
    name: plan.display_name ?? plan.name ?? 'Tracking plan',
    file,
    format: 'segment-config-api',
    events: versions,
    ...(identify && { identify: callEntry(identify.schema, 'traits', ref('rules', identify.key)) }),
    ...(group && { group: callEntry(group.schema, 'traits', ref('rules', group.key)) }),
    ...(plan.rules.global && { common: { schema: stripAnnotations(plan.rules.global), source: ref('rules', 'global') } }),
  };
}

/** `rules.identify` if present, else a non-empty `rules.identify_traits` (likewise for group). */
function traitsRule(rules: ConfigApiPlan['rules'], kind: 'identify' | 'group'): { key: string; schema: JsonSchema } | undefined {
  const direct = rules[kind];
  if (direct !== undefined) return { key: kind, schema: direct };
  const traits = rules[`${kind}_traits`];
  return traits === undefined || Array.isArray(traits) ? undefined : { key: `${kind}_traits`, schema: traits };
}
