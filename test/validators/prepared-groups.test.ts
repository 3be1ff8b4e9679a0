// The validators' planning takes each group of entries' prepared schemas from the cache when the
// group's plan schemas are unchanged (build-validator-module.ts): the plan, and so the module, is
// the one planned without a cache; one changed schema prepares its group again; a refused schema
// is refused as before, and a value that is no list of schemas is ignored.
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { PREPARED_GROUP_SIZE, planValidatorModule } from '../../packages/cli/src/generate/validators/build-validator-module.js';
import type { StageCache } from '../../packages/cli/src/generate/stage-cache.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { objectSchema } from './random-schemas.js';
import { SCHEMA_CASES } from './schema-cases.js';
import { recording } from '../generate/recording-cache.js';

/** Random object schemas with annotations and patterns (which preparing drops and checks), several groups of them. */
function entries(count: number): { name: string; schema: JsonSchema }[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `validateEvent${String(index).padStart(3, '0')}V1`,
    schema: { description: `Event ${index}.`, ...(objectSchema(0) as object), title: `E${index}` } as JsonSchema,
  }));
}

const PREPARED = 'prepared-validator-schemas';

describe('prepared schemas through the cache', () => {
  it('plan exactly what planning without a cache plans, cold, warm and after a change', () => {
    const cache = new LayeredCache('plangen@test build prepared-groups', undefined);
    const before = [...entries(3 * PREPARED_GROUP_SIZE + 5), ...SCHEMA_CASES.map(({ name, schema }) => ({ name, schema }))];
    const uncached = JSON.stringify(planValidatorModule(before));
    expect(JSON.stringify(planValidatorModule(before, undefined, cache))).toBe(uncached);
    cache.endRun();
    expect(JSON.stringify(planValidatorModule(structuredClone(before), undefined, cache))).toBe(uncached);
    cache.endRun();
    const after = structuredClone(before);
    after[PREPARED_GROUP_SIZE + 3]!.schema = { ...(after[PREPARED_GROUP_SIZE + 3]!.schema as object), maxProperties: 7, description: 'changed' } as JsonSchema;
    const planned = JSON.stringify(planValidatorModule(after, undefined, cache));
    expect(planned).toBe(JSON.stringify(planValidatorModule(after)));
    expect(planned).not.toBe(uncached);
  });

  it('prepare again only the group of the schema that changed', () => {
    const cache = new LayeredCache('plangen@test build prepared-one-group', undefined);
    const before = entries(4 * PREPARED_GROUP_SIZE);
    const first = recording(cache);
    planValidatorModule(before, undefined, first.spy);
    expect(first.computed.filter((kind) => kind === PREPARED)).toHaveLength(4);
    cache.endRun();
    const after = structuredClone(before);
    after[2 * PREPARED_GROUP_SIZE + 1]!.schema = { ...(after[2 * PREPARED_GROUP_SIZE + 1]!.schema as object), minProperties: 1 } as JsonSchema;
    const second = recording(cache);
    planValidatorModule(after, undefined, second.spy);
    expect(second.computed.filter((kind) => kind === PREPARED)).toHaveLength(1);
    // An annotation is part of the plan schema, so its group is prepared again too (the result is the same).
    const annotated = structuredClone(after);
    annotated[5]!.schema = { ...(annotated[5]!.schema as object), description: 'reworded' } as JsonSchema;
    const third = recording(cache);
    expect(JSON.stringify(planValidatorModule(annotated, undefined, third.spy))).toBe(JSON.stringify(planValidatorModule(after)));
    expect(third.computed.filter((kind) => kind === PREPARED)).toHaveLength(1);
  });

  it('refuse a bad pattern with the same message, after its group was kept while it was good, and keep nothing for it', () => {
    const cache = new LayeredCache('plangen@test build prepared-refused', undefined);
    const good = entries(2 * PREPARED_GROUP_SIZE);
    planValidatorModule(good, undefined, cache);
    cache.endRun();
    const bad = structuredClone(good);
    bad[PREPARED_GROUP_SIZE + 2]!.schema = { type: 'object', properties: { code: { type: 'string', pattern: '(' } } };
    const message = (() => {
      try {
        planValidatorModule(bad);
      } catch (error) {
        return (error as Error).message;
      }
      return undefined;
    })();
    expect(message).toContain(`cannot compile ${bad[PREPARED_GROUP_SIZE + 2]!.name}: the pattern "("`);
    const run = recording(cache);
    expect(() => planValidatorModule(bad, undefined, run.spy)).toThrow(message);
    expect(run.computed).not.toContain(PREPARED);
  });

  it('ignore a kept value that is not one prepared schema per entry, and prepare the group again', () => {
    const group = entries(10);
    for (const foreign of ['not a list', [{ type: 'string' }], null]) {
      const computed: string[] = [];
      const cache: StageCache = { memo: (_kind, _input, compute) => compute(), get: <T>() => foreign as T, set: (kind) => void computed.push(kind) };
      expect(JSON.stringify(planValidatorModule(group, undefined, cache))).toBe(JSON.stringify(planValidatorModule(group)));
      expect(computed).toEqual([PREPARED]);
    }
  });
});
