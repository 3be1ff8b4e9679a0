// What the lint rules about a pattern's structure need to know (anchors,
// lookahead). Validity and backtracking are schema/patterns.ts's, shared with
// generate and validate.
import { visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { planPatterns, type PlanPattern } from '../model/plan-patterns.js';
import type { PlanModel } from '../model/types.js';
import { parsePatternAst, regexProblem } from '../schema/patterns.js';

export type ParsedPattern = { readonly ok: true; readonly ast: AST.Pattern } | { readonly ok: false; readonly reason: string };

/** A pattern of the plan at its place, parsed. */
export interface ParsedPlanPattern extends PlanPattern {
  readonly parsed: ParsedPattern;
}

/**
 * Every pattern of a plan, each distinct pattern parsed once. lintPlan computes it once per run and hands it
 * to the three rules about a pattern's structure in their context (no cache outlives the run).
 */
export function parsePlanPatterns(model: PlanModel): ParsedPlanPattern[] {
  const parsedBySource = new Map<string, ParsedPattern>();
  return planPatterns(model).map((found) => {
    const parsed = parsedBySource.get(found.pattern) ?? parsePattern(found.pattern);
    parsedBySource.set(found.pattern, parsed);
    return { ...found, parsed };
  });
}

export function parsePattern(pattern: string): ParsedPattern {
  const problem = regexProblem(pattern);
  // "/(/u: Unterminated group" -> "Unterminated group": the finding quotes the pattern already.
  if (problem !== undefined) return { ok: false, reason: problem.replace(/^\/.*\/\w*: /s, '') };
  try {
    return { ok: true, ast: parsePatternAst(pattern) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** True when some top-level alternative is anchored at neither end, so it matches anywhere in the value. */
export function hasUnanchoredAlternative(ast: AST.Pattern): boolean {
  if (ast.raw === '') return false;
  return ast.alternatives.some((alternative) => !anchored(alternative, 'start') && !anchored(alternative, 'end'));
}

function anchored(alternative: AST.Alternative, edge: 'start' | 'end'): boolean {
  const element = edge === 'start' ? alternative.elements[0] : alternative.elements.at(-1);
  if (element === undefined) return false;
  if (element.type === 'Assertion') return element.kind === edge;
  if (element.type === 'Group' || element.type === 'CapturingGroup') {
    return element.alternatives.every((inner) => anchored(inner, edge));
  }
  return false;
}

export function usesNegativeLookahead(ast: AST.Pattern): boolean {
  let found = false;
  visitRegExpAST(ast, {
    onAssertionEnter(node) {
      if (node.kind === 'lookahead' && node.negate) found = true;
    },
  });
  return found;
}
