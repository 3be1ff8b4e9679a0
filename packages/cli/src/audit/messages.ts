// The sentences of audit findings (no trailing period: outputs add it), one place
// so text, JSON and SARIF say the same. Plan text is quoted on one line.
import { quote } from '../messages/quote.js';
import type { EventModel } from '../model/types.js';
import type { RawMethod, SdkFunction } from './sdk-functions.js';

export function describeSdkUse(fn: SdkFunction, use: 'call' | 'reference'): string {
  const sends = `${quote(fn.event.name)} v${fn.version}${fn.latest ? ' (the latest version)' : ''}`;
  return use === 'call' ? `${fn.fn}() sends ${sends}` : `${fn.fn} is passed on to be called: it sends ${sends}`;
}

export function describePinned(fn: SdkFunction, newest: number): string {
  return `${fn.fn} pins ${quote(fn.event.name)} to v${fn.version}, but v${newest} is the latest. Move the call to ${fn.event.identifiers.fn} (v${newest}) when it can send the new version`;
}

export function describeRawCall({ method, client, event, fn }: { method: RawMethod; client: string; event?: string; fn?: string }): string {
  const on = `${method}() on ${client}`;
  if (method !== 'track') {
    return fn !== undefined
      ? `${on} bypasses the SDK. Call ${fn}() instead, which checks it against the plan`
      : `${on}: the plan defines no ${method} call. Add ${method} to the plan, or remove the call`;
  }
  if (event === undefined) return `${on} sends an event whose name is not known statically. Call the SDK function of each event instead`;
  return fn !== undefined
    ? `${on} sends ${quote(event)} bypassing the SDK. Call ${fn}() instead`
    : `${on} sends ${quote(event)}, which is not in the plan. Add it to the plan, or remove the call`;
}

export function describeUnused(event: EventModel, version?: number): string {
  if (version === undefined) return `${quote(event.name)} is in the plan, but no code sends it (no SDK call, no raw call). Remove it from the plan, or send it`;
  const fn = event.versions.find((candidate) => candidate.version === version)?.identifiers.fn ?? '';
  return `${quote(event.name)} v${version} is never sent: nothing calls ${fn}. Remove the version, or send it`;
}
