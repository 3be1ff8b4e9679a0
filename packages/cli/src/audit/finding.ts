// One audit finding: where (a source file of the app, or the plan for unused
// entries), what kind, and what it is about.
import type { AuditKind, AuditSeverity } from './kinds.js';
import type { RawMethod } from './sdk-functions.js';

export interface AuditFinding {
  readonly kind: AuditKind;
  readonly severity: AuditSeverity;
  /** Relative to the working directory when inside it, with `/`. */
  readonly file: string;
  /** 1-based; absent only for a plan element whose position is unknown (a model built in code). */
  readonly line?: number;
  /** 1-based, in UTF-16 code units (TypeScript's and SARIF's default). */
  readonly column?: number;
  readonly message: string;
  readonly event?: string;
  readonly version?: number;
  /** The SDK function called (sdk-call, pinned-version), or the one to use instead (raw-planned). */
  readonly function?: string;
  /** raw-*: the client method called. */
  readonly method?: RawMethod;
  /** raw-*: how the client was recognized: the package its type comes from, or the global name. */
  readonly client?: string;
  /** sdk-call: `call` where it is called, `reference` where it is passed on (to a wrapper) instead. */
  readonly use?: 'call' | 'reference';
}

/** Findings in the order every output shows them: by kind (AUDIT_KINDS order), file, line, column. */
export function compareFindings(kinds: readonly AuditKind[]) {
  return (a: AuditFinding, b: AuditFinding): number =>
    kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0);
}
