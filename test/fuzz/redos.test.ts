// Permitted-value patterns that backtrack catastrophically. What the code does
// today: `plangen lint` flags nested quantifiers over the same characters as
// an error, located at the pattern, wherever the property sits in the plan.
// What it does not do yet (FINDINGS.md, F5 and F6): generation accepts these
// patterns without a flag, and ambiguous alternations (`^(a|a)*$`,
// `^(a|aa)+$`) and large polynomial ones (`^(.*a){12}$`) pass lint too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPattern } from '../../packages/cli/src/lint/redos.js';
import { lintPlan } from '../../packages/cli/src/lint/lint-plan.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { fuzzParameters } from './runs.js';

/** Nested quantifiers over the same characters: exponential on a long run of them followed by a mismatch. */
const NESTED_QUANTIFIERS = ['^(A+)+$', '^(A*)*$', '^(A+A+)+$', '(A+)+!', '^(A+)*$', '^(?:A+)+$', '^(A+)+A$'];
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

describe('catastrophic patterns', () => {
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

  it('the check never throws, whatever the pattern text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), catastrophic.map((pattern) => `${pattern}${pattern}`)), (pattern) => {
        const result = checkPattern(pattern);
        if (!result.ok) expect(result.reason).toMatch(/can backtrack exponentially on a long run of /);
      }),
      fuzzParameters(150),
    );
  });
});
