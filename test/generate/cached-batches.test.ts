// Validators through the cache: after one property is added to one event of a
// 150-event plan, one batch is compiled again (part by part) and the others come
// from the cache; another change to that event compiles one part; the
// validators module is byte for byte the uncached one.
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import { NO_CACHE, type StageCache } from '../../packages/cli/src/generate/stage-cache.js';
import { compileBatchesCached } from '../../packages/cli/src/generate/validators/cached-batches.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { recording } from './recording-cache.js';

const SYNTHETIC_PLAN = new URL('../../bench/synthetic-plan.mjs', import.meta.url).href;
const { syntheticPlan } = (await import(SYNTHETIC_PLAN)) as { syntheticPlan(count: number, seed: number): { plan: unknown } };

/** The plan with `added` properties added to one event, each named by its number. */
function plan(added: number) {
  const json = syntheticPlan(150, 3).plan as { rules: { jsonSchema: { properties: { properties: { properties: Record<string, unknown> } } } }[] };
  for (let index = 1; index <= added; index++) json.rules[70]!.jsonSchema.properties.properties.properties[`added_later_${index}`] = { type: 'string', maxLength: 3 };
  return loadPlanText(JSON.stringify(json), 'plan.json', { onWarning: () => undefined });
}

describe('validator batches through the cache', () => {
  it('compile one part of one batch again after one event changed, and print the uncached module', async () => {
    const options = { client: 'analytics-next', mode: 'development', language: 'ts' } as const;
    const cache = new LayeredCache('plangen@test build cached-batches', undefined);
    const before = plan(0);
    const first = recording(cache);
    await generate(before.model, options, before.locator, undefined, first.spy);
    const batches = first.computed.filter((kind) => kind === 'validator-batch').length;
    expect(batches).toBeGreaterThan(2);
    // A cold run with a cache compiles every batch part by part (8 schemas each), and keeps every part.
    expect(first.computed.filter((kind) => kind === 'validator-part').length).toBeGreaterThan(batches);

    const after = plan(1);
    const second = recording(cache);
    const warm = await generate(after.model, options, after.locator, undefined, second.spy);
    // The changed batch is its kept parts but the one holding the changed event, compiled again.
    expect(second.computed.filter((kind) => kind.startsWith('validator-'))).toEqual(['validator-part', 'validator-batch']);
    const cold = await generate(after.model, options, after.locator);
    expect(warm.map((file) => file.content)).toEqual(cold.map((file) => file.content));
  }, 120_000);

  it('compile whole batches without a cache, and parts with one', async () => {
    const batch = (count: number, from: number) => ({
      schemas: Array.from({ length: count }, (_, index) => ({ name: `validateE${from + index}`, key: `k${from + index}`, schema: { maxLength: from + index }, compiled: { maxLength: from + index } })),
      exports: Array.from({ length: count }, (_, index) => ({ name: `validateE${from + index}`, key: `k${from + index}` })),
      shared: [],
      sharingKeyword: 's',
    });
    const cut = (whole: ReturnType<typeof batch>, size: number) => Array.from({ length: Math.ceil(whole.schemas.length / size) }, (_, index) => batch(Math.min(size, whole.schemas.length - index * size), Number(whole.schemas[0]!.key.slice(1)) + index * size));
    const batches = [batch(16, 0), batch(16, 16)];
    const plan = { batches, parts: batches.map((whole) => cut(whole, 8)) };
    const sizes = async (cache?: StageCache) => {
      const asked: number[] = [];
      await compileBatchesCached(plan, cache, async (missing) => {
        asked.push(...missing.map(({ schemas }) => schemas.length));
        return missing.map(({ exports }) => ({ imports: [], laidOut: { constants: [], shared: [], exports: exports.map(({ name }) => ({ name, local: name, statements: [] })) } }));
      });
      return asked;
    };
    expect(await sizes()).toEqual([16, 16]);
    expect(await sizes(NO_CACHE)).toEqual([16, 16]);
    expect(await sizes(new LayeredCache('plangen@test build parts-or-whole', undefined))).toEqual([8, 8, 8, 8]);
  });

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
