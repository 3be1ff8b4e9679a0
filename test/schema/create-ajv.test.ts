// createAjv answers a valid draft-07 schema with the precompiled meta-schema check, and leaves
// everything else to ajv's own check: the verdicts, errors and throws stay ajv's.
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema';

describe('createAjv meta-schema checks', () => {
  it('checks a valid draft-07 schema without compiling the meta-schema', () => {
    const ajv = createAjv();
    for (const $schema of [undefined, '', `${DRAFT_07}#`, 'https://json-schema.org/draft-07/schema#']) {
      expect(ajv.validateSchema({ ...($schema !== undefined && { $schema }), type: 'object', properties: { a: { enum: [1, 2] } } })).toBe(true);
      expect(ajv.errors).toBeNull();
    }
    expect(ajv.schemas[DRAFT_07]?.validate).toBeUndefined();
    expect(ajv.compile({ type: 'string', minLength: 2 })('ab')).toBe(true);
  });

  it("gives ajv's own errors and throws for an invalid schema", () => {
    const ajv = createAjv();
    expect(ajv.validateSchema({ type: 'text' })).toBe(false);
    expect(ajv.errors?.map((error) => error.instancePath)).toContain('/type');
    expect(() => ajv.compile({ properties: { a: { minLength: -1 } } })).toThrow(/^schema is invalid: data\/properties\/a\/minLength must be >= 0/);
    expect(() => ajv.validateSchema({ $schema: 7 } as object)).toThrow('$schema must be a string');
    expect(() => ajv.validateSchema({ $schema: 'http://json-schema.org/draft-04/schema#' })).toThrow(/no schema with key or ref/);
  });

  it('an instance that emits code compiles the meta-schema itself, as before', () => {
    const ajv = createAjv({ code: { source: true } });
    expect(ajv.validateSchema({ type: 'object' })).toBe(true);
    expect(ajv.schemas[DRAFT_07]?.validate).toBeTypeOf('function');
  });

  it('an instance that emits code but never checks schemas compiles the meta-schema only when a schema refers to it', () => {
    const ajv = createAjv({ validateSchema: false, code: { source: true } });
    expect(ajv.compile({ type: 'string', minLength: 2 })('ab')).toBe(true);
    expect(ajv.schemas[DRAFT_07]?.validate).toBeUndefined();
    const isSchema = ajv.compile({ $ref: 'https://json-schema.org/draft-07/schema#' });
    expect(isSchema({ type: 'object' })).toBe(true);
    expect(isSchema({ type: 'text' })).toBe(false);
  });
});
