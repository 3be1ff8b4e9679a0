// The cache keys a validator batch (and a part) on a small stand-in for it (build-validator-module.ts,
// BatchCacheInput) instead of the batch itself. That is only sound when equal stand-ins mean equal
// batches: across random plans and edits of them (sharing's decisions moving as subschemas are repeated
// or not), any two pieces whose stand-ins are equal must be equal batches; a key that left out the shared
// set, a schema or a name fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planValidatorModule, type ValidatorModulePlan } from '../../packages/cli/src/generate/validators/build-validator-module.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { objectSchema } from './random-schemas.js';

/** Subschemas that entries repeat (some hold subschemas, so sharing takes them when two entries do). */
const POOL: readonly JsonSchema[] = [
  ...Array.from({ length: 6 }, () => objectSchema(1)),
  { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string', minLength: 1 } }, required: ['city'] },
  { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } } } },
  { type: 'string', pattern: '^ord_' },
  { type: 'object', properties: { $ref: { type: 'string' } } },
];

const entrySpec = fc.record({ name: fc.integer({ min: 0, max: 60 }), picks: fc.array(fc.integer({ min: 0, max: POOL.length - 1 }), { maxLength: 3 }) });

function entries(specs: readonly { name: number; picks: readonly number[] }[]) {
  const byName = new Map(specs.map(({ name, picks }) => [name, picks]));
  return [...byName].map(([name, picks]) => ({
    name: `validateEvent${String(name).padStart(2, '0')}V1`,
    schema: { type: 'object', properties: Object.fromEntries(picks.map((pick, index) => [`p${index}`, POOL[pick]])) } as JsonSchema,
  }));
}

/** Every batch and part of a plan, as [its cache stand-in's JSON, the batch's JSON]. */
function pieces(plan: ValidatorModulePlan): [string, string][] {
  return [
    ...plan.batches.map((batch, index): [string, string] => [JSON.stringify(plan.batchInputs[index]), JSON.stringify(batch)]),
    ...plan.parts.flatMap((parts, index) => parts.map((part, partIndex): [string, string] => [JSON.stringify(plan.partInputs[index]![partIndex]), JSON.stringify(part)])),
  ];
}

describe('the cache stand-in of a validator batch', () => {
  it('is equal only for equal batches, across random plans and edits of them', () => {
    let equalStandIns = 0;
    let sharedSeen = 0;
    fc.assert(
      fc.property(fc.array(entrySpec, { minLength: 1, maxLength: 40 }), fc.array(entrySpec, { maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (base, edits, dropped) => {
        const before = planValidatorModule(entries(base), 16);
        const after = planValidatorModule(entries([...base.slice(dropped), ...edits]), 16);
        if (before.batches.some(({ shared }) => shared.length > 0)) sharedSeen++;
        const seen = new Map<string, string>();
        for (const [input, batch] of [...pieces(before), ...pieces(after)]) {
          const known = seen.get(input);
          if (known !== undefined) {
            equalStandIns++;
            expect(batch).toBe(known);
          } else seen.set(input, batch);
        }
      }),
      { numRuns: 150, seed: 20261206 },
    );
    // Not vacuous: pieces met again with equal stand-ins, and plans that share subschemas.
    expect(equalStandIns).toBeGreaterThan(50);
    expect(sharedSeen).toBeGreaterThan(20);
  });
});
