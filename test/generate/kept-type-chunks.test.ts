// With a cache, the types of a plan without `$ref`s come from chunks kept by
// their entries' own content (kept-type-chunks.ts): the same text as one run
// over every type (the oracle), cold and warm, when an edit elsewhere moves the
// names a kept chunk or entry took, and when a cache entry is damaged; a changed
// entry is the only one compiled; a plan with a `$ref` takes the numbered chunks.
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

/** A cache that counts what it is asked for and what it is given, by kind. */
function counting(cache: LayeredCache): { cache: StageCache; kinds: Map<string, number>; stored: Map<string, number> } {
  const kinds = new Map<string, number>();
  const stored = new Map<string, number>();
  const count = (counts: Map<string, number>, kind: string) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return {
    kinds,
    stored,
    cache: {
      memo: (kind, input, compute) => (count(kinds, kind), cache.memo(kind, input, compute)),
      get: (kind, input) => (count(kinds, kind), cache.get(kind, input)),
      set: (kind, input, value) => (count(stored, kind), cache.set(kind, input, value)),
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

  it('compile only a changed entry, and nothing when nothing changed', async () => {
    const cache = new LayeredCache('plangen@test build kept-type-chunks', undefined);
    const plan = entries(true);
    await emitTypes(plan, RESERVED, cache);
    const misses = cache.stats.misses;
    expect(await emitTypes(plan, RESERVED, cache)).toBe(await oneRun(plan, RESERVED));
    expect(cache.stats.misses).toBe(misses);

    // The changed entry's chunk is not kept whole; of its entries, the changed one alone is compiled and kept.
    const changed = plan.map((item) => (item.name === 'Filler30' ? entry(item.name, object({ id: { type: 'string' }, added: { type: 'string' } })) : item));
    const counted = counting(cache);
    expect(await emitTypes(changed, RESERVED, counted.cache)).toBe(await oneRun(changed, RESERVED));
    expect(counted.stored).toStrictEqual(new Map([['types-entry-named', 1], ['types-chunk-named', 1]]));
    // Its chunk again, entry by entry: after an edit elsewhere in it, the earlier edit is not compiled again.
    const again = changed.map((item) => (item.name === 'Filler31' ? entry(item.name, object({ other: { type: 'boolean' } })) : item));
    const second = counting(cache);
    expect(await emitTypes(again, RESERVED, second.cache)).toBe(await oneRun(again, RESERVED));
    expect(second.stored.get('types-entry-named')).toBe(1);
  }, 60_000);

  it('compute a chunk and its entries again when their cache entries are damaged', async () => {
    const plan = entries(true);
    const kept = new Set<string>();
    const damaging: StageCache = {
      memo: (_kind, _input, compute) => compute(),
      get: (kind, input) => (kept.has(`${kind} ${input as string}`) ? ({ claims: [], declarations: [{ kind: 'type', name: 'X' }] } as never) : undefined),
      set: (kind, input) => void kept.add(`${kind} ${input as string}`),
    };
    await emitTypes(plan, RESERVED, damaging);
    expect(kept.size).toBeGreaterThan(plan.length); // every chunk and every entry
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
