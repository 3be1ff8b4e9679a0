// ajv's optimization pass with the used-name counts taken in one walk (name-counts.ts) must print
// exactly what ajv's own pass prints: the counts equal ajv's getter on every code tree it optimizes
// (every node kind: blocks, if/else chains, loops of each kind, try/catch/finally, functions), and
// the standalone code of whole batches is byte for byte the same with and without it.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planValidatorModule } from '../../packages/cli/src/generate/validators/build-validator-module.js';
import { countNamesInOneWalk, usedNameCounts } from '../../packages/cli/src/generate/validators/name-counts.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';
import { objectSchema } from './random-schemas.js';
import { SCHEMA_CASES } from './schema-cases.js';

// The CLI's own ajv (the one its sources load), whose code generator the test watches.
const { CodeGen } = createRequire(new URL('../../packages/cli/package.json', import.meta.url))('ajv/dist/compile/codegen/index.js') as { CodeGen: { prototype: object } };
type Optimize = (this: { _root: { names: object } }, passes?: number | boolean) => void;
const prototype = CodeGen.prototype as unknown as { optimize: Optimize };
const ajvOptimize = prototype.optimize;

afterEach(() => {
  prototype.optimize = ajvOptimize;
  vi.doUnmock('../../packages/cli/src/generate/validators/name-counts.js');
  vi.resetModules();
});

async function entries() {
  const reference = validatorEntries((await loadPlan('fixtures/typewriter-public-api-reference-plan/plan.json')).model);
  const shop = validatorEntries((await loadPlan('fixtures/shop/plan.yaml')).model);
  const random = Array.from({ length: 40 }, (_, index) => ({ name: `validateRandom${index}V1`, schema: objectSchema(0) }));
  return [...reference, ...shop, ...SCHEMA_CASES.map(({ name, schema }) => ({ name, schema })), ...random];
}

// Code trees with every node kind the optimizer meets: for-in/for-of/for loops, try/catch/finally, if/else-if/else.
const KINDS: JsonSchema[] = [
  { type: 'object', additionalProperties: { type: 'string' }, propertyNames: { maxLength: 3 }, minProperties: 1 },
  { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false, uniqueItems: true, contains: { const: 1 } },
  { anyOf: [{ type: 'string', format: 'date-time' }, { type: ['null', 'number'], multipleOf: 0.5 }], if: { required: ['a'] }, then: { required: ['b'] }, else: { not: { required: ['c'] } } },
  { type: 'object', patternProperties: { '^x-': { type: 'boolean' } }, dependencies: { a: ['b'], c: { required: ['d'] } }, required: ['a', 'b', 'c'] },
  { oneOf: [{ enum: ['a', { b: [1] }] }, { type: 'string', pattern: '^z', minLength: 2 }], definitions: { n: { type: 'integer' } } },
  { type: 'object', properties: { list: { type: 'array', items: { $ref: '#/definitions/item' } } }, definitions: { item: { type: 'object', properties: { id: { type: 'string' } } } } },
];

describe('name counts taken in one walk', () => {
  it("equal ajv's own count on every code tree ajv optimizes", async () => {
    let trees = 0;
    prototype.optimize = function optimize(passes) {
      expect(usedNameCounts(this._root as never)).toEqual(this._root.names);
      trees++;
      ajvOptimize.call(this, passes);
    };
    const ajv = createAjv({ messages: false, loopRequired: 2, validateSchema: false, code: { source: true, esm: true, lines: false, optimize: true } });
    for (const [index, { schema }] of [...(await entries()), ...KINDS.map((schema) => ({ schema }))].entries()) ajv.compile({ ...schema, $id: `tree${index}` });
    expect(trees).toBeGreaterThan(100);
  });

  it('leave the code of every batch byte for byte as ajv prints it', async () => {
    const withKinds = [...(await entries()), ...KINDS.map((schema, index) => ({ name: `validateKind${index}V1`, schema }))];
    const plan = planValidatorModule(withKinds, 16);
    const { standaloneValidators } = await import('../../packages/cli/src/generate/validators/standalone-code.js');
    const fast = plan.batches.map((batch) => standaloneValidators(batch));
    expect(prototype.optimize).not.toBe(ajvOptimize);
    prototype.optimize = ajvOptimize;
    vi.resetModules();
    vi.doMock('../../packages/cli/src/generate/validators/name-counts.js', () => ({ countNamesInOneWalk: () => undefined }));
    const ajvOwn = await import('../../packages/cli/src/generate/validators/standalone-code.js');
    expect(ajvOwn.standaloneValidators).not.toBe(standaloneValidators);
    const slow = plan.batches.map((batch) => ajvOwn.standaloneValidators(batch));
    expect(prototype.optimize).toBe(ajvOptimize);
    expect(fast.map(({ code }) => code.length).reduce((sum, length) => sum + length)).toBeGreaterThan(100_000);
    expect(fast).toEqual(slow);
  });

  it('are installed once, and stay', () => {
    countNamesInOneWalk();
    const installed = prototype.optimize;
    expect(installed).not.toBe(ajvOptimize);
    countNamesInOneWalk();
    expect(prototype.optimize).toBe(installed);
  });
});
