// The text form of `plangen diff`: changes grouped by event (then identify,
// group, page, screen, common), each marked + added, - removed, ~ changed.
import { describeLocation } from './describe-change.js';
import type { DiffReport, ReportedChange } from './diff-report.js';
import { countOf } from '../messages/plural.js';

const MARKS = { added: '+', removed: '-', changed: '~' } as const;
const OTHER_ORDER = ['identify', 'group', 'page', 'screen', 'common'];

export function formatDiffText(report: DiffReport): string {
  const lines = [`plangen diff ${report.old} -> ${report.new}`];
  const { breaking, compatible } = report.summary;
  if (report.changes.length === 0) {
    lines.push('No changes.');
  } else {
    lines.push(`${countOf(breaking, 'breaking change')}, ${countOf(compatible, 'compatible change')}`);
    for (const [heading, changes] of groups(report.changes)) {
      lines.push('', heading);
      for (const change of changes) lines.push(`  ${MARKS[change.change]} ${change.classification.padEnd(10)}  ${describe(change)}`);
    }
  }
  if (report.signatures.length > 0) {
    lines.push('', 'Generated functions:');
    const width = Math.max(...report.signatures.map((signature) => signature.fn.length));
    for (const { fn, change, reason } of report.signatures) lines.push(`  ${MARKS[change]} ${fn.padEnd(width)}  ${reason}`);
  }
  if (report.versioning.enforced) {
    lines.push('', report.versioning.ok ? 'Versioning: ok, no breaking change was made in place.' : 'Versioning: failed.');
    for (const violation of report.versioning.violations) lines.push(`  ${violation.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Events first, by wire name (code-unit order, like the model), then identify, group, page, screen, common. */
function groups(changes: readonly ReportedChange[]): [string, ReportedChange[]][] {
  const byKey = new Map<string, { heading: string; rank: number; changes: ReportedChange[] }>();
  for (const change of changes) {
    const key = change.event !== undefined ? `event\u0000${change.event}` : change.kind;
    const group = byKey.get(key) ?? {
      heading: change.event !== undefined ? `event ${JSON.stringify(change.event)}` : change.kind,
      rank: change.event !== undefined ? -1 : OTHER_ORDER.indexOf(change.kind),
      changes: [],
    };
    group.changes.push(change);
    byKey.set(key, group);
  }
  return [...byKey]
    .sort(([a, x], [b, y]) => x.rank - y.rank || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => [group.heading, group.changes]);
}

function describe(change: ReportedChange): string {
  const version = change.version !== undefined ? `v${change.version} ` : '';
  return `${version}${describeLocation(change)}${change.message}`;
}
