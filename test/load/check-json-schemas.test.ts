// The loader's check of a plan's JSON Schemas against draft-07's meta-schema: what it says about
// a wrong type name, and enum or type lists holding objects whose keys are `valueOf` or `toString`,
// which ajv's own uniqueness check (fast-deep-equal) called as methods.
import { describe, expect, it } from 'vitest';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { canonicalJson } from '../../packages/cli/src/schema/canonical-json.js';
import { metaValidationView } from '../../packages/cli/src/schema/meta-validation-view.js';
import { createPayloadChecker } from '../../packages/cli/src/validate/check-payload.js';

/** A native plan whose one event has the property `coupon` with this schema, on one line of JSON. */
function planWith(coupon: unknown): string {
  return JSON.stringify({ name: 'Shop', events: { 'Coupon Applied': { schema: { type: 'object', properties: { coupon } } } } });
}

function loadError(text: string): string {
  try {
    loadPlanText(text, 'plan.json');
  } catch (error) {
    return (error as Error).message;
  }
  return 'loaded';
}

/** Whether a track call of "Coupon Applied" with `coupon` (parsed from JSON, as recorded data is) passes the plan's validators. */
function verdicts(text: string, coupons: readonly string[]): boolean[] {
  const { model } = loadPlanText(text, 'plan.json');
  const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
  return coupons.map((coupon) => {
    const verdict = check(JSON.parse(`{"type":"track","event":"Coupon Applied","properties":{"coupon":${coupon}}}`));
    expect(verdict.kind).toBe('checked');
    return verdict.kind === 'checked' && verdict.errors.length === 0;
  });
}

describe('check-json-schemas: a wrong type name', () => {
  it('the fix for an unknown type name lists any, which every format accepts (it listed draft-07 names only)', () => {
    expect(loadError(planWith({ type: 'strng' }))).toBe(
      'plan.json:1:101: invalid JSON Schema in "schema" of event "Coupon Applied": unknown type "strng" at /properties/coupon/type. Use one of: any, array, boolean, integer, null, number, object, string.',
    );
    expect(loadError(planWith({ type: 'any' }))).toBe('loaded');
    expect(loadError(planWith({ type: ['any', 'string'] }))).toBe('loaded');
  });
});

describe('check-json-schemas: enum values with valueOf or toString keys (ajv\'s deep-equal called them)', () => {
  it('an enum of objects with valueOf or toString keys loads, where ajv threw and the loader blamed "$schema"', () => {
    expect(loadError(planWith({ enum: [{ valueOf: 1 }, { valueOf: 2 }] }))).toBe('loaded');
    expect(loadError(planWith({ enum: [{ toString: 'a' }, { toString: 'b' }, { a: { valueOf: 1 } }, { a: { valueOf: 2 } }] }))).toBe('loaded');
  });

  it('such an enum validates by JSON equality: an equal object passes, any other value fails', () => {
    const plan = planWith({ enum: [{ valueOf: 1 }, { toString: 'a', valueOf: 2 }] });
    expect(verdicts(plan, ['{"valueOf":1}', '{"valueOf":2,"toString":"a"}', '{"valueOf":3}', '{"toString":"a"}', '{}', '1', '"a"'])).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('an enum holding an object with a valueOf key twice is refused at the enum, located, as any duplicate is', () => {
    const duplicate = loadError(planWith({ enum: [{ valueOf: 1 }, { valueOf: 1 }] }));
    expect(duplicate).toBe(
      'plan.json:1:101: invalid JSON Schema in "schema" of event "Coupon Applied": /properties/coupon/enum must NOT have duplicate items (items ## 0 and 1 are identical). See https://json-schema.org/draft-07/json-schema-validation.html.',
    );
    // Key order does not make two objects different, and different objects are not duplicates.
    expect(loadError(planWith({ enum: [{ valueOf: 1, a: 2 }, { a: 2, valueOf: 1 }] }))).toMatch(/enum must NOT have duplicate items/);
    expect(loadError(planWith(JSON.parse('{"enum":[{"valueOf":1},{"valueOf":"1"},{"__proto__":1},{}]}')))).toBe('loaded');
  });

  it('a type list holding an object with a valueOf key is an unknown type at its place, not an unsupported "$schema"', () => {
    expect(loadError(planWith({ type: [{ valueOf: 1 }, { valueOf: 2 }] }))).toBe(
      'plan.json:1:102: invalid JSON Schema in "schema" of event "Coupon Applied": unknown type {"valueOf":1} at /properties/coupon/type/0. Use one of: any, array, boolean, integer, null, number, object, string.',
    );
  });
});

describe('metaValidationView and canonicalJson', () => {
  it('leaves a schema without objects in an enum or type list as the same object', () => {
    const schema = { type: ['string', 'null'], enum: ['a', 1], properties: { b: { enum: [null] } } };
    expect(metaValidationView(schema)).toBe(schema);
  });

  it('gives equal values one stand-in and keeps a __proto__ key a key', () => {
    const schema = JSON.parse('{"properties":{"c":{"enum":[{"valueOf":1},{"__proto__":1},{},{"valueOf":1}],"type":["string",{"a":1},{"a":1}]}}}');
    expect(metaValidationView(schema)).toEqual({ properties: { c: { enum: [0, 1, 2, 0], type: ['string', [1], [1]] } } });
  });

  it('canonicalJson keeps a key named __proto__ (assigned, it vanished and {"__proto__":1} read as {})', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
    expect(canonicalJson(JSON.parse('{"__proto__":1}'))).not.toBe(canonicalJson({}));
  });
});
