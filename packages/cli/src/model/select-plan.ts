// A selection picks the part of a plan one SDK is made of (config `outputs[].include`/`exclude`,
// `plangen inspect --include-label ...`). It never changes the model: it returns a new, frozen one.
//
// Semantics (docs/config.md, "Several outputs: one plan, several SDKs"):
// - selection is per event version: a version's labels are its own merged over its event's, so a
//   label written on one version selects that version only;
// - `include` keeps a version that matches ANY of its entries (any listed label, or any listed
//   event name or glob); without `include` every version is kept;
// - `exclude` then drops a version that matches ANY of its entries: exclude wins over include;
// - an event keeps the versions selected; it is left out when none is; its `trackX()` sends its
//   latest SELECTED version (the JSDoc says so when that is not the plan's latest);
// - identify, group, page and screen follow the label entries when their rule has labels (Segment-shaped
//   plans): kept unless `include` lists labels and none matches, or an `exclude` label matches; event-name
//   entries do not concern them. Without labels (and the common schema, which has none) they are kept.
// Generated names are the full plan's, so an event is called the same in every output.
import { PlanError, type ErrorLocation } from '../errors.js';
import { deepFreeze } from './deep-freeze.js';
import { labelPairs } from './label-pairs.js';
import type { EventModel, EventVersion, Labels, PageModel, PlanModel, TraitsModel } from './types.js';

export interface SelectionRule {
  /** `key:value` labels (`platform:web`); a bare `key` matches the key with any value. */
  readonly labels?: readonly string[];
  /** Wire names, exactly, or globs: `*` is any run of characters, `?` one character. */
  readonly events?: readonly string[];
}

export interface Selection {
  readonly include?: SelectionRule;
  readonly exclude?: SelectionRule;
}

/** True when the selection keeps everything: no include and no exclude entries. */
export function selectsAll(selection: Selection | undefined): boolean {
  return isEmptyRule(selection?.include) && isEmptyRule(selection?.exclude);
}

/** The model limited to the selection (the same object when it keeps everything). */
export function selectPlan(model: PlanModel, selection: Selection | undefined): PlanModel {
  if (selection === undefined || selectsAll(selection)) return model;
  const include = selection.include && !isEmptyRule(selection.include) ? compileRule(selection.include) : undefined;
  const exclude = selection.exclude && !isEmptyRule(selection.exclude) ? compileRule(selection.exclude) : undefined;
  const kept = (event: EventModel, version: EventVersion): boolean =>
    (include === undefined || include(event.name, version.labels)) && !(exclude !== undefined && exclude(event.name, version.labels));
  const calls = {
    identify: keptCall(model.identify, selection),
    group: keptCall(model.group, selection),
    page: keptCall(model.page, selection),
    screen: keptCall(model.screen, selection),
  };
  const events = model.events.flatMap((event): EventModel[] => {
    const versions = event.versions.filter((version) => kept(event, version));
    if (versions.length === 0) return [];
    return versions.length === event.versions.length ? [event] : [selectedEvent(event, versions)];
  });
  const { identify: _i, group: _g, page: _p, screen: _s, ...rest } = model;
  return deepFreeze({
    ...rest,
    events,
    ...(calls.identify && { identify: calls.identify }),
    ...(calls.group && { group: calls.group }),
    ...(calls.page && { page: calls.page }),
    ...(calls.screen && { screen: calls.screen }),
  });
}

/** A call with labels, judged by the selection's label entries alone; one without labels is kept. */
function keptCall<Call extends TraitsModel | PageModel>(call: Call | undefined, selection: Selection): Call | undefined {
  if (call?.labels === undefined) return call;
  const includeLabels = selection.include?.labels ?? [];
  if (includeLabels.length > 0 && !hasAnyLabel(call.labels, includeLabels)) return undefined;
  return hasAnyLabel(call.labels, selection.exclude?.labels ?? []) ? undefined : call;
}

