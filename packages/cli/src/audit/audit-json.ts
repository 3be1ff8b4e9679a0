// `--format json`: the stable shape documented in docs/audit.md.
import type { AuditReport } from './audit-project.js';
import { AUDIT_KINDS } from './kinds.js';

export function auditJson(report: AuditReport, failing: readonly string[]): object {
  const counts = Object.fromEntries(AUDIT_KINDS.map((kind) => [kind, report.findings.filter((finding) => finding.kind === kind).length]));
  return {
    files: report.files,
    counts,
    failing,
    findings: report.findings.map((finding) => ({ ...finding, message: `${finding.message}.` })),
    events: report.events,
  };
}
