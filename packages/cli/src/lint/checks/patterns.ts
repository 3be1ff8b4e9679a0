// Rules about permitted-value patterns: valid, anchored, no negative lookahead,
// no catastrophic backtracking. Every pattern in every schema of the plan counts.
import { at, type LintContext, type RuleFinding } from '../finding.js';
import { hasUnanchoredAlternative, usesNegativeLookahead } from '../pattern-analysis.js';
import { unsafePatterns } from '../../model/plan-patterns.js';

export function invalidPattern(context: LintContext): RuleFinding[] {
  return context.patterns.flatMap(({ plan, pointer, pattern, parsed }) => {
    if (parsed.ok) return [];
    return [{ ...at(plan, pointer), detail: `pattern ${JSON.stringify(pattern)} in ${plan.label} is not a valid regular expression: ${parsed.reason}` }];
  });
}

export function unanchoredPattern(context: LintContext): RuleFinding[] {
  return context.patterns.flatMap(({ plan, pointer, pattern, parsed }) => {
    if (!parsed.ok || !hasUnanchoredAlternative(parsed.ast)) return [];
    return [
      {
        ...at(plan, pointer),
        detail:
          `pattern ${JSON.stringify(pattern)} in ${plan.label} matches anywhere in the value, so any longer value that contains a match passes too. ` +
          `Anchor it: ${JSON.stringify(`^(?:${pattern})$`)}`,
      },
    ];
  });
}

export function lookaheadPattern(context: LintContext): RuleFinding[] {
  return context.patterns.flatMap(({ plan, pointer, pattern, parsed }) => {
    if (!parsed.ok || !usesNegativeLookahead(parsed.ast)) return [];
    return [
      {
        ...at(plan, pointer),
        detail: `pattern ${JSON.stringify(pattern)} in ${plan.label} uses negative lookahead (?!...). Express the exclusion with "not": { "pattern": ... } instead`,
      },
    ];
  });
}

/** Catastrophic backtracking, or a pattern the check cannot decide (model/plan-patterns.ts, which generation and validation refuse too). */
export function redosPattern(context: LintContext): RuleFinding[] {
  return unsafePatterns(context.model, context.acceptedPatterns);
}
