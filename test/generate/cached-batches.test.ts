// Validators through the cache: after one property is added to one event of a
// 150-event plan, one batch is compiled again (part by part) and the others come
// from the cache; another change to that event compiles one part; the
// validators module is byte for byte the uncached one.
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import type { StageCache } from '../../packages/cli/src/generate/stage-cache.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';

const SYNTHETIC_PLAN = new URL('../../bench/synthetic-plan.mjs', import.meta.url).href;
const { syntheticPlan } = (await import(SYNTHETIC_PLAN)) as { syntheticPlan(count: number, seed: number): { plan: unknown } };

/** The plan with `added` properties added to one event, each named by its number. */
function plan(added: number) {
  const json = syntheticPlan(150, 3).plan as { rules: { jsonSchema: { properties: { properties: { properties: Record<string, unknown> } } } }[] };
  for (let index = 1; index <= added; index++) json.rules[70]!.jsonSchema.properties.properties.properties[`added_later_${index}`] = { type: 'string', maxLength: 3 };
  return loadPlanText(JSON.stringify(json), 'plan.json', { onWarning: () => undefined });
}

/** The cache, recording which kinds of part were computed (and kept). */
function recording(cache: StageCache) {
  const computed: string[] = [];
  const spy: StageCache = {
    memo: (kind, input, compute) => cache.memo(kind, input, compute),
    get: (kind, input) => cache.get(kind, input),
    set: (kind, input, value) => (computed.push(kind), cache.set(kind, input, value)),
  };
  return { spy, computed };
}

describe('validator batches through the cache', () => {
  it('compile one batch again after one event changed, and print the uncached module', async () => {
    const options = { client: 'analytics-next', mode: 'development', language: 'ts' } as const;
    const cache = new LayeredCache('plangen@test build cached-batches', undefined);
    const before = plan(0);
    const first = recording(cache);
    await generate(before.model, options, before.locator, undefined, first.spy);
    const batches = first.computed.filter((kind) => kind === 'validator-batch').length;
    expect(batches).toBeGreaterThan(2);
    // A cold run compiles whole batches: no part is compiled (or kept) on its own.
    expect(first.computed).not.toContain('validator-part');

    const after = plan(1);
    const second = recording(cache);
    const warm = await generate(after.model, options, after.locator, undefined, second.spy);
    expect(second.computed.filter((kind) => kind === 'validator-batch')).toEqual(['validator-batch']);
    // The changed batch was compiled part by part (8 schemas each), every part kept.
    const parts = second.computed.filter((kind) => kind === 'validator-part').length;
    expect(parts).toBeGreaterThan(1);
    const cold = await generate(after.model, options, after.locator);
    expect(warm.map((file) => file.content)).toEqual(cold.map((file) => file.content));
  }, 120_000);

  it('compile one part again when the same event changes once more, and print the uncached module', async () => {
    const options = { client: 'analytics-next', mode: 'development', language: 'ts' } as const;
    const cache = new LayeredCache('plangen@test build cached-parts', undefined);
    for (const added of [0, 1]) {
      const { model, locator } = plan(added);
      await generate(model, options, locator, undefined, cache);
    }
    const again = plan(2);
    const third = recording(cache);
    const warm = await generate(again.model, options, again.locator, undefined, third.spy);
    expect(third.computed.filter((kind) => kind.startsWith('validator-'))).toEqual(['validator-part', 'validator-batch']);
    const cold = await generate(again.model, options, again.locator);
    expect(warm.map((file) => file.content)).toEqual(cold.map((file) => file.content));
  }, 120_000);
});
