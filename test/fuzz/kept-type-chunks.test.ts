// Types from chunks kept by their entries (kept-type-chunks.ts) print what one
// json-schema-to-typescript run prints, on random plans without `$ref`s whose
// entries' nested interfaces, hoisted definitions and names compete for the same
// names across chunks, and after random edits served from the cache of the
// plan before (a warm run after an edit equals a cold run of the edited plan).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { emitTypes, type TypeEntry } from '../../packages/cli/src/generate/emit-types.js';
import { contentDefinedChunks } from '../../packages/cli/src/generate/type-chunks.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { oneRun } from '../generate/one-run-types.js';
import { fuzzParameters } from './runs.js';

const RESERVED = ['AnalyticsNextLike', 'TA'];

// Short keys whose pascal-cased forms collide (`a_b`, `ab`, `aB`), so nested names meet entry names and each other.
const KEYS = ['a', 'b', 'a_b', 'ab', 'aB', 'x'];

const leaf = fc.constantFrom<unknown>({ type: 'string' }, { type: 'integer', description: 'A count.' }, { enum: ['x', 'y'] }, {});
const schema: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.record(
    { type: fc.constant('object'), properties: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof({ depthSize: 'small' }, leaf, tie('node'), fc.record({ type: fc.constant('array'), items: tie('node') }))) },
    { requiredKeys: ['type'] },
  ),
})).node;
const hoisting = fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.constantFrom(...KEYS), leaf), definitions: fc.dictionary(fc.constantFrom(...KEYS), schema, { minKeys: 1 }) });

// Fillers whose names end a chunk (type-chunks.ts cuts after a name that hashes to a boundary): one after
// each named entry puts every entry in a chunk of its own, so names are competed for across chunks.
const CUTTERS = Array.from({ length: 2000 }, (_, n) => `Filler${n}`)
  .filter((name) => contentDefinedChunks([{ name }, { name: 'Next' }]).length === 2)
  .slice(0, 20);

/** Entries named from a few letters (`T`, `TA`, `TAB`...), each followed by a filler that ends its chunk. */
const entries: fc.Arbitrary<TypeEntry[]> = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^T[AB]{0,3}$/), fc.oneof(schema, schema, hoisting)), { minLength: 3, maxLength: 12, selector: ([name]) => name })
  .map((list) =>
    list.flatMap(([name, value], index) => [
      { name, schema: value as JsonSchema, doc: [`Properties of ${name}.`] },
      { name: CUTTERS[index]!, schema: { type: 'object', properties: { id: { type: 'string' } } } as JsonSchema, doc: [] },
    ]),
  );

/** An edit: one entry's schema replaced, one removed, or one added at a position. */
const edit = fc.tuple(fc.nat(), fc.constantFrom('replace', 'replace', 'remove', 'add'), fc.oneof(schema, hoisting), fc.stringMatching(/^T[AB]{0,3}$/));

function applyEdit(list: readonly TypeEntry[], [at, kind, value, name]: [number, string, Record<string, unknown>, string]): TypeEntry[] {
  const index = (at % (list.length / 2)) * 2; // a named entry, not a filler
  const copy = [...list];
  if (kind === 'replace') copy[index] = { ...copy[index]!, schema: value as JsonSchema };
  else if (kind === 'remove' && copy.length > 1) copy.splice(index, 1);
  else if (!copy.some((item) => item.name === name)) copy.splice(index, 0, { name, schema: value as JsonSchema, doc: [`Properties of ${name}.`] });
  return copy;
}

describe('types from kept chunks on random plans', () => {
  it('equal one run, cold, warm, and warm after edits', async () => {
    let mostChunks = 0;
    await fc.assert(
      fc.asyncProperty(entries, fc.array(edit, { minLength: 1, maxLength: 3 }), async (plan, edits) => {
        mostChunks = Math.max(mostChunks, contentDefinedChunks(plan).length);
        const cache = new LayeredCache('plangen@fuzz build kept-type-chunks', undefined);
        const expected = await oneRun(plan, RESERVED);
        expect(await emitTypes(plan, RESERVED, cache)).toBe(expected);
        expect(await emitTypes(plan, RESERVED, cache)).toBe(expected);
        let edited = plan;
        for (const change of edits) {
          edited = applyEdit(edited, change);
          expect(await emitTypes(edited, RESERVED, cache)).toBe(await oneRun(edited, RESERVED));
        }
      }),
      fuzzParameters(25),
    );
    expect(mostChunks).toBeGreaterThan(1);
  }, 300_000);
});
