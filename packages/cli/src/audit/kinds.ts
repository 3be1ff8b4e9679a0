// The finding kinds of `plangen audit` and their severities: the one list, read by
// the --fail-on flag, the config check (`audit` key), the outputs and the docs.
// Kept apart from the analysis so cli.ts and the config check load it cheaply.

export const AUDIT_KINDS = ['sdk-call', 'pinned-version', 'raw-planned', 'raw-unplanned', 'raw-dynamic', 'unused-event', 'unused-version'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** `off` hides a kind (not reported, never fails); the others set the text label and the SARIF level. */
export const AUDIT_SEVERITIES = ['off', 'note', 'warn', 'error'] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

export const DEFAULT_AUDIT_SEVERITIES: Readonly<Record<AuditKind, AuditSeverity>> = {
  'sdk-call': 'note',
  'pinned-version': 'warn',
  'raw-planned': 'warn',
  'raw-unplanned': 'error',
  'raw-dynamic': 'warn',
  'unused-event': 'warn',
  'unused-version': 'warn',
};

/** What each kind means, one sentence: the text output's group heading and the SARIF rule's description. */
export const AUDIT_KIND_DESCRIPTIONS: Readonly<Record<AuditKind, string>> = {
  'sdk-call': 'Calls of the generated SDK, per event and version',
  'pinned-version': 'SDK calls pinned to an old version of an event that has a later one',
  'raw-planned': 'Raw client calls of planned events, bypassing the SDK',
  'raw-unplanned': 'Raw client calls of events that are not in the plan',
  'raw-dynamic': 'Raw client calls whose event name is not known statically',
  'unused-event': 'Plan events that no code sends',
  'unused-version': 'Event versions that no code sends',
};

/** The config file's `audit` key: kind -> severity. */
export type AuditConfig = Readonly<Partial<Record<AuditKind, AuditSeverity>>>;
