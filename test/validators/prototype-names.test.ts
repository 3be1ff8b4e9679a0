// Names that are Object.prototype members (toString, valueOf, constructor, hasOwnProperty,
// __proto__) are ordinary names: the precompiled validators give ajv's verdict on the plan's own
// schema for them, as for any other name (issue 13, "Prototype-member names").
import { deepEqual, type CompiledValidator } from '@plangen/core/runtime';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { describe, expect, it } from 'vitest';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { comparable, PROTOTYPE_NAMES, prototypePayloads, prototypeSchema, referenceVerdict } from './prototype-names.js';

const SCHEMAS: Record<string, object> = {
  validateNoneRequired: prototypeSchema([]),
  validateAllRequired: prototypeSchema(PROTOTYPE_NAMES),
  validateNested: { type: 'object', properties: { toString: prototypeSchema(['constructor', '__proto__']) } },
  validateOpen: { type: 'object', properties: { __proto__: { type: 'string' }, valueOf: { type: 'number' } } },
};
// Built with JSON.parse: a `__proto__` key in an object literal would set the prototype instead.
SCHEMAS['validateOpen'] = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"},"valueOf":{"type":"number"}},"dependencies":{"__proto__":["valueOf"]}}') as object;

const compiled = loadValidators(Object.entries(SCHEMAS).map(([name, schema]) => ({ name, schema })));

function run(validate: CompiledValidator | undefined, payload: unknown) {
  const valid = validate?.(payload);
  return { valid, errors: comparable(validate?.errors) };
}

describe('prototype-member names: precompiled validators agree with ajv on the plan\'s own schema', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(name, () => {
      let invalid = 0;
      const payloads = prototypePayloads();
      const samples = name === 'validateNested' ? payloads.map((payload) => JSON.parse(`{"toString":${JSON.stringify(payload)}}`) as unknown) : payloads;
      for (const payload of samples) {
        const expected = referenceVerdict(schema, payload);
        const actual = run(compiled[name], payload);
        // A dependency on __proto__ is restated as if/then, so its errors read `required` (+ `if`), not `dependencies`.
        if (name === 'validateOpen') expect({ payload, valid: actual.valid }).toEqual({ payload, valid: expected.valid });
        else expect({ payload, ...actual }).toEqual({ payload, ...expected });
        if (!expected.valid) invalid++;
      }
      expect(invalid).toBeGreaterThan(0);
      expect(invalid).toBeLessThan(samples.length);
    });
  }

  it('a missing required constructor is reported (was a false negative: found on Object.prototype)', () => {
    expect(run(compiled['validateAllRequired'], JSON.parse('{"toString":"a","valueOf":1,"hasOwnProperty":2,"__proto__":"p"}'))).toEqual({
      valid: false,
      errors: [{ instancePath: '', keyword: 'required', params: { missingProperty: 'constructor' } }],
    });
  });

  it('an absent optional toString is not checked (was a false positive: Object.prototype.toString "must be string")', () => {
    expect(run(compiled['validateNoneRequired'], {})).toEqual({ valid: true, errors: [] });
  });

  it('a property named __proto__ is checked and known to additionalProperties (was dropped from the validator\'s schema)', () => {
    expect(run(compiled['validateNoneRequired'], JSON.parse('{"__proto__":"p"}'))).toEqual({ valid: true, errors: [] });
    expect(run(compiled['validateNoneRequired'], JSON.parse('{"__proto__":5}'))).toEqual({
      valid: false,
      errors: [{ instancePath: '/__proto__', keyword: 'type', params: { type: 'string' } }],
    });
    expect(run(compiled['validateAllRequired'], {}).errors).toContainEqual({ instancePath: '', keyword: 'required', params: { missingProperty: '__proto__' } });
  });

  it('a dependency on __proto__ applies (ajv skips that key of "dependencies")', () => {
    expect(run(compiled['validateOpen'], JSON.parse('{"__proto__":"p"}')).errors).toContainEqual({ instancePath: '', keyword: 'required', params: { missingProperty: 'valueOf' } });
    expect(run(compiled['validateOpen'], JSON.parse('{"__proto__":"p","valueOf":1}')).valid).toBe(true);
  });
});

describe('prototype-member names in enum and const values', () => {
  const values = JSON.parse('[{"__proto__":1},{"constructor":{}},{"valueOf":1,"toString":"t"},{"__proto__":{"a":[{"__proto__":null}]}}]') as NonNullable<JsonSchema['const']>[];
  const validators = loadValidators([
    // Not the valueOf one: ajv's own compile-time uniqueness check of enum runs fast-deep-equal on it.
    { name: 'validateEnum', schema: { enum: values.filter((_, index) => index !== 2) } },
    ...values.map((value, index) => ({ name: `validateConst${index}`, schema: { const: value } })),
  ]);

  it('an enum value with a __proto__ key keeps it as a key in the generated module (was an object literal setting the prototype)', () => {
    for (const value of values.filter((_, index) => index !== 2)) expect(validators['validateEnum']?.(structuredClone(value))).toBe(true);
    expect(validators['validateEnum']?.({})).toBe(false);
    expect(validators['validateEnum']?.(JSON.parse('{"__proto__":2}'))).toBe(false);
  });

  it('const values with keys named constructor, valueOf and toString compare as data (was a TypeError or a false "must be equal")', () => {
    values.forEach((value, index) => {
      expect(validators[`validateConst${index}`]?.(structuredClone(value))).toBe(true);
      expect(validators[`validateConst${index}`]?.({ other: 1 })).toBe(false);
    });
  });

  it('deepEqual reads own constructor/valueOf/toString keys as data and still tells dates and arrays apart', () => {
    expect(deepEqual(JSON.parse('{"valueOf":1}'), JSON.parse('{"valueOf":1}'))).toBe(true);
    expect(deepEqual(JSON.parse('{"valueOf":1}'), JSON.parse('{"valueOf":2}'))).toBe(false);
    expect(deepEqual({ constructor: {} }, { constructor: {} })).toBe(true);
    expect(deepEqual({ toString: 'a' }, { toString: 'a' })).toBe(true);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(new Date(1), new Date(1))).toBe(true);
    expect(deepEqual(new Date(1), new Date(2))).toBe(false);
  });
});
