// The report for people: totals first, then every group largest first with
// one example each, so the worst problem is the first thing read.
import type { FallbackGroup, MalformedGroup, ValidationReport, ViolationGroup } from './report.js';

const MAX_VALUE_LENGTH = 60;

export function formatText(report: ValidationReport): string {
  const { totals } = report;
  const lines = [
    `Checked ${plural(totals.payloads, 'payload')} from ${report.inputs.join(', ')} against ${report.plan}`,
    ...table([
      [totals.valid, 'valid'],
      [totals.invalid, 'with violations'],
      [totals.unplannedEvents, totals.unplannedEvents === 1 ? 'unplanned event' : 'unplanned events'],
      [totals.malformed, 'malformed'],
      [totals.versionFallbacks, 'checked against a fallback version'],
    ]),
  ];

  const violations = report.violations.filter((group) => group.kind === 'violation');
  const unplannedProperties = report.violations.filter((group) => group.kind === 'unplanned-property');
  section(lines, 'Violations', violations, violationLines);
  section(lines, 'Unplanned properties', unplannedProperties, violationLines);
  section(lines, 'Unplanned events', report.unplannedEvents, (group) => [`${JSON.stringify(group.event)}  first at ${group.example.location}`]);
  section(lines, 'Version fallbacks (checked against the oldest version)', report.versionFallbacks, fallbackLines);
  section(lines, 'Malformed (not checked)', report.malformed, malformedLines);
  if (report.ungrouped > 0) {
    lines.push('', `${plural(report.ungrouped, 'more finding')} counted above but not listed: the report keeps at most 10,000 groups.`);
  }

  const failed = totals.invalid + totals.unplannedEvents + totals.malformed;
  lines.push('', failed === 0 ? 'Every payload matches the plan.' : `${plural(failed, 'payload')} ${failed === 1 ? 'does' : 'do'} not match the plan.`);
  return `${lines.join('\n')}\n`;
}

function section<G extends { count: number }>(lines: string[], title: string, groups: readonly G[], describe: (group: G) => string[]): void {
  if (groups.length === 0) return;
  lines.push('', `${title}:`);
  const width = number(groups[0]!.count).length;
  for (const group of groups) {
    const [first, ...rest] = describe(group);
    lines.push(`  ${number(group.count).padStart(width)}  ${first}`);
    for (const line of rest) lines.push(`  ${' '.repeat(width)}  ${line}`);
  }
}

function violationLines(group: ViolationGroup): string[] {
  const subject = group.event !== undefined ? `${JSON.stringify(group.event)} v${group.version}` : group.type;
  const value = 'value' in group.example ? `, value ${preview(group.example.value)}` : '';
  return [`${subject}  ${group.path || '(payload)'}  ${group.message}`, `first at ${group.example.location}${value}`];
}

function fallbackLines(group: FallbackGroup): string[] {
  const given = 'given' in group.example ? preview(group.example.given) : '';
  const why = {
    missing: 'no context.protocols.event_version',
    'not-a-positive-integer': `event_version ${given} is not a positive integer`,
    'unknown-version': `event_version ${given} is not a version of this event`,
  }[group.reason];
  return [`${JSON.stringify(group.event)} checked as v${group.version}: ${why}`, `first at ${group.example.location}`];
}

function malformedLines(group: MalformedGroup): string[] {
  const more = group.count > group.locations.length ? `, and ${number(group.count - group.locations.length)} more` : '';
  return [`${group.reason}${group.detail !== undefined ? ` (first: ${group.detail})` : ''}`, `at ${group.locations.join(', ')}${more}`];
}

function table(rows: readonly (readonly [number, string])[]): string[] {
  const width = Math.max(...rows.map(([count]) => number(count).length));
  return rows.map(([count, label]) => `  ${number(count).padStart(width)} ${label}`);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function number(count: number): string {
  return count.toLocaleString('en-US');
}

function plural(count: number, noun: string): string {
  return `${number(count)} ${noun}${count === 1 ? '' : 's'}`;
}
