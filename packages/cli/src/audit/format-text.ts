// Text output of `plangen audit`: findings grouped by kind (a heading with the
// count and severity), one `file:line:col  message` line each, what each event
// sends per version, then a summary.
import { formatLocation } from '../errors.js';
import { quote } from '../messages/quote.js';
import type { AuditReport } from './audit-project.js';
import type { AuditFinding } from './finding.js';
import { AUDIT_KIND_DESCRIPTIONS, AUDIT_KINDS } from './kinds.js';

export function formatAuditText(report: AuditReport, failing: readonly string[]): string {
  const lines: string[] = [];
  for (const kind of AUDIT_KINDS) {
    const findings = report.findings.filter((finding) => finding.kind === kind);
    const [first] = findings;
    if (first === undefined) continue;
    if (lines.length > 0) lines.push('');
    lines.push(`${kind} (${findings.length}, ${first.severity}): ${AUDIT_KIND_DESCRIPTIONS[kind]}`);
    for (const finding of findings) lines.push(`  ${where(finding)}  ${finding.message}.`);
  }
  if (lines.length > 0) lines.push('');
  if (report.events.length > 0) {
    lines.push('sends per event and version (SDK uses; raw calls):');
    for (const { event, versions, rawCalls } of report.events) {
      const raw = rawCalls > 0 ? `; ${rawCalls} raw call${rawCalls === 1 ? '' : 's'}` : '';
      lines.push(`  ${quote(event)}: ${versions.map(({ version, sdkUses }) => `v${version} ${sdkUses}`).join(', ')}${raw}`);
    }
    lines.push('');
  }
  const counts = AUDIT_KINDS.map((kind) => [kind, report.findings.filter((finding) => finding.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  const summary = `plangen audit: ${report.files} file${report.files === 1 ? '' : 's'}, ${counts.length > 0 ? counts.join(', ') : 'no findings'}`;
  lines.push(failing.length > 0 ? `${summary}; failing on ${failing.join(', ')} (--fail-on)` : summary);
  return `${lines.join('\n')}\n`;
}

function where({ file, line, column }: AuditFinding): string {
  return formatLocation({ file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) });
}
