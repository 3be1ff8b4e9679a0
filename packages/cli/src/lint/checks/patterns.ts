// Rules about permitted-value patterns: valid, anchored, no negative lookahead,
// no catastrophic backtracking. Every pattern in every schema of the plan counts.
import { oneLine } from '../../load/quote.js';
import type { PlanModel } from '../../model/types.js';
import { at, type LintContext, type RuleFinding } from '../finding.js';
import { hasUnanchoredAlternative, parsePattern, usesNegativeLookahead, type ParsedPattern } from '../pattern-analysis.js';
import { allSchemas, type PlanSchema } from '../plan-schemas.js';
import { checkPattern } from '../redos.js';
import { pointerSegment } from '../../diff/resolve-ref.js';
import { walkSchema } from '../walk-schema.js';

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

export function redosPattern(context: LintContext): RuleFinding[] {
  const checked = new Map<string, ReturnType<typeof checkPattern>>();
  return patterns(context.model).flatMap(({ plan, pointer, pattern }) => {
    const result = checked.get(pattern) ?? checkPattern(pattern);
    checked.set(pattern, result);
    if (result.ok) return [];
    return [
      {
        ...at(plan, pointer),
        // One line also where generation throws it as a PlanError.
        detail: oneLine(`pattern ${JSON.stringify(pattern)} in ${plan.label}: ${result.reason}. Rewrite it so no repeated part can match the same text in more than one way`),
      },
    ];
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
    walkSchema(plan.schema, (node, pointer) => {
      const add = (pattern: string, at: string): void => {
        const parsed = parsedBySource.get(pattern) ?? parsePattern(pattern);
        parsedBySource.set(pattern, parsed);
        found.push({ plan, pointer: at, pattern, parsed });
      };
      if (typeof node.pattern === 'string') add(node.pattern, pointer);
      // ajv compiles patternProperties keys into regular expressions too, run on every property name.
      if (typeof node.patternProperties === 'object' && node.patternProperties !== null) {
        for (const key of Object.keys(node.patternProperties)) add(key, `${pointer}/patternProperties/${pointerSegment(key)}`);
      }
    });
  }
  patternsByModel.set(model, found);
  return found;
}
