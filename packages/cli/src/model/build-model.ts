// Plan entries (from any format) -> the one immutable PlanModel. Versions of the
// same wire name become one event; everything is sorted so the model never
// depends on the order the plan was written in.
import { errorAt } from './located-error.js';
import { deepFreeze } from './deep-freeze.js';
import { CALL_IDENTIFIERS, COMMON_VALIDATOR, assignEventIdentifiers } from './names.js';
import type { CallEntry, PlanEntries, VersionEntry } from './plan-entries.js';
import { withStandardPageProperties } from './standard-page-properties.js';
import type { EventModel, EventVersion, PageModel, PlanFormat, PlanModel, TraitsModel } from './types.js';
import { quote } from '../messages/quote.js';

export function buildModel(entries: PlanEntries): PlanModel {
  const groups = groupByEvent(entries.events);
  const identifiers = assignEventIdentifiers(groups.map(([name, versions]) => ({ name, versions: versions.map((entry) => entry.version) })));
  const events = groups.map(([name, versions], index): EventModel => {
    const ids = identifiers[index]!;
    const latest = versions.at(-1)!;
    // What the event means (written once for all versions) beats what changed in the latest version.
    const description = latest.eventDescription ?? latest.description;
    return {
      name,
      ...(description !== undefined ? { description } : {}),
      labels: { ...latest.eventLabels, ...latest.labels },
      versions: versions.map((entry): EventVersion => toVersion(entry, ids.versions.get(entry.version)!)),
      identifiers: ids.latest,
      source: latest.eventSource,
    };
  });
  return deepFreeze({
    name: entries.name,
    ...(entries.description !== undefined ? { description: entries.description } : {}),
    file: entries.file,
    format: entries.format,
    events,
    ...(entries.identify && { identify: traits('identify', entries.identify) }),
    ...(entries.group && { group: traits('group', entries.group) }),
    ...(entries.page && { page: page('page', entries.page, entries.format) }),
    ...(entries.screen && { screen: page('screen', entries.screen, entries.format) }),
    ...(entries.common && { common: { schema: entries.common.schema, validator: COMMON_VALIDATOR, source: entries.common.source } }),
  });
}

/** [wire name, versions ascending] in code-unit order of the wire name; the same version twice is an error. */
function groupByEvent(entries: readonly VersionEntry[]): [string, VersionEntry[]][] {
  const byName = new Map<string, VersionEntry[]>();
  for (const entry of entries) {
    const versions = byName.get(entry.event) ?? [];
    const earlier = versions.find((other) => other.version === entry.version);
    if (earlier !== undefined) {
      throw errorAt(entry.source, `event ${quote(entry.event)} has version ${entry.version} twice`, 'Give each version its own number, or remove one of them');
    }
    versions.push(entry);
    byName.set(entry.event, versions);
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, versions]) => [name, versions.sort((a, b) => a.version - b.version)]);
}

function toVersion(entry: VersionEntry, identifiers: EventVersion['identifiers']): EventVersion {
  return {
    version: entry.version,
    ...(entry.description !== undefined ? { description: entry.description } : {}),
    labels: { ...entry.eventLabels, ...entry.labels },
    properties: entry.properties,
    ...(entry.payload !== undefined ? { payload: entry.payload } : {}),
    identifiers,
    source: entry.source,
  };
}

function traits(kind: 'identify' | 'group', entry: CallEntry): TraitsModel {
  return {
    kind,
    ...(entry.description !== undefined ? { description: entry.description } : {}),
    ...(entry.labels !== undefined ? { labels: entry.labels } : {}),
    traits: entry.schema,
    ...(entry.payload !== undefined ? { payload: entry.payload } : {}),
    identifiers: CALL_IDENTIFIERS[kind],
    source: entry.source,
  };
}

function page(kind: 'page' | 'screen', entry: CallEntry, format: PlanFormat): PageModel {
  return {
    kind,
    ...(entry.description !== undefined ? { description: entry.description } : {}),
    ...(entry.labels !== undefined ? { labels: entry.labels } : {}),
    properties: format === 'plangen' ? withStandardPageProperties(kind, entry.schema) : entry.schema,
    ...(entry.payload !== undefined ? { payload: entry.payload } : {}),
    identifiers: CALL_IDENTIFIERS[kind],
    source: entry.source,
  };
}
