// Every regular expression of a plan, and the ones that can hang a validator. A
// pattern that backtracks catastrophically hangs the app (or `plangen validate`)
// on one long value, so `plangen lint` reports it (rule redos-pattern) and
// `generate` and `validate` refuse the plan with it; so is a pattern the check
// (schema/patterns.ts) cannot decide. Patterns the config lists under
// `acceptedPatterns` pass. Here, below lint and generate, so both read one list.
import { oneLine } from '../messages/quote.js';
import { childPointer } from '../schema/json-pointer.js';
import { checkPatternSafety } from '../schema/patterns.js';
import { forEachSubschema, walkSubschemas } from '../schema/walk-subschemas.js';
import { allSchemas, type PlanSchema } from './plan-schemas.js';
import type { PlanModel, SourceRef } from './types.js';

/** The config key that lists patterns accepted knowingly (docs/config.md). */
export const ACCEPTED_PATTERNS_KEY = 'acceptedPatterns';

export interface PlanPattern {
  readonly plan: PlanSchema;
  /** JSON pointer of the pattern's place in `plan.schema`. */
  readonly pointer: string;
  readonly pattern: string;
}

/** A pattern refused, at its place in the plan (the fields of a lint finding). */
export interface UnsafePattern {
  readonly source: SourceRef;
  readonly schemaPointer: string;
  readonly schemaKind: PlanSchema['kind'];
  /** What is wrong and the fix, one line. */
  readonly detail: string;
}

/** Every `pattern` and `patternProperties` key in every schema of the plan, in plan order. */
export function planPatterns(model: PlanModel): PlanPattern[] {
  return allSchemas(model).flatMap(schemaPatterns);
}

function schemaPatterns(plan: PlanSchema): PlanPattern[] {
  const found: PlanPattern[] = [];
  walkSubschemas(plan.schema, (node, pointer) => {
    if (typeof node['pattern'] === 'string') found.push({ plan, pointer, pattern: node['pattern'] });
    // ajv compiles patternProperties keys into regular expressions too, run on every property name.
    if (typeof node['patternProperties'] === 'object' && node['patternProperties'] !== null) {
      for (const key of Object.keys(node['patternProperties'])) found.push({ plan, pointer: childPointer(pointer, 'patternProperties', key), pattern: key });
    }
  });
  return found;
}

/**
 * Patterns known to be safe, by their text (generate keeps them between runs: generate/known-keys.ts). The
 * interface keeps the name it had when it held schemas.
 */
export interface KnownSafeSchemas {
  has(key: string): boolean;
  add(key: string): void;
}

/**
 * Catastrophic backtracking, or a pattern the check cannot decide, unless `acceptedPatterns` lists it exactly as written.
 * `knownSafe`: the verdict is a pure function of the pattern alone (checkPatternSafety), so a pattern an earlier run
 * found safe is not analysed again, and a schema whose every pattern is known safe or accepted is not searched for
 * findings (nor are its pointers spelt). Only a safe verdict is remembered, so every finding is computed as without it.
 */
export function unsafePatterns(model: PlanModel, acceptedPatterns: readonly string[] = [], knownSafe?: KnownSafeSchemas): UnsafePattern[] {
  const accepted = new Set(acceptedPatterns);
  // Each distinct pattern is analysed once per call: a plan repeats its patterns in every version of an event.
  const verdicts = new Map<string, ReturnType<typeof checkPatternSafety>>();
  const verdictOf = (pattern: string): ReturnType<typeof checkPatternSafety> => {
    const result = verdicts.get(pattern) ?? checkPatternSafety(pattern);
    verdicts.set(pattern, result);
    return result;
  };
  const findings = (found: PlanPattern[]): UnsafePattern[] =>
    found.flatMap(({ plan, pointer, pattern }) => {
      const result = verdictOf(pattern);
      if (result.verdict === 'safe' || accepted.has(pattern)) return [];
      const fix =
        result.verdict === 'catastrophic'
          ? 'Rewrite it so no repeated part can match the same text in more than one way'
          : `Simplify it, or accept it knowingly: add ${JSON.stringify(pattern)} to "${ACCEPTED_PATTERNS_KEY}" in the plangen config`;
      // One line also where generation throws it as a PlanError.
      const detail = oneLine(`pattern ${JSON.stringify(pattern)} in ${plan.label}: ${result.reason}. ${fix}`);
      return [{ source: plan.source, schemaPointer: pointer, schemaKind: plan.kind, detail }];
    });
  if (knownSafe === undefined) return findings(planPatterns(model));
  return allSchemas(model).flatMap((plan) => {
    const patterns = patternTexts(plan.schema);
    let cleared = true;
    // Every pattern asks (not only up to the first unknown one): a known key asked for is kept for the next run.
    for (const pattern of patterns) if (!knownSafe.has(pattern) && !accepted.has(pattern)) cleared = false;
    if (cleared) return [];
    const found = findings(schemaPatterns(plan));
    for (const pattern of patterns) if (verdictOf(pattern).verdict === 'safe') knownSafe.add(pattern);
    return found;
  });
}

/** The texts of a schema's patterns (schemaPatterns' patterns, in its order), without spelling their pointers. */
function patternTexts(schema: unknown): string[] {
  const found: string[] = [];
  forEachSubschema(schema, (node) => {
    if (typeof node['pattern'] === 'string') found.push(node['pattern']);
    if (typeof node['patternProperties'] === 'object' && node['patternProperties'] !== null) found.push(...Object.keys(node['patternProperties']));
  });
  return found;
}
