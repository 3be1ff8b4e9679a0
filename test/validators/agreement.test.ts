// Precompiled validators must give the verdict and errors ajv gives when it
// compiles the same schema in memory (the way ajv tests its own standalone mode).
import { describe, expect, it } from 'vitest';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';
import type { CompiledValidatorError } from '@plangen/core';
import { SCHEMA_CASES, SHARED_PAYLOADS } from './schema-cases.js';
import { comparable as withoutSchemaPath, referenceVerdict } from './prototype-names.js';

function comparable(errors: readonly CompiledValidatorError[] | null | undefined) {
  return (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
}

// All cases share one module, as in a generated SDK: shared helpers must not leak between validators.
const compiled = loadValidators(SCHEMA_CASES.map(({ name, schema }) => ({ name, schema })));

describe('precompiled validators agree with ajv in memory', () => {
  for (const { name, schema, payloads } of SCHEMA_CASES) {
    it(name, () => {
      const reference = createAjv().compile(schema);
      const validate = compiled[name];
      expect(validate).toBeTypeOf('function');
      let invalid = 0;
      // ajv skips a `properties` entry named __proto__ (plangen's validators check it, restated at
      // another schemaPath): such schemas are judged by ajv with that name renamed.
      const protoNamed = JSON.stringify(schema).includes('"__proto__"');
      for (const payload of [...payloads, ...SHARED_PAYLOADS]) {
        if (protoNamed) {
          const { valid, errors } = referenceVerdict(schema, payload);
          expect({ payload, valid: validate?.(payload), errors: withoutSchemaPath(validate?.errors) }).toEqual({ payload, valid, errors });
          if (!valid) invalid++;
          continue;
        }
        const expected = reference(payload);
        const actual = validate?.(payload);
        expect({ payload, valid: actual }).toEqual({ payload, valid: expected });
        expect({ payload, errors: comparable(validate?.errors) }).toEqual({ payload, errors: comparable(reference.errors) });
        if (!expected) invalid++;
      }
      // Each case exercises both verdicts.
      expect(invalid).toBeGreaterThan(0);
      expect(invalid).toBeLessThan(payloads.length + SHARED_PAYLOADS.length);
    });
  }

  it('runs none of the code a schema $id carries', () => {
    expect(compiled.validateWithId?.({ amount: 1 })).toBe(true);
    expect((globalThis as Record<string, unknown>).plangenInjected).toBeUndefined();
  });
});
