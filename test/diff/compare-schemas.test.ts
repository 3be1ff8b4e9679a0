import { describe, expect, it } from 'vitest';
import { compareSchemas } from '../../packages/cli/src/diff/compare-schemas.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { object } from './plan-builder.js';

/** `pointer change classification: message` per change, so each test reads as the expected report. */
function summary(before: JsonSchema, after: JsonSchema): string[] {
  return compareSchemas(before, after).map(
    (change) => `${change.pointer} ${change.change} ${change.breaking ? 'breaking' : 'compatible'}: ${change.message}`,
  );
}

const str: JsonSchema = { type: 'string' };

describe('compareSchemas: properties', () => {
  it('a new required property is breaking, a new optional one compatible', () => {
    expect(summary(object({ a: str }), object({ a: str, b: str, c: str }, ['b']))).toEqual([
      '/properties/b added breaking: required property added',
      '/properties/c added compatible: optional property added',
    ]);
  });

  it('a property made required is breaking, made optional compatible', () => {
    expect(summary(object({ a: str, b: str }, ['b']), object({ a: str, b: str }, ['a']))).toEqual([
      '/properties/a changed breaking: became required',
      '/properties/b changed compatible: became optional',
    ]);
  });

  it('a removed property is breaking only where extra properties are forbidden', () => {
    expect(summary(object({ a: str, b: str }), object({ a: str }))).toEqual(['/properties/b removed compatible: property removed']);
    expect(summary(object({ a: str, b: str }, [], { additionalProperties: false }), object({ a: str }, [], { additionalProperties: false }))).toEqual([
      '/properties/b removed breaking: property removed while extra properties are forbidden, so payloads that still send it fail',
    ]);
  });

  it('forbidding extra properties is breaking, allowing them compatible', () => {
    expect(summary(object({ a: str }), object({ a: str }, [], { additionalProperties: false }))).toEqual([
      ' changed breaking: extra properties are now forbidden',
    ]);
    expect(summary(object({ a: str }, [], { additionalProperties: false }), object({ a: str }, [], { additionalProperties: true }))).toEqual([
      ' changed compatible: extra properties are now allowed',
    ]);
  });

  it('follows nested objects and array items to any depth', () => {
    const before = object({ products: { type: 'array', items: object({ sku: object({ code: str }) }) } });
    const after = object({ products: { type: 'array', items: object({ sku: object({ code: { type: 'integer' } }) }) } });
    expect(summary(before, after)).toEqual([
      '/properties/products/items/properties/sku/properties/code changed breaking: type changed from string to integer',
    ]);
  });

  it('escapes property names in pointers', () => {
    expect(summary(object({}), object({ 'a/b~c': str }))).toEqual(['/properties/a~1b~0c added compatible: optional property added']);
  });

  it('compares through local $refs', () => {
    const before: JsonSchema = { ...object({ item: { $ref: '#/definitions/item' } }), definitions: { item: object({ price: { type: 'number' } }) } };
    const after: JsonSchema = { ...object({ item: { $ref: '#/definitions/item' } }), definitions: { item: object({ price: { type: 'integer' } }) } };
    expect(summary(before, after)).toEqual(['/properties/item/properties/price changed breaking: type narrowed from number to integer']);
  });

  it('ends on recursive definitions', () => {
    const node = (type: JsonSchema['type']): JsonSchema => ({
      $ref: '#/definitions/node',
      definitions: { node: object({ name: { type }, children: { type: 'array', items: { $ref: '#/definitions/node' } } }) },
    });
    expect(summary(node('string'), node(['string', 'null']))).toEqual(['/properties/name changed compatible: became nullable']);
  });
});

describe('compareSchemas: types', () => {
  it('a narrowed type is breaking, a widened one compatible', () => {
    expect(summary({ type: 'number' }, { type: 'integer' })).toEqual([' changed breaking: type narrowed from number to integer']);
    expect(summary({ type: 'integer' }, { type: 'number' })).toEqual([' changed compatible: type widened from integer to number']);
    expect(summary({ type: 'string' }, { type: ['string', 'number'] })).toEqual([' changed compatible: type widened from string to string | number']);
    expect(summary({}, { type: 'string' })).toEqual([' changed breaking: type narrowed from any to string']);
    expect(summary({ type: 'boolean' }, {})).toEqual([' changed compatible: type widened from boolean to any']);
  });

  it('nullable is a type: dropping null is breaking, adding it compatible', () => {
    expect(summary({ type: ['string', 'null'] }, { type: 'string' })).toEqual([' changed breaking: no longer nullable']);
    expect(summary({ type: 'string' }, { type: ['null', 'string'] })).toEqual([' changed compatible: became nullable']);
  });

  it('the same types in another order are no change', () => {
    expect(summary({ type: ['string', 'null'] }, { type: ['null', 'string'] })).toEqual([]);
  });
});

