// The planning keeps, with each prepared schema, what it reads of the schema's JSON (digest, sharing's
// eligibility, whether it says `plangen`: build-validator-module.ts), so a warm run spells only the changed
// group's schemas. The plan must be the one planned without a cache, also when a schema says the free names'
// stems (the names must avoid them), repeats another or names a position-dependent keyword, and when the
// group holding the schema that says them is the one taken from the cache.
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { PREPARED_GROUP_SIZE, planValidatorModule } from '../../packages/cli/src/generate/validators/build-validator-module.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

const address = { type: 'object', properties: { street: { type: 'string' }, city: { type: 'object', properties: { name: { type: 'string' } } } } };

function entries(extra: number): { name: string; schema: JsonSchema }[] {
  return Array.from({ length: 2 * PREPARED_GROUP_SIZE + 3 }, (_, index) => {
    const properties: Record<string, unknown> = { at: address, n: { type: 'integer', maximum: index + extra } };
    if (index === 5) properties.plangenExport0x = { enum: ['plangenShared0x', 'plangenExport1x'] };
    if (index === 7) properties.ref = { $ref: '#/properties/n' };
    return { name: `validateEvent${String(index).padStart(3, '0')}V1`, schema: (index % 9 === 4 ? { type: 'object', properties: { at: address } } : { type: 'object', properties }) as JsonSchema };
  });
}

describe('schema facts kept with the prepared schemas', () => {
  it('plan what planning without a cache plans, cold, warm and after a change in another group', () => {
    const cache = new LayeredCache('plangen@test build kept-schema-facts', undefined);
    const before = entries(0);
    const uncached = JSON.stringify(planValidatorModule(before));
    const plan = JSON.parse(uncached) as { batches: { sharingKeyword: string; shared: unknown[] }[]; exports: { key: string }[] };
    expect(plan.batches[0]!.sharingKeyword).toBe('plangenShared1x');
    expect(plan.batches[0]!.shared.length).toBeGreaterThan(0);
    expect(plan.exports[0]!.key).toBe('plangenExport2x0');
    expect(JSON.stringify(planValidatorModule(before, undefined, cache))).toBe(uncached);
    cache.endRun();
    expect(JSON.stringify(planValidatorModule(before, undefined, cache))).toBe(uncached);
    cache.endRun();
    // Only the last group changes: the group whose schema says the stems comes from the cache.
    const after = entries(0);
    after[after.length - 1]!.schema = { type: 'object', properties: { late: { type: 'string' } } };
    expect(JSON.stringify(planValidatorModule(after, undefined, cache))).toBe(JSON.stringify(planValidatorModule(after)));
  });
});
