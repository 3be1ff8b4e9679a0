// With a cache, the types of a plan without `$ref`s come from chunks kept by
// their entries' own content (kept-type-chunks.ts): the same text as one run
// over every type (the oracle), cold and warm, when an edit elsewhere moves the
// names a kept chunk took, and when a cache entry is damaged; a changed entry
// computes its own chunk only; a plan with a `$ref` takes the numbered chunks.
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { emitTypes, type TypeEntry } from '../../packages/cli/src/generate/emit-types.js';
import type { StageCache } from '../../packages/cli/src/generate/stage-cache.js';
import { contentDefinedChunks } from '../../packages/cli/src/generate/type-chunks.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { oneRun } from './one-run-types.js';

const RESERVED = ['AnalyticsNextLike', 'CallSpec'];
const object = (properties: Record<string, unknown>): JsonSchema => ({ type: 'object', properties }) as JsonSchema;
const entry = (name: string, schema: JsonSchema): TypeEntry => ({ name, schema, doc: [`Properties of ${name}.`] });

/** Fillers around two entries whose nested interfaces both want the name `TAB`, in different chunks. */
function entries(firstHasAB: boolean): TypeEntry[] {
  const fillers = (from: number) =>
    Array.from({ length: 60 }, (_, index) => entry(`Filler${from + index}`, object({ id: { type: 'string' }, count: { type: 'integer' } })));
  const first = entry('T', object({ ...(firstHasAB ? { a_b: object({ x: { type: 'string' } }) } : {}), plain: { type: 'boolean' } }));
  const second = entry('TA', object({ b: object({ y: { type: 'number' } }) }));
  return [first, ...fillers(0), second, ...fillers(100)];
}

/** A cache that counts what it is asked, by kind. */
function counting(cache: LayeredCache): { cache: StageCache; kinds: Map<string, number> } {
  const kinds = new Map<string, number>();
  const count = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  return {
    kinds,
    cache: {
      memo: (kind, input, compute) => (count(kind), cache.memo(kind, input, compute)),
      get: (kind, input) => (count(kind), cache.get(kind, input)),
      set: (kind, input, value) => cache.set(kind, input, value),
    },
  };
}

describe('types from chunks kept by their entries', () => {
  it('print what one run prints, cold and warm, when an edit moves a name a kept chunk took', async () => {
    const before = entries(true);
    const after = entries(false);
    const chunks = contentDefinedChunks(before);
    const chunkOf = (name: string) => chunks.findIndex((chunk) => chunk.some((item) => item.name === name));
    expect(chunkOf('T')).not.toBe(chunkOf('TA')); // the entries that compete for `TAB` sit in different chunks

    const cache = new LayeredCache('plangen@test build kept-type-chunks', undefined);
    const cold = await emitTypes(before, RESERVED, cache);
    expect(cold).toBe(await oneRun(before, RESERVED));
    expect(cold).toContain('export interface TAB2 {'); // `T`'s a_b took `TAB` first
    expect(await emitTypes(before, RESERVED, cache)).toBe(cold);

    // `TA`'s chunk is unchanged, but its nested object is now `TAB`: its kept text (with `TAB2`) must not be used.
    const warm = await emitTypes(after, RESERVED, cache);
    expect(warm).toBe(await oneRun(after, RESERVED));
    expect(warm).toContain('export interface TAB {');
    expect(warm).not.toContain('TAB2');
    // And back again.
    expect(await emitTypes(before, RESERVED, cache)).toBe(cold);
  }, 60_000);

  it('compute only the chunk of a changed entry, and nothing when nothing changed', async () => {
    const cache = new LayeredCache('plangen@test build kept-type-chunks', undefined);
    const plan = entries(true);
    await emitTypes(plan, RESERVED, cache);
    let misses = cache.stats.misses;
    expect(await emitTypes(plan, RESERVED, cache)).toBe(await oneRun(plan, RESERVED));
    expect(cache.stats.misses).toBe(misses);

    const changed = plan.map((item) => (item.name === 'Filler30' ? entry(item.name, object({ id: { type: 'string' }, added: { type: 'string' } })) : item));
    misses = cache.stats.misses;
    expect(await emitTypes(changed, RESERVED, cache)).toBe(await oneRun(changed, RESERVED));
    expect(cache.stats.misses - misses).toBe(1);
  }, 60_000);

  it('compute a chunk again when its cache entry is damaged', async () => {
    const plan = entries(true);
    const kept = new Map<string, unknown>();
    const damaging: StageCache = {
      memo: (_kind, _input, compute) => compute(),
      get: (kind, input) => (kind === 'types-chunk-named' && kept.has(input as string) ? ({ claims: [], declarations: [{ kind: 'type', name: 'X' }] } as never) : undefined),
      set: (kind, input, value) => void (kind === 'types-chunk-named' && kept.set(input as string, value)),
    };
    await emitTypes(plan, RESERVED, damaging);
    expect(kept.size).toBeGreaterThan(1);
    expect(await emitTypes(plan, RESERVED, damaging)).toBe(await oneRun(plan, RESERVED));
  }, 60_000);

  it('type chunks whose entries hoist definitions every run, their names still taken in plan order', async () => {
    // `TA`'s unreferenced definition `a` takes the name `A` (and its nested objects theirs) before `TA`'s own nested `TAB`.
    const plan = entries(true).map((item) =>
      item.name === 'TA' ? entry('TA', { ...object({ b: object({ y: { type: 'number' } }) }), definitions: { a: object({ z: { type: 'string' } }) } } as JsonSchema) : item,
    );
    const cache = new LayeredCache('plangen@test build kept-type-chunks', undefined);
    const counted = counting(cache);
    expect(await emitTypes(plan, RESERVED, counted.cache)).toBe(await oneRun(plan, RESERVED));
    expect(await emitTypes(plan, RESERVED, counted.cache)).toBe(await oneRun(plan, RESERVED));
    expect(counted.kinds.get('types-chunk-named')).toBe(2 * (contentDefinedChunks(plan).length - 1)); // not TA's chunk
  }, 60_000);

  it('leave a plan with a `$ref` to the numbered chunks', async () => {
    const plan = entries(true).map((item) =>
      item.name === 'Filler7' ? entry(item.name, { ...object({ home: { $ref: '#/definitions/place' } }), definitions: { place: object({ city: { type: 'string' } }) } } as JsonSchema) : item,
    );
    const counted = counting(new LayeredCache('plangen@test build kept-type-chunks', undefined));
    expect(await emitTypes(plan, RESERVED, counted.cache)).toBe(await oneRun(plan, RESERVED));
    expect(counted.kinds.get('types-chunk-named')).toBeUndefined();
    expect(counted.kinds.get('types-chunk')).toBeGreaterThan(1);
  }, 60_000);
});
