// Runs every rule that is not off and turns its findings into located problems,
// sorted by file and position so output follows the plan from top to bottom.
import type { ErrorLocation } from '../errors.js';
import { oneLine } from '../messages/quote.js';
import { findingLocation } from '../model/locate-finding.js';
import type { Locator } from '../model/locator.js';
import type { PlanModel } from '../model/types.js';
import { DEFAULT_NAMING, type LintSettings } from './lint-config.js';
import { parsePlanPatterns } from './pattern-analysis.js';
import type { LintRuleId } from './rule-ids.js';
import { RULES } from './rules.js';

export interface LintProblem {
  readonly rule: LintRuleId;
  readonly severity: 'warn' | 'error';
  /** The rule's sentence. */
  readonly sentence: string;
  /** The specifics and the fix. */
  readonly detail: string;
  readonly location: ErrorLocation;
}

/** A loaded plan (`loadPlan`'s result): its locator places each finding at `file:line:col`. */
export function lintPlan({ model, locator }: { model: PlanModel; locator: Locator }, settings: LintSettings = { severities: {}, naming: DEFAULT_NAMING }): LintProblem[] {
  const problems: LintProblem[] = [];
  // One context for every rule: what several rules read is computed once per run and dropped with it.
  const context = { model, naming: settings.naming, acceptedPatterns: settings.acceptedPatterns ?? [], patterns: parsePlanPatterns(model) };
  for (const [sentence, rule] of RULES) {
    const severity = settings.severities[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    for (const finding of rule.check(context)) {
      const location = findingLocation(locator, finding.source, finding.schemaPointer, finding.schemaKind);
      // Details quote plan text with JSON.stringify, which leaves U+2028/U+2029 raw: one line, like every message.
      problems.push({ rule: rule.id, severity, sentence, detail: oneLine(finding.detail), location });
    }
  }
  return problems.sort(byPosition);
}

function byPosition(a: LintProblem, b: LintProblem): number {
  const x = a.location;
  const y = b.location;
  return (
    compare(x.file, y.file) ||
    (x.line ?? Number.MAX_SAFE_INTEGER) - (y.line ?? Number.MAX_SAFE_INTEGER) ||
    (x.column ?? 0) - (y.column ?? 0) ||
    compare(x.pointer ?? '', y.pointer ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