/**
 * selectPlan, where selecting no event is an error at `at` (the output in the config, or the flags) that
 * names the selection and the labels the plan has.
 */
export function selectEvents(model: PlanModel, selection: Selection | undefined, at: ErrorLocation, planFile: string): PlanModel {
  const selected = selectPlan(model, selection);
  if (selected.events.length > 0 || selection === undefined || selectsAll(selection)) return selected;
  const labels = planLabels(model);
  throw new PlanError(
    at,
    `the selection (${describeSelection(selection)}) selects no event of ${planFile}`,
    labels.length > 0 ? `Labels in the plan: ${labels.join(', ')}` : 'The plan has no labels: select by event name (exact or with * and ?)',
  );
}

/** Every label of the plan (event and version level, and calls'), as `key:value`, sorted: what an empty selection's error lists. */
export function planLabels(model: PlanModel): string[] {
  const labels = new Set<string>();
  for (const event of model.events) {
    for (const version of event.versions) for (const [key, value] of labelPairs(version.labels)) labels.add(`${key}:${value}`);
  }
  for (const call of [model.identify, model.group, model.page, model.screen]) {
    for (const [key, value] of labelPairs(call?.labels ?? {})) labels.add(`${key}:${value}`);
  }
  return [...labels].sort();
}

/** `include labels platform:web; exclude events "Debug *"`: the selection as one line, for messages. */
export function describeSelection(selection: Selection): string {
  const parts: string[] = [];
  for (const side of ['include', 'exclude'] as const) {
    const rule = selection[side];
    if (rule?.labels?.length) parts.push(`${side} labels ${rule.labels.map((label) => JSON.stringify(label)).join(', ')}`);
    if (rule?.events?.length) parts.push(`${side} events ${rule.events.map((name) => JSON.stringify(name)).join(', ')}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'everything';
}

function isEmptyRule(rule: SelectionRule | undefined): boolean {
  return rule === undefined || ((rule.labels?.length ?? 0) === 0 && (rule.events?.length ?? 0) === 0);
}

function compileRule(rule: SelectionRule): (event: string, labels: Labels) => boolean {
  const names = (rule.events ?? []).map(globPattern);
  const labels = rule.labels ?? [];
  return (event, versionLabels) => {
    if (names.some((pattern) => pattern.test(event))) return true;
    return labels.length > 0 && hasAnyLabel(versionLabels, labels);
  };
}

/** Whether `labels` has any of `wanted`: `key:value` exactly, or a bare `key` with any value. */
function hasAnyLabel(labels: Labels, wanted: readonly string[]): boolean {
  const pairs = labelPairs(labels);
  return wanted.some((label) => pairs.some(([key, value]) => label === key || label === `${key}:${value}`));
}

// Event names are free text, not paths: `*` and `?` are the only special characters (a `/` or `.` is
// plain text), so a two-character glob needs no glob library's path rules.
function globPattern(glob: string): RegExp {
  const source = [...glob].map((char) => (char === '*' ? '[\\s\\S]*' : char === '?' ? '[\\s\\S]' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'u');
}

// The event with only its selected versions. Its names stay the plan's; `trackX()` and the
// `XProperties` alias now mean the latest selected version.
function selectedEvent(event: EventModel, versions: readonly EventVersion[]): EventModel {
  const latest = versions[versions.length - 1]!;
  const planLatest = event.versions[event.versions.length - 1]!;
  // The model's description is the event's own, else its latest version's: follow the latest selected one then.
  const ownDescription = event.description !== undefined && event.description !== planLatest.description;
  const description = ownDescription ? event.description : latest.description;
  return {
    name: event.name,
    ...(description !== undefined ? { description } : {}),
    labels: latest.labels,
    versions,
    identifiers: { ...event.identifiers, validator: latest.identifiers.validator },
    source: event.source,
    ...(latest !== planLatest ? { planLatestVersion: event.planLatestVersion ?? planLatest.version } : {}),
  };
}
