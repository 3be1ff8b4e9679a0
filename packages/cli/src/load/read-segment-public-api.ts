// Segment Public API tracking plans (what Typewriter 8+ keeps as plan.json): a
// flat `rules[]` of { key, type, version, jsonSchema }.
import type { CallEntry, PlanEntries, VersionEntry } from '../model/plan-entries.js';
import type { JsonSchema, SourceRef } from '../model/types.js';
import { checkJsonSchemas } from './check-json-schemas.js';
import { checkShape } from './check-shape.js';
import { segmentPublicApi } from './precompiled/plan-checks.js';
import { errorAt } from '../model/located-error.js';
import { toPointer } from './locate.js';
import { callEntry, trackVersion } from './segment-rule.js';
import type { SourceDocument } from './source-document.js';
import { stripAnnotations } from './strip-annotations.js';

interface Rule {
  key?: string;
  type: 'TRACK' | 'IDENTIFY' | 'GROUP' | 'PAGE' | 'SCREEN' | 'COMMON';
  version?: number;
  jsonSchema: JsonSchema & { eventMetadata?: { name?: unknown } };
}

interface PublicApiPlan {
  name?: string;
  description?: string;
  rules: Rule[];
}

export function readSegmentPublicApi(source: SourceDocument): PlanEntries {
  checkShape(source, segmentPublicApi);
  const plan = source.data as PublicApiPlan;
  checkJsonSchemas(
    source,
    plan.rules.map((rule, index) => ({ pointer: toPointer(['rules', index, 'jsonSchema']), schema: rule.jsonSchema })),
    { requiredMustBeListed: false, anyDraft: true },
  );
  const { file } = source;
  const events: VersionEntry[] = [];
  const calls: Partial<Record<'identify' | 'group' | 'page' | 'screen', { entry: CallEntry; version: number }>> = {};
  let common: PlanEntries['common'];
  for (const [index, rule] of plan.rules.entries()) {
    const ref: SourceRef = { file, pointer: toPointer(['rules', index]) };
    const version = rule.version ?? 1;
    if (rule.type === 'TRACK') {
      const name = rule.key ?? (typeof rule.jsonSchema.eventMetadata?.name === 'string' ? rule.jsonSchema.eventMetadata.name : undefined);
      if (name === undefined || name.trim() === '') throw errorAt(ref, `TRACK rule #${index + 1} has no event name`, 'Set "key" to the event name');
      events.push(trackVersion(name, version, rule.jsonSchema, ref));
    } else if (rule.type === 'COMMON') {
      common = { schema: stripAnnotations(rule.jsonSchema), source: ref };
    } else {
      const kind = rule.type.toLowerCase() as 'identify' | 'group' | 'page' | 'screen';
      const entry = callEntry(rule.jsonSchema, kind === 'identify' || kind === 'group' ? 'traits' : 'properties', ref);
      // Protocols validates identify/group/page/screen against one schema; the newest rule wins.
      const current = calls[kind];
      if (current === undefined || version > current.version) calls[kind] = { entry, version };
    }
  }
  return {
    name: plan.name ?? 'Tracking plan',
    ...(plan.description ? { description: plan.description } : {}),
    file,
    format: 'segment-public-api',
    events,
    ...(calls.identify && { identify: calls.identify.entry }),
    ...(calls.group && { group: calls.group.entry }),
    ...(calls.page && { page: calls.page.entry }),
    ...(calls.screen && { screen: calls.screen.entry }),
    ...(common && { common }),
  };
}
