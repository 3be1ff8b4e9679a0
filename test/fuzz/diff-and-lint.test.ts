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
import { NO_LOCATOR } from '../../packages/cli/src/model/locator.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { hostileName } from './hostile-text.js';
import { planObject, planText, type PlanObject } from './random-plan.js';
import { segmentConfigPlanObject, segmentPlanObject } from './random-segment-plan.js';
import { fuzzParameters } from './runs.js';

function loaded({ text, file }: { text: string; file: string }): PlanModel | undefined {
  try {
    return loadPlanText(text, file).model;
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

/** RFC 6901: `~` -> `~0`, `/` -> `~1`. */
function pointerToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

type Body = { properties?: Record<string, unknown>; versions?: { version: number; properties?: Record<string, unknown> }[] };

/** The plan with a required string property `name` added to the latest version of its first event (no new version). */
function withRequiredProperty(plan: PlanObject, name: string): { plan: PlanObject; event: string } | undefined {
  const copy = structuredClone(plan) as { events?: Record<string, Body> };
  const [event, body] = Object.entries(copy.events ?? {})[0] ?? [];
  if (event === undefined || body === undefined) return undefined;
  const latest = body.versions ? [...body.versions].sort((a, b) => a.version - b.version).at(-1) : body;
  const properties = latest?.properties;
  if (!properties || Object.hasOwn(properties, name)) return undefined;
  Object.defineProperty(properties, name, { value: { type: 'string', required: true }, enumerable: true, writable: true, configurable: true });
  return { plan: copy as PlanObject, event };
}

describe('lint and diff on random hostile plans', () => {
  it('diff reports a required property added to a version as breaking, at its escaped pointer', () => {
    let checked = 0;
    fc.assert(
      fc.property(planObject(false), hostileName, (plan, name) => {
        const before = loaded(planText(plan, 'json'));
        const edited = withRequiredProperty(plan, name);
        fc.pre(before !== undefined && edited !== undefined);
        const after = loaded(planText(edited!.plan, 'json'));
        fc.pre(after !== undefined); // the new name itself may be refused (an empty key, a lone surrogate)
        const event = before!.events.find((candidate) => candidate.name === edited!.event)!;
        const version = event.versions.at(-1)!.version;
        expect(diffPlans(before!, after!).changes).toContainEqual(
          expect.objectContaining({
            target: { kind: 'version', event: event.name, version },
            scope: 'properties',
            pointer: `/properties/${pointerToken(name)}`,
            change: 'added',
            classification: 'breaking',
          }),
        );
        checked++;
      }),
      fuzzParameters(40),
    );
    expect(checked).toBeGreaterThan(0);
  });

  it('lint never throws and locates every problem in the plan file', () => {
    fc.assert(
      fc.property(models, (model) => {
        for (const problem of lintPlan({ model, locator: NO_LOCATOR })) {
          expect(problem.location.file).toBe(model.file);
          expect(problem.location.line !== undefined || problem.location.pointer !== undefined).toBe(true);
          expect(problem.detail).not.toMatch(/[\n\r\u2028\u2029]/);
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
