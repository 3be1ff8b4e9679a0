// Rules about permitted-value patterns: valid, anchored, no negative lookahead,
// no catastrophic backtracking. Every pattern in every schema of the plan counts.
import type { PlanModel } from '../../model/types.js';
import { at, type LintContext, type RuleFinding } from '../finding.js';
import { hasUnanchoredAlternative, parsePattern, usesNegativeLookahead, type ParsedPattern } from '../pattern-analysis.js';
import type { PlanSchema } from '../../model/plan-schemas.js';
import { planPatterns, unsafePatterns } from '../../model/plan-patterns.js';

export function invalidPattern(context: LintContext): RuleFinding[] {
  return patterns(context.model).flatMap(({ plan, pointer, pattern, parsed }) => {
    if (parsed.ok) return [];
    return [{ ...at(plan, pointer), detail: `pattern ${JSON.stringify(pattern)} in ${plan.label} is not a valid regular expression: ${parsed.reason}` }];
  });
}

export function unanchoredPattern(context: LintContext): RuleFinding[] {
  return patterns(context.model).flatMap(({ plan, pointer, pattern, parsed }) => {
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
  return patterns(context.model).flatMap(({ plan, pointer, pattern, parsed }) => {
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

interface FoundPattern {
  readonly plan: PlanSchema;
  readonly pointer: string;
  readonly pattern: string;
  readonly parsed: ParsedPattern;
}

/** Every pattern of a plan, each distinct pattern parsed once; shared by the three rules about a pattern's structure. */
const patternsByModel = new WeakMap<PlanModel, FoundPattern[]>();

function patterns(model: PlanModel): FoundPattern[] {
  const cached = patternsByModel.get(model);
  if (cached) return cached;
  const parsedBySource = new Map<string, ParsedPattern>();
  const found = planPatterns(model).map((found) => {
    const parsed = parsedBySource.get(found.pattern) ?? parsePattern(found.pattern);
    parsedBySource.set(found.pattern, parsed);
    return { ...found, parsed };
  });
  patternsByModel.set(model, found);
  return found;
}
