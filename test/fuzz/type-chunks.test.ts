// Types compiled in chunks print what one json-schema-to-typescript run prints,
// on random hostile plans of many events (several chunks: names, descriptions,
// keys and nested objects from random-plan.ts), and a cache never changes them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { emitTypes } from '../../packages/cli/src/generate/emit-types.js';
import { contentDefinedChunks } from '../../packages/cli/src/generate/type-chunks.js';
import { typeEntries } from '../../packages/cli/src/generate/type-entries.js';
import { reservedTypeNames } from '../../packages/cli/src/generate/view-model.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { oneRun } from '../generate/one-run-types.js';
import { planObject, planText, type PlanObject } from './random-plan.js';
import { fuzzParameters } from './runs.js';

/** One plan holding the events of many random plans (the first of each name). */
function manyEvents(plans: readonly PlanObject[]): PlanModel | undefined {
  const events: Record<string, unknown> = {};
  for (const plan of plans) {
    for (const [name, event] of Object.entries((plan['events'] ?? {}) as Record<string, unknown>)) if (!(name in events)) events[name] = event;
  }
  const { text, file } = planText({ ...plans[0]!, events: events as PlanObject }, 'json');
  try {
    return loadPlanText(text, file, { onWarning: () => undefined }).model;
  } catch {
    return undefined; // two names that derive the same identifier: the loader refuses it, nothing to compare
  }
}

describe('types in chunks on random plans', () => {
  it('equal one run, with or without a cache, cold or warm', async () => {
    let mostChunks = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(planObject(false), { minLength: 10, maxLength: 25 }), async (plans) => {
        const model = manyEvents(plans);
        fc.pre(model !== undefined);
        const entries = typeEntries(model!);
        const reserved = reservedTypeNames(model!);
        mostChunks = Math.max(mostChunks, contentDefinedChunks(entries).length);
        const expected = await oneRun(entries, reserved);
        expect(await emitTypes(entries, reserved)).toBe(expected);
        const cache = new LayeredCache('plangen@fuzz build type-chunks', undefined);
        expect(await emitTypes(entries, reserved, cache)).toBe(expected);
        expect(await emitTypes(entries, reserved, cache)).toBe(expected);
      }),
      fuzzParameters(8),
    );
    expect(mostChunks).toBeGreaterThan(1); // the property saw plans of several chunks
  }, 300_000);
});
