// Compares two plan models element by element: events and their versions,
// identify/group traits, page/screen properties and the common schema. Schema
// differences come from compare-schemas.ts; this module decides what is added
// or removed as a whole.
import type { JSONSchema7 } from 'json-schema';
import type { EventModel, EventVersion, Labels, PageModel, PlanModel, TraitsModel } from '../model/types.js';
import { sameJson } from '../schema/canonical-json.js';
import { compareSchemas } from './compare-schemas.js';
import { signatureChanges } from './signatures.js';
import type { DiffScope, DiffTarget, PlanChange, PlanDiff } from './types.js';

export function diffPlans(before: PlanModel, after: PlanModel): PlanDiff {
  const changes: PlanChange[] = [];
  diffEvents(changes, before.events, after.events);
  for (const kind of ['identify', 'group'] as const) diffTraits(changes, kind, before[kind], after[kind]);
  for (const kind of ['page', 'screen'] as const) diffPage(changes, kind, before[kind], after[kind]);
  diffCommon(changes, before, after);
  return { changes, signatures: signatureChanges(before, after, changes) };
}

function diffEvents(changes: PlanChange[], before: readonly EventModel[], after: readonly EventModel[]): void {
  const afterByName = new Map(after.map((event) => [event.name, event]));
  const beforeByName = new Map(before.map((event) => [event.name, event]));
  for (const event of before) {
    const next = afterByName.get(event.name);
    const target: DiffTarget = { kind: 'event', event: event.name };
    if (next === undefined) changes.push(whole(target, 'removed', true, `event removed (${versionList(event)})`));
    else diffEvent(changes, event, next);
  }
  for (const event of after) {
    if (!beforeByName.has(event.name)) {
      changes.push(whole({ kind: 'event', event: event.name }, 'added', false, `event added (${versionList(event)})`));
    }
  }
}

function diffEvent(changes: PlanChange[], before: EventModel, after: EventModel): void {
  const target: DiffTarget = { kind: 'event', event: before.name };
  annotations(changes, target, before, after);
  const afterVersions = new Map(after.versions.map((version) => [version.version, version]));
  const beforeVersions = new Set(before.versions.map((version) => version.version));
  for (const version of before.versions) {
    const versionTarget: DiffTarget = { kind: 'version', event: before.name, version: version.version };
    const next = afterVersions.get(version.version);
    if (next === undefined) changes.push(whole(versionTarget, 'removed', true, 'version removed'));
    else diffVersion(changes, versionTarget, version, next);
  }
  for (const version of after.versions) {
    if (!beforeVersions.has(version.version)) {
      changes.push(whole({ kind: 'version', event: after.name, version: version.version }, 'added', false, 'version added'));
    }
  }
}

/** What changed from one version of an event to the next (the docs catalog shows it per version), as `plangen diff` classifies it. */
export function diffVersions(event: string, before: EventVersion, after: EventVersion): PlanChange[] {
  const changes: PlanChange[] = [];
  diffVersion(changes, { kind: 'version', event, version: after.version }, before, after);
  return changes;
}

function diffVersion(changes: PlanChange[], target: DiffTarget, before: EventVersion, after: EventVersion): void {
  annotations(changes, target, before, after);
  schema(changes, target, 'properties', before.properties, after.properties);
  payload(changes, target, before.payload, after.payload);
}

function diffTraits(changes: PlanChange[], kind: 'identify' | 'group', before?: TraitsModel, after?: TraitsModel): void {
  if (!presence(changes, { kind }, before, after) || before === undefined || after === undefined) return;
  annotations(changes, { kind }, before, after);
  schema(changes, { kind }, 'traits', before.traits, after.traits);
  payload(changes, { kind }, before.payload, after.payload);
}

function diffPage(changes: PlanChange[], kind: 'page' | 'screen', before?: PageModel, after?: PageModel): void {
  if (!presence(changes, { kind }, before, after) || before === undefined || after === undefined) return;
  annotations(changes, { kind }, before, after);
  schema(changes, { kind }, 'properties', before.properties, after.properties);
  payload(changes, { kind }, before.payload, after.payload);
}

function diffCommon(changes: PlanChange[], before: PlanModel, after: PlanModel): void {
  const target: DiffTarget = { kind: 'common' };
  if (before.common === undefined && after.common !== undefined) {
    changes.push(whole(target, 'added', true, 'common schema added: every payload must now match it'));
  } else if (before.common !== undefined && after.common === undefined) {
    changes.push(whole(target, 'removed', false, 'common schema removed'));
  } else if (before.common !== undefined && after.common !== undefined) {
    schema(changes, target, 'schema', before.common.schema, after.common.schema);
  }
}

/** Reports an identify/group/page/screen definition that appeared or disappeared; true when it is on both sides. */
function presence(changes: PlanChange[], target: DiffTarget, before: unknown, after: unknown): boolean {
  if (before === undefined && after !== undefined) changes.push(whole(target, 'added', false, `${target.kind} added`));
  if (before !== undefined && after === undefined) changes.push(whole(target, 'removed', true, `${target.kind} removed`));
  return before !== undefined && after !== undefined;
}

function annotations(
  changes: PlanChange[],
  target: DiffTarget,
  before: { readonly description?: string; readonly labels?: Labels },
  after: { readonly description?: string; readonly labels?: Labels },
): void {
  if ((before.description ?? '') !== (after.description ?? '')) changes.push(note(target, 'description changed'));
  if (!sameJson(before.labels ?? {}, after.labels ?? {})) changes.push(note(target, 'labels changed'));
}

function schema(changes: PlanChange[], target: DiffTarget, scope: DiffScope, before: JSONSchema7, after: JSONSchema7): void {
  for (const change of compareSchemas(before, after)) {
    changes.push({
      target,
      scope,
      pointer: change.pointer,
      change: change.change,
      classification: change.breaking ? 'breaking' : 'compatible',
      message: change.message,
      affectsType: change.affectsType,
    });
  }
}

function payload(changes: PlanChange[], target: DiffTarget, before?: JSONSchema7, after?: JSONSchema7): void {
  if (before !== undefined && after !== undefined) schema(changes, target, 'payload', before, after);
  else if (after !== undefined) changes.push({ ...whole(target, 'added', true, 'payload schema added'), scope: 'payload', affectsType: false });
  else if (before !== undefined) changes.push({ ...whole(target, 'removed', false, 'payload schema removed'), scope: 'payload', affectsType: false });
}

function whole(target: DiffTarget, change: PlanChange['change'], breaking: boolean, message: string): PlanChange {
  return { target, change, classification: breaking ? 'breaking' : 'compatible', message, affectsType: change !== 'changed' };
}

function note(target: DiffTarget, message: string): PlanChange {
  return { target, change: 'changed', classification: 'compatible', message, affectsType: false };
}

function versionList(event: EventModel): string {
  return event.versions.map((version) => `v${version.version}`).join(', ');
}
