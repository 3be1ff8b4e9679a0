// Rules about permitted-value patterns: valid, anchored, no negative lookahead,
// no catastrophic backtracking. Every pattern in every schema of the plan counts.
import { oneLine } from '../../messages/quote.js';
import type { PlanModel } from '../../model/types.js';
import { at, type LintContext, type RuleFinding } from '../finding.js';
import { childPointer } from '../../schema/json-pointer.js';
import { checkPatternSafety } from '../../schema/patterns.js';
import { walkSubschemas } from '../../schema/walk-subschemas.js';
import { hasUnanchoredAlternative, parsePattern, usesNegativeLookahead, type ParsedPattern } from '../pattern-analysis.js';
import { allSchemas, type PlanSchema } from '../plan-schemas.js';

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

/** The config key that lists patterns accepted knowingly (docs/config.md). */
export const ACCEPTED_PATTERNS_KEY = 'acceptedPatterns';

/**
 * Catastrophic backtracking, or a pattern the check cannot decide: both refused,
 * unless the config lists the pattern, exactly as written, under `acceptedPatterns`.
 * Reads no naming settings, so generation and validation call it with the model and the accepted patterns only.
 */
export function redosPattern(context: Pick<LintContext, 'model' | 'acceptedPatterns'>): RuleFinding[] {
  const accepted = new Set(context.acceptedPatterns ?? []);
  // Each distinct pattern is analysed once per run: a plan repeats its patterns in every version of an event.
  const verdicts = new Map<string, ReturnType<typeof checkPatternSafety>>();
  return patterns(context.model).flatMap(({ plan, pointer, pattern }) => {
    const result = verdicts.get(pattern) ?? checkPatternSafety(pattern);
    verdicts.set(pattern, result);
    if (result.verdict === 'safe' || accepted.has(pattern)) return [];
    const fix =
      result.verdict === 'catastrophic'
        ? 'Rewrite it so no repeated part can match the same text in more than one way'
        : `Simplify it, or accept it knowingly: add ${JSON.stringify(pattern)} to "${ACCEPTED_PATTERNS_KEY}" in the plangen config`;
    // One line also where generation throws it as a PlanError.
    return [{ ...at(plan, pointer), detail: oneLine(`pattern ${JSON.stringify(pattern)} in ${plan.label}: ${result.reason}. ${fix}`) }];
  });
}

interface FoundPattern {
  readonly plan: PlanSchema;
  readonly pointer: string;
  readonly pattern: string;
  readonly parsed: ParsedPattern;
}

/** Every pattern of a plan, each distinct pattern parsed once; shared by the four pattern rules. */
const patternsByModel = new WeakMap<PlanModel, FoundPattern[]>();

function patterns(model: PlanModel): FoundPattern[] {
  const cached = patternsByModel.get(model);
  if (cached) return cached;
  const parsedBySource = new Map<string, ParsedPattern>();
  const found: FoundPattern[] = [];
  for (const plan of allSchemas(model)) {
    walkSubschemas(plan.schema, (node, pointer) => {
      const add = (pattern: string, at: string): void => {
        const parsed = parsedBySource.get(pattern) ?? parsePattern(pattern);
        parsedBySource.set(pattern, parsed);
        found.push({ plan, pointer: at, pattern, parsed });
      };
      if (typeof node['pattern'] === 'string') add(node['pattern'], pointer);
      // ajv compiles patternProperties keys into regular expressions too, run on every property name.
      if (typeof node['patternProperties'] === 'object' && node['patternProperties'] !== null) {
        for (const key of Object.keys(node['patternProperties'])) add(key, childPointer(pointer, 'patternProperties', key));
      }
    });
  }
  patternsByModel.set(model, found);
  return found;
}
