// What a raw client call is, once it is known to be on a client: for track, the
// event name (planned, unplanned or not known statically); for identify, group,
// page and screen, whether the plan defines that call.
import type { ts } from 'ts-morph';
import type { EventModel, PlanModel } from '../model/types.js';
import type { AuditFinding } from './finding.js';
import { describeRawCall } from './messages.js';
import { trackedEventName } from './raw-client.js';
import { plannedCallFunction, type RawMethod } from './sdk-functions.js';

export type RawCallFinding = Omit<AuditFinding, 'severity' | 'file' | 'line' | 'column'>;

export function classifyRawCall(
  checker: ts.TypeChecker,
  call: ts.CallExpression,
  method: RawMethod,
  client: string,
  model: PlanModel,
  eventsByName: ReadonlyMap<string, EventModel>,
): RawCallFinding {
  if (method !== 'track') {
    const fn = plannedCallFunction(model, method);
    return {
      kind: fn !== undefined ? 'raw-planned' : 'raw-unplanned',
      message: describeRawCall({ method, client, ...(fn !== undefined ? { fn } : {}) }),
      ...(fn !== undefined ? { function: fn } : {}),
      method,
      client,
    };
  }
  const name = trackedEventName(checker, call);
  if (!name.known) return { kind: 'raw-dynamic', message: describeRawCall({ method, client }), method, client };
  const fn = eventsByName.get(name.name)?.identifiers.fn;
  return {
    kind: fn !== undefined ? 'raw-planned' : 'raw-unplanned',
    message: describeRawCall({ method, client, event: name.name, ...(fn !== undefined ? { fn } : {}) }),
    event: name.name,
    ...(fn !== undefined ? { function: fn } : {}),
    method,
    client,
  };
}
