// Text and JSON output of `plangen lint`. Text is grouped by file, one problem a
// line (`12:7  warn  sentence: detail  (rule-id)`), with a count at the end.
import { formatLocation } from '../errors.js';
import type { LintProblem } from './lint-plan.js';
import { countOf } from '../messages/plural.js';

export function formatLintText(problems: readonly LintProblem[]): string {
  if (problems.length === 0) return 'plangen lint: no problems\n';
  const lines: string[] = [];
  let file: string | undefined;
  for (const problem of problems) {
    if (problem.location.file !== file) {
      file = problem.location.file;
      lines.push(...(lines.length > 0 ? [''] : []), file);
    }
    const where = formatLocation(problem.location).slice(problem.location.file.length + 1) || '-';
    lines.push(`  ${where}  ${problem.severity.padEnd(5)}  ${problem.sentence}: ${problem.detail}.  (${problem.rule})`);
  }
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  lines.push('', `${countOf(errors, 'error')}, ${countOf(problems.length - errors, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

/** The stable JSON shape (docs/diff-and-lint.md). */
export function lintJson(problems: readonly LintProblem[]): object {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return {
    summary: { errors, warnings: problems.length - errors },
    problems: problems.map(({ rule, severity, sentence, detail, location }) => ({
      rule,
      severity,
      file: location.file,
      ...(location.line !== undefined ? { line: location.line } : {}),
      ...(location.column !== undefined ? { column: location.column } : {}),
      ...(location.line === undefined && location.pointer !== undefined ? { pointer: location.pointer } : {}),
      message: `${sentence}: ${detail}.`,
    })),
  };
}
