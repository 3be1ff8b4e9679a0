// The generated SDK's track functions, by name, as the model names them
// (model/names.ts decides them for generate): `trackOrderCompleted` sends the
// latest version, `trackOrderCompletedV1` version 1. Audit maps a resolved
// function back to its event and version through this table, never by parsing names.
import { CALL_IDENTIFIERS } from '../model/names.js';
import type { EventModel, PlanModel } from '../model/types.js';

export interface SdkFunction {
  readonly fn: string;
  readonly event: EventModel;
  readonly version: number;
  /** True for the latest-version function (`trackOrderCompleted`), which follows new versions. */
  readonly latest: boolean;
}

export function sdkFunctions(model: PlanModel): ReadonlyMap<string, SdkFunction> {
  const functions = new Map<string, SdkFunction>();
  for (const event of model.events) {
    const newest = event.versions[event.versions.length - 1]!.version;
    functions.set(event.identifiers.fn, { fn: event.identifiers.fn, event, version: newest, latest: true });
    for (const version of event.versions) {
      functions.set(version.identifiers.fn, { fn: version.identifiers.fn, event, version: version.version, latest: false });
    }
  }
  return functions;
}

/** The raw client methods audit looks for. */
export const RAW_METHODS = ['track', 'identify', 'group', 'page', 'screen'] as const;
export type RawMethod = (typeof RAW_METHODS)[number];

/** The SDK function that replaces a raw identify/group/page/screen call, when the plan defines that call. */
export function plannedCallFunction(model: PlanModel, method: Exclude<RawMethod, 'track'>): string | undefined {
  return model[method] !== undefined ? CALL_IDENTIFIERS[method].fn : undefined;
}
