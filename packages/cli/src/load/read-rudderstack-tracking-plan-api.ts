// RudderStack Tracking Plan API v1 plans (what RudderTyper 1.x keeps as plan.json): Segment's
// Config API shape, `rules.events[]` of { name, description, version, rules }, with versions
// written as strings such as "1-0-0", plus identify/group schemas under `rules.identify` /
// `identify_traits` and `rules.group` / `group_traits`, and page/screen schemas under `rules.page` /
// `rules.screen` (RudderStack looks a call up under its type). Every `rules.events` entry is a track
// rule whose schema covers the whole message (properties, context, traits), as RudderStack
// validates it.
import type { PlanEntries, VersionEntry } from '../model/plan-entries.js';
import type { JsonSchema, SourceRef } from '../model/types.js';
import { formatPointer } from '../schema/json-pointer.js';
import { checkJsonSchemas, type RawSchemaAt } from './check-json-schemas.js';
import { checkShape } from './check-shape.js';
import { rudderstackTrackingPlanApi } from './precompiled/plan-checks.js';
import { errorAt } from '../model/located-error.js';
import { quote } from '../messages/quote.js';
import { traitsRule, unwrap } from './read-segment-config-api.js';
import { checkOneRulePerEvent, type WrittenRule } from './rudderstack-rules.js';
import { rudderstackVersion } from './rudderstack-version.js';
import { callEntry, trackVersion } from './segment-rule.js';
import type { SourceDocument } from './source-document.js';
import { stripAnnotations } from './strip-annotations.js';

interface TrackRule {
  name: string;
  description?: string | null;
  version?: unknown;
  rules: JsonSchema;
}

interface TrackingPlanApiPlan {
  name?: string;
  display_name?: string;
  rules: {
    events?: TrackRule[];
    global?: JsonSchema;
    identify?: JsonSchema;
    group?: JsonSchema;
    page?: JsonSchema;
    screen?: JsonSchema;
    identify_traits?: JsonSchema | [];
    group_traits?: JsonSchema | [];
  };
}

export function readRudderstackTrackingPlanApi(source: SourceDocument): PlanEntries {
  checkShape(source, rudderstackTrackingPlanApi);
  const plan = source.data as TrackingPlanApiPlan;
  const { file } = source;
  const ref = (...segments: (string | number)[]): SourceRef => ({ file, pointer: formatPointer(segments) });
  const events = plan.rules.events ?? [];
  // The identify/group keys are Segment's; only the events differ (string versions, null descriptions).
  const callRules = plan.rules as Parameters<typeof traitsRule>[1];
  const identify = traitsRule(source, callRules, 'identify');
  const group = traitsRule(source, callRules, 'group');
  const global = plan.rules.global && unwrap(plan.rules.global, ['rules', 'global']);
  const page = plan.rules.page && unwrap(plan.rules.page, ['rules', 'page']);
  const screen = plan.rules.screen && unwrap(plan.rules.screen, ['rules', 'screen']);

  const schemas: RawSchemaAt[] = events.map((event, index) => ({ pointer: formatPointer(['rules', 'events', index, 'rules']), schema: event.rules }));
  for (const found of [identify, group, page, screen, global]) if (found) schemas.push(found);
  checkJsonSchemas(source, schemas, { requiredMustBeListed: false, anyDraft: true });

  const written: WrittenRule[] = [];
  const versions = events.map((event, index): VersionEntry => {
    const at = ref('rules', 'events', index);
    if (event.name.trim() === '') throw errorAt(ref('rules', 'events', index, 'name'), `event #${index + 1} has an empty name`, 'Write the event name exactly as the track call sends it', 'value');
    const version = rudderstackVersion(event.version, ref('rules', 'events', index, 'version'), `event ${quote(event.name)}`);
    written.push({ index, key: event.name, track: true, written: event.version, version, source: at });
    return trackVersion(event.name, version, event.rules, at, event.description || undefined);
  });
  checkOneRulePerEvent(written);
  return {
    name: plan.display_name ?? plan.name ?? 'Tracking plan',
    file,
    format: 'rudderstack-tracking-plan-api',
    events: versions,
    ...(identify && { identify: callEntry(identify.schema, 'traits', { file, pointer: identify.pointer }) }),
    ...(group && { group: callEntry(group.schema, 'traits', { file, pointer: group.pointer }) }),
    ...(page && { page: callEntry(page.schema, 'properties', { file, pointer: page.pointer }) }),
    ...(screen && { screen: callEntry(screen.schema, 'properties', { file, pointer: screen.pointer }) }),
    ...(global && { common: { schema: stripAnnotations(global.schema), source: { file, pointer: global.pointer } } }),
  };
}
