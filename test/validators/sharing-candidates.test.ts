// Sharing counts and replaces by each schema's kept candidates (hashes in walk order and subtree sizes,
// shared-subschemas.ts) instead of spelling every subschema as JSON: the plan must be the one the text-counting
// slow path made (share-oracle.ts), whether the candidates are computed in the run or kept from an earlier one
// (through JSON, as the cache keeps them), over random sets of schemas that repeat subschemas at any depth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareRepeatedSubschemas, sharingCandidates } from '../../packages/cli/src/generate/validators/shared-subschemas.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { oracleShareRepeatedSubschemas } from './share-oracle.js';

const leaf = fc.constantFrom<JsonSchema>({ type: 'string' }, { type: 'integer', minimum: 1 }, { enum: ['a', 1, null] }, true as unknown as JsonSchema, { not: { type: 'null' } });

/** Schemas under every keyword sharing reaches and some it must not (not, if, contains, propertyNames), a few position-dependent. */
const schema: fc.Arbitrary<JsonSchema> = fc.letrec<{ node: JsonSchema }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.constantFrom('a', 'b', 'c', '__proto__'), tie('node'), { maxKeys: 3 }) }, { requiredKeys: ['type'] }) as fc.Arbitrary<JsonSchema>,
    fc.record({ type: fc.constant('array'), items: fc.oneof(tie('node'), fc.array(tie('node'), { maxLength: 2 })) }) as fc.Arbitrary<JsonSchema>,
    fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<JsonSchema>,
    fc.record({ if: tie('node'), then: tie('node'), else: tie('node') }, { requiredKeys: ['if'] }) as fc.Arbitrary<JsonSchema>,
    fc.record({ not: tie('node'), additionalProperties: tie('node') }, { requiredKeys: [] }) as fc.Arbitrary<JsonSchema>,
    fc.record({ patternProperties: fc.dictionary(fc.constantFrom('^x', '^y'), tie('node'), { maxKeys: 2 }), $id: fc.constant('urn:x') }, { requiredKeys: ['patternProperties'] }) as fc.Arbitrary<JsonSchema>,
  ),
})).node;

/** A set of schemas that repeat pieces of each other: each built of a few picks from a small pool. */
const schemaSet = fc.array(schema, { minLength: 1, maxLength: 5 }).chain((pool) =>
  fc.array(
    fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 4 }).map((picks) => ({ type: 'object', properties: Object.fromEntries(picks.map((pick, index) => [`p${index}`, pool[pick]])) }) as JsonSchema),
    { minLength: 1, maxLength: 8 },
  ),
);

describe('sharing by kept candidates', () => {
  it('plans what counting texts planned, with candidates computed in the run or kept through JSON', () => {
    let sharedSeen = 0;
    fc.assert(
      fc.property(schemaSet, (schemas) => {
        const expected = JSON.stringify(oracleShareRepeatedSubschemas(schemas, 'k_', 'x-share'));
        if (JSON.parse(expected).shared.length > 0) sharedSeen++;
        expect(JSON.stringify(shareRepeatedSubschemas(schemas, 'k_', 'x-share'))).toBe(expected);
        const kept = JSON.parse(JSON.stringify(schemas.map((each) => sharingCandidates(each))));
        expect(JSON.stringify(shareRepeatedSubschemas(schemas, 'k_', 'x-share', undefined, kept))).toBe(expected);
      }),
      { numRuns: 300, seed: 20261206 },
    );
    expect(sharedSeen).toBeGreaterThan(30);
  });

  it('refuses candidates that do not fit their schema instead of misplacing calls, when the rewritten schema is read (as every compile of it does)', () => {
    const repeated = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } } as JsonSchema;
    const schemas = [repeated, { anyOf: [repeated] } as JsonSchema];
    const candidates = schemas.map((each) => sharingCandidates(each));
    expect(candidates[0]!.hashes).toHaveLength(1);
    expect(JSON.stringify(shareRepeatedSubschemas(schemas, 'k_', 'x-share', undefined, candidates))).toContain('x-share');
    const misfit = shareRepeatedSubschemas(schemas, 'k_', 'x-share', undefined, [{ hashes: [], sizes: [] }, candidates[1]]);
    expect(() => misfit.compiledSchema(0)).toThrow(/do not match/);
    expect(() => misfit.schemas).toThrow(/do not match/);
    // Sizes that do not pair with the hashes are refused at once.
    expect(() => shareRepeatedSubschemas(schemas, 'k_', 'x-share', undefined, [{ hashes: candidates[0]!.hashes, sizes: [] }, candidates[1]])).toThrow(/do not match/);
  });
});
