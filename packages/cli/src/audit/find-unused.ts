// Which plan events and versions nothing sends, from the SDK uses and raw calls
// counted over the whole project; and each event's usage, for the outputs.
import type { Locator } from '../model/locator.js';
import type { PlanModel, SourceRef } from '../model/types.js';
import type { AuditFinding } from './finding.js';
import { describeUnused } from './messages.js';

export interface EventUsage {
  readonly event: string;
  /** SDK uses of each version, ascending by version. */
  readonly versions: readonly { readonly version: number; readonly sdkUses: number }[];
  readonly rawCalls: number;
}

export interface Usage {
  /** Event name -> version -> SDK uses. */
  readonly sdkUses: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** Event name -> raw track calls that name it. */
  readonly rawCalls: ReadonlyMap<string, number>;
}

export function findUnused(
  model: PlanModel,
  usage: Usage,
  place: (source: SourceRef) => Pick<AuditFinding, 'file' | 'line' | 'column'>,
): { findings: Omit<AuditFinding, 'severity'>[]; events: EventUsage[] } {
  const findings: Omit<AuditFinding, 'severity'>[] = [];
  const events: EventUsage[] = [];
  for (const event of model.events) {
    const uses = usage.sdkUses.get(event.name) ?? new Map<number, number>();
    const raw = usage.rawCalls.get(event.name) ?? 0;
    events.push({ event: event.name, versions: event.versions.map(({ version }) => ({ version, sdkUses: uses.get(version) ?? 0 })), rawCalls: raw });
    if (uses.size === 0 && raw === 0) {
      findings.push({ kind: 'unused-event', ...place(event.source), message: describeUnused(event), event: event.name });
      continue;
    }
    // A raw call sends no event_version: Protocols validates it against the oldest version.
    for (const [index, version] of event.versions.entries()) {
      if (uses.has(version.version) || (index === 0 && raw > 0)) continue;
      findings.push({ kind: 'unused-version', ...place(version.source), message: describeUnused(event, version.version), event: event.name, version: version.version });
    }
  }
  return { findings, events };
}

/** A plan element's file:line:col through the plan's locator (the file alone when its position is unknown). */
export function planPlace(locator: Locator, displayFile: (file: string) => string) {
  return (source: SourceRef): Pick<AuditFinding, 'file' | 'line' | 'column'> => {
    const position = locator.locate(source);
    const file = displayFile(source.file);
    return position !== undefined ? { file, line: position.line, column: position.column } : { file };
  };
}
