// The validators of a large plan compile in batches, each with an ajv instance of its own, on
// whichever thread is free (compile-pool.ts). The module must not show how the schemas were cut:
// equal constants, patterns and shared subschema functions of several batches are written once,
// under the names a single batch gives them, byte for byte.
import { describe, expect, it } from 'vitest';
import { assembleValidatorModule, planValidatorModule } from '../../packages/cli/src/generate/validators/build-validator-module.js';
import { buildValidatorModule } from '../../packages/cli/src/generate/validators/compile-validators.js';
import { compileValidatorBatch } from '../../packages/cli/src/generate/validators/compile-validator-batch.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import { SCHEMA_CASES } from './schema-cases.js';

const address: JsonSchema = {
  type: 'object',
  properties: { city: { type: 'string', maxLength: 80 }, geo: { type: 'object', properties: { lat: { type: 'number' } }, required: ['lat'] } },
  required: ['city'],
};
const items: JsonSchema = { type: 'array', items: { type: 'object', properties: { sku: { type: 'string', pattern: '^sku-' } }, required: ['sku'] } };

/** Events that repeat two subschemas (shared functions), patterns and enums across many schemas. */
const repeated = Array.from({ length: 40 }, (_, index) => ({
  name: `validateEvent${String(index).padStart(2, '0')}V1`,
  schema: {
    type: 'object',
    properties: {
      address,
      items,
      plan: { enum: ['free', 'pro', `tier${index % 3}`] },
      code: { type: 'string', pattern: `^c${index % 4}[0-9]+$` },
      [`only${index}`]: { type: 'integer', minimum: index },
    },
    required: ['address', `only${index}`],
  } as JsonSchema,
}));

describe('validators compiled in batches', () => {
  it('give the same module however the schemas are cut (2, 3, 17 per batch and all in one)', async () => {
    const reference = validatorEntries((await loadPlan('fixtures/typewriter-public-api-reference-plan/plan.json')).model);
    const entries = [...repeated, ...reference, ...SCHEMA_CASES.map(({ name, schema }) => ({ name, schema }))];
    const whole = buildValidatorModule(entries, Number.MAX_SAFE_INTEGER);
    expect(whole.body).toMatch(/^function shared_\w+\(/m);
    expect(whole.imports).toContain('pushSharedErrors');
    for (const size of [2, 3, 17]) {
      const plan = planValidatorModule(entries, size);
      expect(plan.batches.length).toBeGreaterThan(1);
      expect(buildValidatorModule(entries, size)).toEqual(whole);
    }
  });

  it('give the same module whatever order the batches compile in', () => {
    const plan = planValidatorModule(repeated, 3);
    const compiled = plan.batches.map((batch) => compileValidatorBatch(batch));
    // Compiled last-first: each batch's code does not depend on what compiled before it.
    const reversed = [...plan.batches].reverse().map((batch) => compileValidatorBatch(batch)).reverse();
    expect(assembleValidatorModule(plan, reversed)).toEqual(assembleValidatorModule(plan, compiled));
  });

  it('cut the last batches smaller (half of what is left, 16 at least), each in parts of 8 for a warm run', () => {
    const many = Array.from({ length: 150 }, (_, index) => ({
      name: `validateMany${String(index).padStart(3, '0')}V1`,
      schema: { type: 'object', properties: { [`p${index}`]: { type: 'integer' } } } as JsonSchema,
    }));
    const plan = planValidatorModule(many);
    expect(plan.batches.map((batch) => batch.schemas.length)).toEqual([64, 43, 22, 16, 5]);
    expect(plan.parts.map((parts) => parts.map((part) => part.schemas.length))).toEqual([
      [8, 8, 8, 8, 8, 8, 8, 8],
      [8, 8, 8, 8, 8, 3],
      [8, 8, 6],
      [8, 8],
      [5],
    ]);
    expect(plan.batches.flatMap((batch) => batch.schemas.map(({ name }) => name))).toEqual(many.map(({ name }) => name));
    const small = planValidatorModule(many.slice(0, 25));
    expect(small.batches.map((batch) => batch.schemas.length)).toEqual([16, 9]);
  });

  it('write a value that several batches hold once', () => {
    const { body } = buildValidatorModule(repeated, 1);
    const lines = body.split('\n').filter((line) => line !== '');
    expect(new Set(lines).size).toBe(lines.length);
    const names = lines.map((line) => /^(?:const|function) ([\w$]+)/.exec(line)?.[1]);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => name?.startsWith('shared_'))).toHaveLength(2);
  });
});
