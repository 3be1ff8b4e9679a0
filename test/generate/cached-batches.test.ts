// Validators through the cache: after one property is added to one event of a
// 150-event plan, one batch is compiled again and the others come from the
// cache, and the validators module is byte for byte the uncached one.
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import type { StageCache } from '../../packages/cli/src/generate/stage-cache.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';

const SYNTHETIC_PLAN = new URL('../../bench/synthetic-plan.mjs', import.meta.url).href;
const { syntheticPlan } = (await import(SYNTHETIC_PLAN)) as { syntheticPlan(count: number, seed: number): { plan: unknown } };

function plan(added: boolean) {
  const json = syntheticPlan(150, 3).plan as { rules: { jsonSchema: { properties: { properties: { properties: Record<string, unknown> } } } }[] };
  if (added) json.rules[70]!.jsonSchema.properties.properties.properties['added_later'] = { type: 'string', maxLength: 3 };
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
    const before = plan(false);
    const first = recording(cache);
    await generate(before.model, options, before.locator, undefined, first.spy);
    const batches = first.computed.filter((kind) => kind === 'validator-batch').length;
    expect(batches).toBeGreaterThan(2);

    const after = plan(true);
    const second = recording(cache);
    const warm = await generate(after.model, options, after.locator, undefined, second.spy);
    expect(second.computed.filter((kind) => kind === 'validator-batch')).toEqual(['validator-batch']);
    const cold = await generate(after.model, options, after.locator);
    expect(warm.map((file) => file.content)).toEqual(cold.map((file) => file.content));
  }, 120_000);
});
