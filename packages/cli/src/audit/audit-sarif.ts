// `--format sarif`: SARIF 2.1.0 (OASIS), one run, one rule per finding kind, the
// kind's severity as the level; what GitHub code scanning reads from an upload.
// Paths are relative to %SRCROOT% (the working directory, the repository root in CI).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AuditReport } from './audit-project.js';
import { AUDIT_KIND_DESCRIPTIONS, AUDIT_KINDS, type AuditKind, type AuditSeverity } from './kinds.js';

const LEVELS: Readonly<Record<Exclude<AuditSeverity, 'off'>, string>> = { note: 'note', warn: 'warning', error: 'error' };

export function auditSarif(report: AuditReport, severities: Readonly<Record<AuditKind, AuditSeverity>>, version: string): object {
  const kinds = AUDIT_KINDS.filter((kind) => severities[kind] !== 'off');
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plangen audit',
            version,
            rules: kinds.map((kind) => ({
              id: kind,
              shortDescription: { text: `${AUDIT_KIND_DESCRIPTIONS[kind]}.` },
              defaultConfiguration: { level: LEVELS[severities[kind] as Exclude<AuditSeverity, 'off'>] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder plangen audit ran in.' } } },
        results: report.findings.map((finding) => ({
          ruleId: finding.kind,
          ruleIndex: kinds.indexOf(finding.kind),
          level: LEVELS[finding.severity as Exclude<AuditSeverity, 'off'>],
          message: { text: `${finding.message}.` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(finding.file),
                ...(finding.line !== undefined ? { region: { startLine: finding.line, ...(finding.column !== undefined ? { startColumn: finding.column } : {}) } } : {}),
              },
            },
          ],
        })),
      },
    ],
  };
}

/** A file inside the working directory is relative to %SRCROOT%; one outside it (shown absolute) is a file: URI. */
function artifactLocation(file: string): object {
  return path.isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: encodeURI(file), uriBaseId: '%SRCROOT%' };
}
