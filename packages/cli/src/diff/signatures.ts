// Which generated functions appear, disappear or change their parameter type,
// named with the model's identifiers so the list matches the generated SDK.
// `trackOrderCompleted` follows the latest version, so it changes when the
// latest version changes in place or a different version becomes the latest.
import type { EventModel, PlanModel } from '../model/types.js';
import type { PlanChange, SignatureChange } from './types.js';

export function signatureChanges(before: PlanModel, after: PlanModel, changes: readonly PlanChange[]): SignatureChange[] {
  const result: SignatureChange[] = [];
  const afterByName = new Map(after.events.map((event) => [event.name, event]));
  const beforeNames = new Set(before.events.map((event) => event.name));
  for (const event of before.events) {
    const next = afterByName.get(event.name);
    if (next === undefined) result.push(...allFunctions(event, 'removed', 'event removed'));
    else result.push(...eventSignatures(event, next, changes));
  }
  for (const event of after.events) {
    if (!beforeNames.has(event.name)) result.push(...allFunctions(event, 'added', 'event added'));
  }
  for (const kind of ['identify', 'group', 'page', 'screen'] as const) {
    const was = before[kind];
    const is = after[kind];
    if (was === undefined && is !== undefined) result.push({ fn: is.identifiers.fn, change: 'added', reason: `${kind} added` });
    else if (was !== undefined && is === undefined) result.push({ fn: was.identifiers.fn, change: 'removed', reason: `${kind} removed` });
    else if (is !== undefined && changes.some((change) => change.target.kind === kind && typeChange(change))) {
      result.push({ fn: is.identifiers.fn, change: 'changed', reason: `${kind === 'identify' || kind === 'group' ? 'traits' : 'properties'} changed` });
    }
  }
  return result;
}

function eventSignatures(before: EventModel, after: EventModel, changes: readonly PlanChange[]): SignatureChange[] {
  const result: SignatureChange[] = [];
  const changedInPlace = (version: number) =>
    changes.some(
      (change) => change.target.kind === 'version' && change.target.event === after.name && change.target.version === version && typeChange(change),
    );
  const afterVersions = new Map(after.versions.map((version) => [version.version, version]));
  const beforeVersions = new Set(before.versions.map((version) => version.version));
  for (const version of before.versions) {
    const next = afterVersions.get(version.version);
    if (next === undefined) result.push({ fn: version.identifiers.fn, change: 'removed', reason: `v${version.version} removed` });
    else if (changedInPlace(version.version)) result.push({ fn: next.identifiers.fn, change: 'changed', reason: `v${version.version} properties changed` });
  }
  for (const version of after.versions) {
    if (!beforeVersions.has(version.version)) result.push({ fn: version.identifiers.fn, change: 'added', reason: `v${version.version} added` });
  }

  const oldLatest = before.versions.at(-1)?.version;
  const newLatest = after.versions.at(-1)?.version;
  if (newLatest !== undefined && newLatest !== oldLatest) {
    result.push({ fn: after.identifiers.fn, change: 'changed', reason: `latest version is now v${newLatest} (was v${String(oldLatest)})` });
  } else if (newLatest !== undefined && changedInPlace(newLatest)) {
    result.push({ fn: after.identifiers.fn, change: 'changed', reason: `latest version v${newLatest} properties changed` });
  }
  return result;
}

function allFunctions(event: EventModel, change: 'added' | 'removed', reason: string): SignatureChange[] {
  return [event.identifiers, ...event.versions.map((version) => version.identifiers)].map((identifiers) => ({
    fn: identifiers.fn,
    change,
    reason,
  }));
}

/** Only the properties or traits schema is a wrapper's parameter type. */
function typeChange(change: PlanChange): boolean {
  return change.affectsType && change.scope !== undefined && change.scope !== 'payload' && change.scope !== 'schema';
}
