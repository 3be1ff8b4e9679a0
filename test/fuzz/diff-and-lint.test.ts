// The other stages that read every plan: lint and diff never crash on random
// hostile plans (native and Segment), lint locates every problem in the plan's
// file, a plan differs from itself in nothing, and swapping the two plans of a
// diff swaps what was added and removed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../packages/cli/src/diff/diff-plans.js';
import type { PlanChange } from '../../packages/cli/src/diff/types.js';
import { lintPlan } from '../../packages/cli/src/lint/lint-plan.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { planObject, planText } from './random-plan.js';
import { segmentConfigPlanObject, segmentPlanObject } from './random-segment-plan.js';
import { fuzzParameters } from './runs.js';

function loaded({ text, file }: { text: string; file: string }): PlanModel | undefined {
  try {
    return loadPlanText(text, file);
  } catch {
    return undefined; // plans.test.ts checks the errors
  }
}

const models: fc.Arbitrary<PlanModel> = fc
  .oneof(
    planObject(false).map((plan) => planText(plan, 'yaml')),
    fc.oneof(segmentPlanObject, segmentConfigPlanObject).map((plan) => ({ text: JSON.stringify(plan), file: 'plan.json' })),
  )
  .map(loaded)
  .filter((model): model is PlanModel => model !== undefined);

const OPPOSITE = { added: 'removed', removed: 'added', changed: 'changed' } as const;

/** A change's target and kind, the same whichever way the diff runs (pointers and messages may differ). */
function direction(change: PlanChange, reversed: boolean): string {
  return JSON.stringify([change.target, change.scope ?? null, reversed ? OPPOSITE[change.change] : change.change]);
}

describe('lint and diff on random hostile plans', () => {
  it('lint never throws and locates every problem in the plan file', () => {
    fc.assert(
      fc.property(models, (model) => {
        for (const problem of lintPlan(model)) {
          expect(problem.location.file).toBe(model.file);
          expect(problem.location.line !== undefined || problem.location.pointer !== undefined).toBe(true);
          // U+2028/U+2029 are still quoted raw (FINDINGS.md, F19).
          expect(problem.detail).not.toMatch(/[\n\r]/);
        }
      }),
      fuzzParameters(25),
    );
  });

  it('a plan differs from itself in nothing', () => {
    fc.assert(
      fc.property(models, (model) => {
        expect(diffPlans(model, model)).toEqual({ changes: [], signatures: [] });
      }),
      fuzzParameters(25),
    );
  });

  it('diff never throws, and swapping the plans swaps added and removed', () => {
    fc.assert(
      fc.property(models, models, (before, after) => {
        const forward = diffPlans(before, after);
        const backward = diffPlans(after, before);
        const events = (diff: typeof forward, reversed: boolean) =>
          diff.changes.filter((change) => change.target.kind === 'event').map((change) => direction(change, reversed)).sort();
        // Whole events added one way are removed the other way.
        expect(events(backward, true)).toEqual(events(forward, false));
        expect(backward.signatures.length === 0).toBe(forward.signatures.length === 0);
      }),
      fuzzParameters(25),
    );
  });
});
