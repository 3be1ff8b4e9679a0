// RudderStack Data Catalog tracking plans (what RudderTyper 2 keeps as plan.json): one
// `rules.events[]` list of { name, description, eventType, rules } for every call type.
// RudderTyper makes a track wrapper of each `track` entry (named by `name`) and an identify,
// page, screen or group wrapper of the others, whose `name` is empty; every entry's schema
// covers the whole message (`properties` or `traits`, `context`), as RudderStack validates it.
// Plans written before the Data Catalog had non-track rules carry no `eventType`: every rule is a track rule.
import type { CallEntry, PlanEntries, VersionEntry } from '../model/plan-entries.js';
import type { JsonSchema, SourceRef } from '../model/types.js';
import { formatPointer } from '../schema/json-pointer.js';
import { checkJsonSchemas } from './check-json-schemas.js';
import { checkShape } from './check-shape.js';
import { rudderstackDataCatalogApi } from './precompiled/plan-checks.js';
import { errorAt } from '../model/located-error.js';
import { quote } from '../messages/quote.js';
import { checkOneRulePerEvent, type WrittenRule } from './rudderstack-rules.js';
import type { RUDDERSTACK_EVENT_TYPES } from './rudderstack-shapes.js';
import { rudderstackVersion } from './rudderstack-version.js';
import { callEntry, trackVersion } from './segment-rule.js';
import type { SourceDocument } from './source-document.js';

interface CatalogRule {
  name?: string;
  description?: string | null;
  /** Absent in plans RudderTyper wrote before non-track rules existed: a track rule. */
  eventType?: (typeof RUDDERSTACK_EVENT_TYPES)[number];
  version?: unknown;
  rules: JsonSchema;
}

interface DataCatalogPlan {
  name?: string;
  description?: string;
  rules: { events: CatalogRule[] };
}

export function readRudderstackDataCatalogApi(source: SourceDocument): PlanEntries {
  checkShape(source, rudderstackDataCatalogApi);
  const plan = source.data as DataCatalogPlan;
  const { file } = source;
  const ref = (...segments: (string | number)[]): SourceRef => ({ file, pointer: formatPointer(segments) });
  const rules = plan.rules.events;
  checkJsonSchemas(
    source,
    rules.map((rule, index) => ({ pointer: formatPointer(['rules', 'events', index, 'rules']), schema: rule.rules })),
    { requiredMustBeListed: false, anyDraft: true },
  );

  const written: WrittenRule[] = [];
  const events: VersionEntry[] = [];
  const calls: Partial<Record<'identify' | 'group' | 'page' | 'screen', CallEntry>> = {};
  for (const [index, rule] of rules.entries()) {
    const at = ref('rules', 'events', index);
    const description = rule.description || undefined;
    if (rule.eventType !== undefined && rule.eventType !== 'track') {
      // RudderTyper names these calls by their type and ignores `name`, which the Data Catalog leaves empty.
      const version = rudderstackVersion(rule.version, ref('rules', 'events', index, 'version'), `the ${rule.eventType} rule`);
      written.push({ index, key: rule.eventType, track: false, written: rule.version, version, source: at });
      const key = rule.eventType === 'identify' || rule.eventType === 'group' ? 'traits' : 'properties';
      calls[rule.eventType] = callEntry(rule.rules, key, at, description);
      continue;
    }
    const name = rule.name ?? '';
    if (name.trim() === '') {
      throw errorAt(ref('rules', 'events', index, ...(rule.name === undefined ? [] : ['name'])), `track rule #${index + 1} has no event name`, 'Write the event name exactly as the track call sends it', rule.name === undefined ? 'element' : 'value');
    }
    const version = rudderstackVersion(rule.version, ref('rules', 'events', index, 'version'), `event ${quote(name)}`);
    written.push({ index, key: name, track: true, written: rule.version, version, source: at });
    events.push(trackVersion(name, version, rule.rules, at, description));
  }
  checkOneRulePerEvent(written);
  return {
    name: plan.name || 'Tracking plan',
    ...(plan.description ? { description: plan.description } : {}),
    file,
    format: 'rudderstack-data-catalog-api',
    events,
    ...(calls.identify && { identify: calls.identify }),
    ...(calls.group && { group: calls.group }),
    ...(calls.page && { page: calls.page }),
    ...(calls.screen && { screen: calls.screen }),
  };
}
