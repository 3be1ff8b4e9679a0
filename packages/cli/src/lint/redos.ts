// Catastrophic backtracking check for permitted-value patterns, delegated to
// scslre (the analyser behind eslint-plugin-regexp's no-super-linear-backtracking).
// Only exponential backtracking counts: polynomial cases such as `\s*,\s*` are
// slow on huge inputs only, and refusing them would refuse ordinary patterns.
// `plangen generate` reuses this to refuse catastrophic patterns.
import { analyse } from 'scslre';

export type PatternCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Patterns are checked as ajv compiles them: with the `u` flag. A pattern that does not parse is not this check's business. */
export function checkPattern(pattern: string): PatternCheck {
  let reports;
  try {
    reports = analyse({ source: pattern, flags: 'u' }, { reportTypes: { Move: false } }).reports;
  } catch {
    return { ok: true };
  }
  const report = reports.find((candidate) => candidate.exponential);
  if (report === undefined) return { ok: true };
  const culprit =
    report.type === 'Trade'
      ? `"${report.startQuant.raw}" and "${report.endQuant.raw}" can`
      : `"${report.type === 'Self' ? report.parentQuant.raw : report.quant.raw}" can`;
  return { ok: false, reason: `${culprit} backtrack exponentially on a long run of ${JSON.stringify(report.character.pick)}` };
}
