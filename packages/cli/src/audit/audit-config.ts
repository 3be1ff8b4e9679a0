// The config file's `audit` key: finding kind -> severity, checked as lint's rules
// are (lint/lint-config.ts), with errors that show a line to copy.
import { PlanError } from '../errors.js';
import { AUDIT_KINDS, AUDIT_SEVERITIES, DEFAULT_AUDIT_SEVERITIES, type AuditConfig, type AuditKind, type AuditSeverity } from './kinds.js';

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/**
 * @param raw the value of the `audit` key (already known to be an object)
 * @param pointer JSON pointer of the `audit` key in the config file
 */
export function checkAuditConfig(raw: object, file: string, pointer: string): AuditConfig {
  for (const [kind, severity] of Object.entries(raw)) {
    const at = { file, pointer: `${pointer}/${kind}` };
    if (!(AUDIT_KINDS as readonly string[]).includes(kind)) {
      throw new PlanError(at, `invalid plangen config: unknown audit finding kind "${kind}"`, `Use one of ${quoted(AUDIT_KINDS)}`);
    }
    if (!(AUDIT_SEVERITIES as readonly unknown[]).includes(severity)) {
      throw new PlanError(
        at,
        `invalid plangen config: audit kind "${kind}" must be ${quoted(AUDIT_SEVERITIES)}, not ${JSON.stringify(severity)}`,
        `Write it like { "${kind}": "warn" }`,
      );
    }
  }
  return raw as AuditConfig;
}

/** Every kind's severity: the config's over the defaults. */
export function auditSeverities(config: AuditConfig | undefined): Readonly<Record<AuditKind, AuditSeverity>> {
  return { ...DEFAULT_AUDIT_SEVERITIES, ...config };
}

/** `--fail-on`'s default: the kinds whose severity is `error` (raw-unplanned unless the config says otherwise). */
export function defaultFailOn(severities: Readonly<Record<AuditKind, AuditSeverity>>): AuditKind[] {
  return AUDIT_KINDS.filter((kind) => severities[kind] === 'error');
}
