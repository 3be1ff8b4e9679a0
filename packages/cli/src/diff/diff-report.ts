// The stable shape of `plangen diff --format json` (documented in
// docs/diff-and-lint.md); the text output is printed from the same object.
import type { PlanChange, PlanDiff, SignatureChange, VersioningViolation } from './types.js';

export interface DiffReport {
  readonly old: string;
  readonly new: string;
  readonly summary: { readonly breaking: number; readonly compatible: number };
  readonly changes: readonly ReportedChange[];
  readonly signatures: readonly SignatureChange[];
  readonly versioning: {
    /** Whether --enforce-versioning was given (only then do violations fail the command). */
    readonly enforced: boolean;
    readonly ok: boolean;
    readonly violations: readonly { readonly event: string; readonly version: number; readonly nextVersion: number; readonly message: string }[];
  };
}

export interface ReportedChange {
  readonly kind: PlanChange['target']['kind'];
  readonly event?: string;
  readonly version?: number;
  readonly scope?: PlanChange['scope'];
  readonly pointer?: string;
  readonly change: PlanChange['change'];
  readonly classification: PlanChange['classification'];
  readonly message: string;
}

export function buildDiffReport(
  files: { readonly old: string; readonly new: string },
  diff: PlanDiff,
  violations: readonly VersioningViolation[],
  enforced: boolean,
): DiffReport {
  const breaking = diff.changes.filter((change) => change.classification === 'breaking').length;
  return {
    old: files.old,
    new: files.new,
    summary: { breaking, compatible: diff.changes.length - breaking },
    changes: diff.changes.map(reported),
    signatures: diff.signatures,
    versioning: {
      enforced,
      ok: violations.length === 0,
      violations: violations.map(({ event, version, nextVersion, message }) => ({ event, version, nextVersion, message })),
    },
  };
}

function reported({ target, scope, pointer, change, classification, message }: PlanChange): ReportedChange {
  return {
    kind: target.kind,
    ...('event' in target ? { event: target.event } : {}),
    ...('version' in target ? { version: target.version } : {}),
    ...(scope !== undefined ? { scope } : {}),
    ...(pointer !== undefined ? { pointer } : {}),
    change,
    classification,
    message,
  };
}
