// compileBatchesCached's `fineTail` (what the worker pool asks for on a cold run): the last
// batches are compiled part by part, so the threads' last pieces of work are small; the pieces
// come back in order, every batch and part is kept, and a warm run takes them from the cache.
import { describe, expect, it } from 'vitest';
import { compileBatchesCached } from '../../packages/cli/src/generate/validators/cached-batches.js';
import type { CompiledBatch, ValidatorBatch } from '../../packages/cli/src/generate/validators/build-validator-module.js';
import type { StageCache } from '../../packages/cli/src/generate/stage-cache.js';

// Stand-ins: the function under test only passes batches through, and keys the cache on them.
const batch = (name: string) => ({ name }) as unknown as ValidatorBatch;
const compiledOf = (item: ValidatorBatch) => ({ name: (item as unknown as { name: string }).name }) as unknown as CompiledBatch;
const names = (items: readonly unknown[]) => items.map((item) => (item as { name: string }).name);

function memoryCache(): StageCache & { kept: string[] } {
  const values = new Map<string, unknown>();
  const key = (kind: string, input: unknown) => `${kind} ${JSON.stringify(input)}`;
  const kept: string[] = [];
  return {
    kept,
    memo: async (kind, input, compute) => compute(),
    get: <T>(kind: string, input: unknown) => values.get(key(kind, input)) as T | undefined,
    set: (kind, input, value) => {
      kept.push(`${kind}:${(input as { name: string }).name}`);
      values.set(key(kind, input), value);
    },
  };
}

const plan = {
  batches: ['a', 'b', 'c'].map(batch),
  parts: [['a1', 'a2'].map(batch), ['b1', 'b2'].map(batch), ['c1', 'c2', 'c3'].map(batch)],
};

describe('compileBatchesCached with a fine tail', () => {
  it('compiles the last batches cold as parts, after the whole ones, and keeps every piece', async () => {
    const cache = memoryCache();
    const asked: string[][] = [];
    const compiled = await compileBatchesCached(plan, cache, async (missing) => (asked.push(names(missing)), missing.map(compiledOf)), 2);
    expect(asked).toEqual([['a', 'b1', 'b2', 'c1', 'c2', 'c3']]);
    expect(names(compiled)).toEqual(['a', 'b1', 'b2', 'c1', 'c2', 'c3']);
    expect(cache.kept.filter((kept) => kept.startsWith('validator-part'))).toHaveLength(5);
    expect(cache.kept.filter((kept) => kept.startsWith('validator-batch'))).toEqual(['validator-batch:a', 'validator-batch:b', 'validator-batch:c']);

    // Warm: nothing is compiled again, and the same pieces come back.
    const again = await compileBatchesCached(plan, cache, async (missing) => (asked.push(names(missing)), missing.map(compiledOf)), 2);
    expect(asked).toHaveLength(1);
    expect(names(again)).toEqual(names(compiled));
  });

  it('compiles every batch whole without it (the default)', async () => {
    const asked: string[][] = [];
    await compileBatchesCached(plan, memoryCache(), async (missing) => (asked.push(names(missing)), missing.map(compiledOf)));
    expect(asked).toEqual([['a', 'b', 'c']]);
  });
});
