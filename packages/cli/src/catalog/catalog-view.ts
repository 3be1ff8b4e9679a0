// Everything the catalog shows, decided once from the model: the HTML page and
// the markdown files only print this view. Changes between versions come from
// diff/ (the code of `plangen diff`), function names and signatures from the
// model and the SDK the command hands in (model/sdk-signatures.ts).
import { describeLocation } from '../diff/describe-change.js';
import { diffVersions } from '../diff/diff-plans.js';
import type { PlanChange } from '../diff/types.js';
import { labelPairs } from '../model/label-pairs.js';
import type { SdkSignatures } from '../model/sdk-signatures.js';
import type { EventModel, JsonSchema, Labels, PageModel, PlanModel, TraitsModel } from '../model/types.js';
import { propertyRows, type PropertyRow } from './property-rows.js';
import { usageSnippet } from './usage-snippet.js';

/** Where the usage snippets import the SDK from, as the README's example does. */
export const SNIPPET_IMPORT = './analytics/index.js';

export interface FunctionView {
  readonly fn: string;
  /** `trackOrderCompletedV2(properties: OrderCompletedV2Properties, options?: TrackOptions, callback?: Callback)`. */
  readonly signature: string;
  /** What calling it sends: `sends v2`. */
  readonly note: string;
}

export interface ChangeView {
  readonly change: PlanChange['change'];
  readonly classification: PlanChange['classification'];
  /** `property "coupon": added`, as `plangen diff` words it. */
  readonly text: string;
}

export interface VersionView {
  readonly version: number;
  readonly latest: boolean;
  readonly description?: string;
  readonly labels: readonly string[];
  readonly properties: readonly PropertyRow[];
  /** Rows of the whole-payload schema, when the version has one. */
  readonly payload?: readonly PropertyRow[];
  /** From the previous version (`from`); undefined for the first. */
  readonly changes?: { readonly from: number; readonly list: readonly ChangeView[] };
  readonly functions: readonly FunctionView[];
  readonly snippet: string;
}

export interface EventView {
  readonly name: string;
  readonly description?: string;
  /** `key:value` (or `key` for a label without value), sorted. */
  readonly labels: readonly string[];
  /** Latest first: what readers look for. */
  readonly versions: readonly VersionView[];
  /** Lower-cased name, description and property paths, for the search box. */
  readonly searchText: string;
}

export interface CallView {
  readonly kind: 'identify' | 'group' | 'page' | 'screen';
  readonly title: string;
  readonly description?: string;
  readonly function: FunctionView;
  readonly rows: readonly PropertyRow[];
  readonly payload?: readonly PropertyRow[];
}

export interface LabelCount {
  readonly label: string;
  readonly events: number;
}

export interface CatalogView {
  readonly name: string;
  readonly description?: string;
  readonly client: string;
  readonly counts: { readonly events: number; readonly versions: number; readonly properties: number };
  readonly labels: readonly LabelCount[];
  readonly events: readonly EventView[];
  readonly calls: readonly CallView[];
  readonly common?: { readonly rows: readonly PropertyRow[]; readonly schema: JsonSchema };
}

const CALL_TITLES = { identify: 'Identify traits', group: 'Group traits', page: 'Page properties', screen: 'Screen properties' } as const;

export function catalogView(model: PlanModel, sdk: SdkSignatures): CatalogView {
  const signature = (fn: string) => sdk.signatures.get(fn) ?? `${fn}()`;
  const events = model.events.map((event) => eventView(event, signature));
  const calls = [model.identify, model.group, model.page, model.screen]
    .filter((call): call is TraitsModel | PageModel => call !== undefined)
    .map((call) => callView(call, signature));
  const labelCounts = new Map<string, number>();
  for (const event of events) for (const label of event.labels) labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1);
  return {
    name: model.name,
    ...(model.description !== undefined && { description: model.description }),
    client: sdk.client,
    counts: {
      events: model.events.length,
      versions: model.events.reduce((sum, event) => sum + event.versions.length, 0),
      properties: events.reduce((sum, event) => sum + event.versions.reduce((inner, version) => inner + version.properties.filter((row) => row.depth === 0).length, 0), 0),
    },
    labels: [...labelCounts].sort(([a], [b]) => compare(a, b)).map(([label, count]) => ({ label, events: count })),
    events,
    calls,
    ...(model.common !== undefined && { common: { rows: propertyRows(model.common.schema), schema: model.common.schema } }),
  };
}

function eventView(event: EventModel, signature: (fn: string) => string): EventView {
  const latest = event.versions[event.versions.length - 1];
  const versions = event.versions.map((version, index): VersionView => {
    const previous = index > 0 ? event.versions[index - 1] : undefined;
    const isLatest = version === latest;
    const functions: FunctionView[] = [
      ...(isLatest ? [{ fn: event.identifiers.fn, signature: signature(event.identifiers.fn), note: `sends v${version.version}, the latest version` }] : []),
      { fn: version.identifiers.fn, signature: signature(version.identifiers.fn), note: `sends v${version.version}` },
    ];
    const shown = functions[0]!;
    return {
      version: version.version,
      latest: isLatest,
      ...(version.description !== undefined && { description: version.description }),
      labels: labelTexts(version.labels),
      properties: propertyRows(version.properties),
      ...(version.payload !== undefined && { payload: propertyRows(version.payload) }),
      ...(previous !== undefined && { changes: { from: previous.version, list: diffVersions(event.name, previous, version).map(changeView) } }),
      functions,
      snippet: usageSnippet(shown.fn, shown.signature, version.properties, SNIPPET_IMPORT),
    };
  });
  const paths = new Set(versions.flatMap((version) => version.properties.map((row) => row.path)));
  return {
    name: event.name,
    ...(event.description !== undefined && { description: event.description }),
    labels: labelTexts(event.labels),
    versions: versions.reverse(),
    searchText: [event.name, event.description ?? '', ...paths].join('\n').toLowerCase(),
  };
}

function callView(call: TraitsModel | PageModel, signature: (fn: string) => string): CallView {
  const schema = 'traits' in call ? call.traits : call.properties;
  return {
    kind: call.kind,
    title: CALL_TITLES[call.kind],
    ...(call.description !== undefined && { description: call.description }),
    function: { fn: call.identifiers.fn, signature: signature(call.identifiers.fn), note: `sends the ${call.kind} call` },
    rows: propertyRows(schema),
    ...(call.payload !== undefined && { payload: propertyRows(call.payload) }),
  };
}

function changeView(change: PlanChange): ChangeView {
  return { change: change.change, classification: change.classification, text: `${describeLocation(change)}${change.message}` };
}

/** `team:checkout`, or `beta` for a label without value; sorted, so the order never depends on the plan's. */
export function labelTexts(labels: Labels): string[] {
  return labelPairs(labels)
    .map(([key, value]) => (value === '' ? key : `${key}:${value}`))
    .sort(compare);
}

/** Code-unit order, the model's order for names. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