describe('compareSchemas: values and restrictions', () => {
  it('removed enum values are breaking, added ones compatible', () => {
    expect(summary({ enum: ['fall', 'winter'] }, { enum: ['winter', 'spring'] })).toEqual([
      ' changed breaking: allowed values removed: "fall"',
      ' changed compatible: allowed values added: "spring"',
    ]);
  });

  it('adding an enum or const is breaking, removing it compatible', () => {
    expect(summary(str, { ...str, enum: ['a'] })).toEqual([' changed breaking: now restricted to "a"']);
    expect(summary({ ...str, const: 'a' }, str)).toEqual([' changed compatible: no longer restricted to "a"']);
    expect(summary({ const: 'a' }, { const: 'b' })).toEqual([' changed breaking: allowed values removed: "a"', ' changed compatible: allowed values added: "b"']);
  });

  it('an added or changed permitted-value pattern is breaking, a removed one compatible', () => {
    expect(summary(str, { ...str, pattern: '^ord_' })).toEqual([' changed breaking: permitted-value pattern "^ord_" added']);
    expect(summary({ ...str, pattern: '^ord_' }, { ...str, pattern: '^ord_|^o_' })).toEqual([
      ' changed breaking: permitted-value pattern changed from "^ord_" to "^ord_|^o_"',
    ]);
    expect(summary({ ...str, pattern: '^ord_' }, str)).toEqual([' changed compatible: permitted-value pattern "^ord_" removed']);
  });

  it('a new format is breaking', () => {
    expect(summary(str, { ...str, format: 'date-time' })).toEqual([' changed breaking: format "date-time" added']);
  });

  it('tightened bounds are breaking, relaxed bounds compatible', () => {
    expect(summary({ minimum: 0, maxLength: 10 }, { minimum: 1, maxLength: 20 })).toEqual([
      ' changed breaking: minimum tightened from 0 to 1',
      ' changed compatible: maxLength relaxed from 10 to 20',
    ]);
    expect(summary({ maxItems: 5 }, { maxItems: 3, minItems: 1 })).toEqual([
      ' changed breaking: minItems 1 added',
      ' changed breaking: maxItems tightened from 5 to 3',
    ]);
    expect(summary({ exclusiveMaximum: 10 }, {})).toEqual([' changed compatible: exclusiveMaximum 10 removed']);
  });

  it('descriptions and labels are compatible changes', () => {
    expect(summary({ ...str, description: 'old' }, { ...str, description: 'new', labels: { team: 'growth' } } as JsonSchema)).toEqual([
      ' changed compatible: description changed',
      ' changed compatible: labels added',
    ]);
  });

  it('ignores annotations that do not constrain anything', () => {
    expect(summary({ ...str, $id: 'a', examples: ['x'] }, { ...str, $id: 'b', examples: ['y'] })).toEqual([]);
  });

  it('treats a change to a keyword it does not model as breaking', () => {
    expect(summary(str, { ...str, not: { const: 'x' } })).toEqual([' changed breaking: not added']);
  });
});

describe('compareSchemas: boolean schemas and items', () => {
  it('new items constraints narrow like any other schema', () => {
    expect(summary({ type: 'array' }, { type: 'array', items: str })).toEqual(['/items changed breaking: type narrowed from any to string']);
  });

  it('false accepts nothing', () => {
    expect(summary(object({ a: true }), object({ a: false }))).toEqual(['/properties/a changed breaking: no value is allowed any more']);
    expect(summary(object({ a: false }), object({ a: str }))).toEqual(['/properties/a changed compatible: values are allowed now']);
  });
});

describe('compareSchemas: combinators', () => {
  it('compares branches of equal-length lists one by one', () => {
    expect(summary({ anyOf: [str, { type: 'number' }] }, { anyOf: [str, { type: 'integer' }] })).toEqual([
      '/anyOf/1 changed breaking: type narrowed from number to integer',
    ]);
  });

  it('added anyOf branches widen, added allOf branches narrow', () => {
    expect(summary({ anyOf: [str] }, { anyOf: [str, { type: 'null' }] })).toEqual(['/anyOf changed compatible: 1 branch added to anyOf']);
    expect(summary({ allOf: [str] }, { allOf: [str, { minLength: 1 }] })).toEqual(['/allOf changed breaking: 1 branch added to allOf']);
    expect(summary({ anyOf: [str, { type: 'null' }] }, { anyOf: [str] })).toEqual(['/anyOf changed breaking: 1 branch removed from anyOf']);
  });
});
