// Permitted-value patterns that backtrack catastrophically (nested quantifiers
// over the same characters, ambiguous alternations under a star, polynomial of
// a high degree) are refused by generation with a located PlanError and flagged
// by `plangen lint`, wherever they sit in the plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import { DEFAULT_GENERATE_OPTIONS } from '../../packages/cli/src/generate/options.js';
import { checkPatternSafety } from '../../packages/cli/src/schema/patterns.js';
import { lintPlan } from '../../packages/cli/src/lint/lint-plan.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { fuzzParameters } from './runs.js';

/** Nested quantifiers over the same characters: exponential on a long run of them followed by a mismatch. */
const NESTED_QUANTIFIERS = [
  '^(A+)+$',
  '^(A*)*$',
  '^(A+A+)+$',
  '(A+)+!',
  '^(A+)*$',
  '^(?:A+)+$',
  '^(A+)+A$',
  '^(A|A)*$',
  '^(A|AA)+$',
  '^(.*A){12}$',
  // Issue 13: a bounded repetition under a star, and bounded repetitions nested (both hung and were accepted).
  '^(A{0,5})*$',
  '^(?:A{1,30}){1,30}$',
];
/** Exponential, polynomial of a high degree (`(.*a){12}` is O(n^12)), or bounded with too many ways to split a value. */
const CATASTROPHIC = /can backtrack (exponentially|in O\(n\^\d+\) time|through up to \d+\^\d+ ways)/;
const ATOMS = ['a', 'x', '\\d', '\\w', '[a-z]', '[0-9a-f]', '.', '\\p{L}', 'ä', '😀'];

const catastrophic = fc.tuple(fc.constantFrom(...NESTED_QUANTIFIERS), fc.constantFrom(...ATOMS)).map(([shape, atom]) => shape.replaceAll('A', atom));

/** Where the pattern sits: an event property, nested in objects and arrays, or a trait. */
const placement = fc.record({
  wrapInObject: fc.boolean(),
  wrapInArray: fc.boolean(),
  asTrait: fc.boolean(),
});

function planWith(pattern: string, { wrapInObject, wrapInArray, asTrait }: { wrapInObject: boolean; wrapInArray: boolean; asTrait: boolean }): string {
  let property: Record<string, unknown> = { type: 'string', pattern };
  if (wrapInArray) property = { type: 'array', items: property };
  if (wrapInObject) property = { type: 'object', properties: { inner: property } };
  const properties = { code: property, other: { type: 'string', pattern: '^ord_[a-z0-9]+$' } };
  return JSON.stringify(
    asTrait ? { name: 'ReDoS', identify: { traits: properties } } : { name: 'ReDoS', events: { 'Code Entered': { properties } } },
    null,
    2,
  );
}

/** Where a raw `schema` can hold a pattern. */
const RAW_PLACES: readonly ((pattern: string) => Record<string, unknown>)[] = [
  (pattern) => ({ type: 'object', patternProperties: { [pattern]: { type: 'string' } } }),
  (pattern) => ({ type: 'object', propertyNames: { pattern } }),
  (pattern) => ({ type: 'object', properties: { list: { type: 'array', items: { type: 'string', pattern } } } }),
  (pattern) => ({ type: 'object', properties: { either: { anyOf: [{ type: 'string', pattern }, { type: 'integer' }] } } }),
  (pattern) => ({ type: 'object', definitions: { code: { type: 'string', pattern } }, properties: { code: { $ref: '#/definitions/code' } } }),
  (pattern) => ({ type: 'object', additionalProperties: { type: 'string', pattern } }),
  (pattern) => ({ type: 'object', properties: { other: { not: { type: 'string', pattern } } } }),
  // Issue 14: lint and generate did not look under dependencies.
  (pattern) => ({ type: 'object', dependencies: { other: { properties: { code: { type: 'string', pattern } } } } }),
];

describe('catastrophic patterns', () => {
  it('are refused at generation and flagged by lint anywhere in a raw schema', async () => {
    await fc.assert(
      fc.asyncProperty(catastrophic, fc.nat(RAW_PLACES.length - 1), async (pattern, place) => {
        const loaded = loadPlanText(JSON.stringify({ name: 'ReDoS', events: { 'Code Entered': { schema: RAW_PLACES[place]!(pattern) } } }), 'plan.json');
        expect(lintPlan(loaded).filter((problem) => problem.rule === 'redos-pattern')).toHaveLength(1);
        const error = await generate(loaded.model, DEFAULT_GENERATE_OPTIONS, loaded.locator).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(PlanError);
        expect((error as PlanError).message).toMatch(/^plan\.json:\d+:\d+: /);
        expect((error as PlanError).message).toMatch(CATASTROPHIC);
      }),
      fuzzParameters(20),
    );
  });

  it('are flagged by lint as errors at their property, wherever it sits', () => {
    fc.assert(
      fc.property(catastrophic, placement, (pattern, where) => {
        const text = planWith(pattern, where);
        const problems = lintPlan(loadPlanText(text, 'plan.json')).filter((problem) => problem.rule === 'redos-pattern');
        expect(problems).toHaveLength(1);
        const [problem] = problems;
        expect(problem?.severity).toBe('error');
        expect(problem?.detail).toContain(`pattern ${JSON.stringify(pattern)}`);
        // Located at the property holding the pattern (between its key and the pattern), not elsewhere in the plan.
        const lines = text.split('\n');
        const propertyLine = lines.findIndex((line) => line.includes('"code": {')) + 1;
        const patternLine = lines.findIndex((line) => line.includes(`"pattern": ${JSON.stringify(pattern)}`)) + 1;
        expect(problem?.location.file).toBe('plan.json');
        expect(problem?.location.line).toBeGreaterThanOrEqual(propertyLine);
        expect(problem?.location.line).toBeLessThanOrEqual(patternLine);
      }),
      fuzzParameters(40),
    );
  });

  it('are refused at generation with a located PlanError', async () => {
    await fc.assert(
      fc.asyncProperty(catastrophic, placement, async (pattern, where) => {
        const error = await Promise.resolve()
          .then(() => { const { model, locator } = loadPlanText(planWith(pattern, where), 'plan.json'); return generate(model, DEFAULT_GENERATE_OPTIONS, locator); })
          .then(
            () => undefined,
            (thrown: unknown) => thrown,
          );
        expect(error).toBeInstanceOf(PlanError);
        expect((error as PlanError).message).toMatch(/^plan\.json:\d+:\d+: /);
        expect((error as PlanError).message).toMatch(CATASTROPHIC);
        expect((error as PlanError).message).toContain(JSON.stringify(pattern));
      }),
      fuzzParameters(20),
    );
  });

  it('the check never throws, whatever the pattern text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), catastrophic.map((pattern) => `${pattern}${pattern}`)), (pattern) => {
        const result = checkPatternSafety(pattern);
        if (result.verdict === 'catastrophic') expect(result.reason).toMatch(CATASTROPHIC);
        if (result.verdict === 'undecided') expect(result.reason).toMatch(/^the backtracking check cannot decide whether it is safe: /);
      }),
      fuzzParameters(150),
    );
  });
});
