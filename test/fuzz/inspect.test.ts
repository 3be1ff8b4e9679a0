// `plangen inspect` on random hostile plans: the JSON output carries every
// event name exactly (it survives a JSON round trip), and the text output
// never lets a name with a line break split a line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { modelToJson } from '../../packages/cli/src/model/model-json.js';
import { modelToText } from '../../packages/cli/src/model/model-text.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { planObject, planText } from './random-plan.js';
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

/** Every string in a JSON value, depth first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(strings);
}

describe('inspect on random hostile plans', () => {
  it('JSON output holds every event name exactly, through a JSON round trip', () => {
    fc.assert(
      fc.property(models, (model) => {
        const json = JSON.parse(JSON.stringify(modelToJson(model))) as unknown;
        const found = new Set(strings(json));
        for (const event of model.events) expect(found.has(event.name), event.name).toBe(true);
      }),
      fuzzParameters(30),
    );
  });

  it('text output prints no name with a raw line break or line separator', () => {
    fc.assert(
      fc.property(models, (model) => {
        const text = modelToText(model);
        expect(text).not.toMatch(/[\u2028\u2029]/);
        // Names with line breaks are escaped, so the output has as many lines as a plan with tame names.
        for (const event of model.events) if (/[\r\n]/.test(event.name)) expect(text).not.toContain(event.name);
      }),
      fuzzParameters(30),
    );
  });
});
