import { describe, expect, it } from 'vitest';
import { toValidationErrors, type CompiledValidatorError } from '@plangen/core/internal';
import { ajvErrors } from './ajv.js';

const BASE = '/properties';

// One row per keyword: schema, invalid data, and the errors plangen reports.
const table: [string, unknown, unknown, { pointer: string; message: string; keyword: string }[]][] = [
  ['required', { type: 'object', required: ['order_id'] }, {}, [{ pointer: '/properties/order_id', message: 'is required', keyword: 'required' }]],
  ['type', { type: 'object', properties: { total: { type: 'number' } } }, { total: '3' }, [{ pointer: '/properties/total', message: 'must be number', keyword: 'type' }]],
  ['type integer', { type: 'integer' }, 1.5, [{ pointer: '/properties', message: 'must be integer', keyword: 'type' }]],
  ['several types', { type: ['string', 'null'] }, 3, [{ pointer: '/properties', message: 'must be string or null', keyword: 'type' }]],
  ['enum', { enum: ['fall', 'winter'] }, 'summer', [{ pointer: '/properties', message: 'must be one of "fall", "winter"', keyword: 'enum' }]],
  ['enum of one value', { enum: [3] }, 4, [{ pointer: '/properties', message: 'must be 3', keyword: 'enum' }]],
  ['enum with null', { enum: ['a', null] }, 'b', [{ pointer: '/properties', message: 'must be one of "a", null', keyword: 'enum' }]],
  ['const', { const: 'EUR' }, 'USD', [{ pointer: '/properties', message: 'must be "EUR"', keyword: 'const' }]],
  ['pattern', { pattern: '^ord_' }, 'x', [{ pointer: '/properties', message: 'must match pattern "^ord_"', keyword: 'pattern' }]],
  ['pattern with a backslash', { pattern: '^\\d+$' }, 'x', [{ pointer: '/properties', message: 'must match pattern "^\\d+$"', keyword: 'pattern' }]],
  ['format', { format: 'date-time' }, 'yesterday', [{ pointer: '/properties', message: 'must match format "date-time"', keyword: 'format' }]],
  ['minimum', { minimum: 0 }, -1, [{ pointer: '/properties', message: 'must be >= 0', keyword: 'minimum' }]],
  ['maximum', { maximum: 10 }, 11, [{ pointer: '/properties', message: 'must be <= 10', keyword: 'maximum' }]],
  ['exclusiveMinimum', { exclusiveMinimum: 0 }, 0, [{ pointer: '/properties', message: 'must be > 0', keyword: 'exclusiveMinimum' }]],
  ['exclusiveMaximum', { exclusiveMaximum: 1 }, 1, [{ pointer: '/properties', message: 'must be < 1', keyword: 'exclusiveMaximum' }]],
  ['formatMinimum', { format: 'date', formatMinimum: '2020-01-01' }, '2019-12-31', [{ pointer: '/properties', message: 'must be >= "2020-01-01"', keyword: 'formatMinimum' }]],
  ['multipleOf', { multipleOf: 0.5 }, 0.7, [{ pointer: '/properties', message: 'must be a multiple of 0.5', keyword: 'multipleOf' }]],
  ['minLength', { minLength: 3 }, 'ab', [{ pointer: '/properties', message: 'must have at least 3 characters', keyword: 'minLength' }]],
  ['maxLength of one', { maxLength: 1 }, 'ab', [{ pointer: '/properties', message: 'must have at most 1 character', keyword: 'maxLength' }]],
  ['minItems', { minItems: 1 }, [], [{ pointer: '/properties', message: 'must have at least 1 item', keyword: 'minItems' }]],
  ['maxItems', { maxItems: 2 }, [1, 2, 3], [{ pointer: '/properties', message: 'must have at most 2 items', keyword: 'maxItems' }]],
  ['additionalItems', { items: [{ type: 'string' }], additionalItems: false }, ['a', 1], [{ pointer: '/properties', message: 'must have at most 1 item', keyword: 'additionalItems' }]],
  ['minProperties', { minProperties: 2 }, { a: 1 }, [{ pointer: '/properties', message: 'must have at least 2 properties', keyword: 'minProperties' }]],
  ['maxProperties', { maxProperties: 1 }, { a: 1, b: 2 }, [{ pointer: '/properties', message: 'must have at most 1 property', keyword: 'maxProperties' }]],
  ['uniqueItems', { uniqueItems: true }, ['a', 'b', 'a'], [{ pointer: '/properties', message: 'must not contain duplicates (items 0 and 2 are identical)', keyword: 'uniqueItems' }]],
  ['additionalProperties', { type: 'object', properties: { a: {} }, additionalProperties: false }, { a: 1, extra: 2 }, [{ pointer: '/properties/extra', message: 'is not allowed by the plan', keyword: 'additionalProperties' }]],
  ['propertyNames', { propertyNames: { pattern: '^[a-z]+$', maxLength: 3 } }, { ok: 1, Abcd: 2 }, [{ pointer: '/properties/Abcd', message: 'is not an allowed property name: must have at most 3 characters, must match pattern "^[a-z]+$"', keyword: 'propertyNames' }]],
  ['dependencies', { dependencies: { coupon: ['discount'] } }, { coupon: 'X' }, [{ pointer: '/properties/discount', message: 'is required when "coupon" is present', keyword: 'dependencies' }]],
  ['oneOf matching none', { oneOf: [{ type: 'string' }, { type: 'boolean' }] }, 1, [{ pointer: '/properties', message: 'must be string or boolean', keyword: 'oneOf' }]],
  ['oneOf matching two', { oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1, [{ pointer: '/properties', message: 'must match exactly one of the allowed schemas, but matches schemas 0 and 1', keyword: 'oneOf' }]],
  ['anyOf of types', { anyOf: [{ type: 'string' }, { type: 'null' }] }, 1, [{ pointer: '/properties', message: 'must be string or null', keyword: 'anyOf' }]],
  ['anyOf of objects', { anyOf: [{ required: ['a'] }, { required: ['b'] }] }, {}, [{ pointer: '/properties', message: 'must match at least one of the allowed schemas', keyword: 'anyOf' }]],
  ['not', { not: { type: 'string' } }, 'x', [{ pointer: '/properties', message: 'must not match the schema the plan forbids', keyword: 'not' }]],
  ['contains', { contains: { type: 'string' } }, [1, 2], [{ pointer: '/properties', message: 'must contain at least 1 matching item', keyword: 'contains' }]],
  [
    'if/then',
    { if: { properties: { country: { const: 'US' } }, required: ['country'] }, then: { required: ['zip'] } },
    { country: 'US' },
    [
      { pointer: '/properties', message: 'must match the "then" schema', keyword: 'if' },
      { pointer: '/properties/zip', message: 'is required', keyword: 'required' },
    ],
  ],
  ['false schema', { properties: { legacy: false } }, { legacy: 1 }, [{ pointer: '/properties/legacy', message: 'is not allowed by the plan', keyword: 'false schema' }]],
];

describe('toValidationErrors', () => {
  it.each(table)('%s', (_name, schema, data, expected) => {
    expect(toValidationErrors(ajvErrors(schema, data), BASE)).toEqual(expected);
  });

  it('folds each array item\'s alternatives into that item\'s anyOf, also through $ref', () => {
    const schema = {
      type: 'array',
      items: { anyOf: [{ type: 'string' }, { $ref: '#/definitions/nothing' }] },
      definitions: { nothing: { type: 'null' } },
    };
    expect(toValidationErrors(ajvErrors(schema, [1, 'a', true]), BASE)).toEqual([
      { pointer: '/properties/0', message: 'must be string or null', keyword: 'anyOf' },
      { pointer: '/properties/2', message: 'must be string or null', keyword: 'anyOf' },
    ]);
  });

  it('folds nested alternatives into the outermost one', () => {
    const schema = { anyOf: [{ anyOf: [{ type: 'string' }, { type: 'null' }] }, { type: 'object', required: ['id'] }] };
    expect(toValidationErrors(ajvErrors(schema, 3), BASE)).toEqual([
      { pointer: '/properties', message: 'must match at least one of the allowed schemas', keyword: 'anyOf' },
    ]);
  });

  it('reports each of thousands of failing items at its own index', () => {
    const schema = { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } };
    const errors = toValidationErrors(ajvErrors(schema, Array.from({ length: 20_000 }, (_, i) => i)), BASE);
    expect(errors).toHaveLength(20_000);
    expect(errors[19_999]).toEqual({ pointer: '/properties/19999', message: 'must be string or null', keyword: 'anyOf' });
  });

  it('has nothing to say about no errors', () => {
    expect(toValidationErrors(null, BASE)).toEqual([]);
    expect(toValidationErrors(undefined, BASE)).toEqual([]);
    expect(toValidationErrors([], BASE)).toEqual([]);
  });

  it('escapes ~ and / in property names (RFC 6901)', () => {
    const schema = { type: 'object', required: ['a/b'], properties: { 'x~y': { type: 'string' } }, additionalProperties: false };
    expect(toValidationErrors(ajvErrors(schema, { 'x~y': 1, 'c/~d': 2 }), BASE)).toEqual([
      { pointer: '/properties/a~1b', message: 'is required', keyword: 'required' },
      { pointer: '/properties/c~1~0d', message: 'is not allowed by the plan', keyword: 'additionalProperties' },
      { pointer: '/properties/x~0y', message: 'must be string', keyword: 'type' },
    ]);
  });

  it('locates errors in nested objects and arrays', () => {
    const schema = {
      type: 'object',
      properties: {
        products: { type: 'array', items: { type: 'object', properties: { price: { type: 'number' } }, required: ['sku'] } },
      },
    };
    const data = { products: Array.from({ length: 11 }, (_, i) => (i === 2 || i === 10 ? { sku: 's', price: 'free' } : { sku: 's', price: 1 })) };
    expect(toValidationErrors(ajvErrors(schema, data), BASE).map((error) => error.pointer)).toEqual([
      '/properties/products/2/price',
      '/properties/products/10/price',
    ]);
  });

  it('gives the same list whatever the key order of the payload', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, additionalProperties: false };
    const one = toValidationErrors(ajvErrors(schema, { a: 1, b: 2, x: 3, y: 4 }), BASE);
    const other = toValidationErrors(ajvErrors(schema, { y: 4, b: 2, x: 3, a: 1 }), BASE);
    expect(other).toEqual(one);
    expect(one.map((error) => error.pointer)).toEqual(['/properties/a', '/properties/b', '/properties/x', '/properties/y']);
  });

  it('uses the empty base for whole payloads', () => {
    const schema = { type: 'object', required: ['userId'] };
    expect(toValidationErrors(ajvErrors(schema, {}), '')).toEqual([{ pointer: '/userId', message: 'is required', keyword: 'required' }]);
  });

  it('drops exact duplicates', () => {
    const error: CompiledValidatorError = { instancePath: '/a', schemaPath: '#/x', keyword: 'type', params: { type: 'string' } };
    expect(toValidationErrors([error, { ...error }], '')).toEqual([{ pointer: '/a', message: 'must be string', keyword: 'type' }]);
  });

  it('names a keyword it does not know, or uses the message a validator gave', () => {
    expect(toValidationErrors([{ instancePath: '/a', keyword: 'x-even', params: {} }], BASE)).toEqual([
      { pointer: '/properties/a', message: 'does not satisfy the "x-even" rule of the plan', keyword: 'x-even' },
    ]);
    expect(toValidationErrors([{ instancePath: '', keyword: 'errorMessage', params: {}, message: 'must be even' }], BASE)).toEqual([
      { pointer: '/properties', message: 'must be even', keyword: 'errorMessage' },
    ]);
  });

  it('never throws on malformed error lists', () => {
    const bare = Object.create(null) as object;
    const junk = [null, 3, 'x', { keyword: bare, params: null }, { instancePath: 7, keyword: 'required', params: { missingProperty: bare } }];
    expect(toValidationErrors(junk as unknown as CompiledValidatorError[], BASE)).toEqual([
      { pointer: '/properties', message: 'does not satisfy the "(a value that cannot be printed)" rule of the plan', keyword: '(a value that cannot be printed)' },
      { pointer: '/properties', message: 'is required', keyword: 'required' },
    ]);
    expect(toValidationErrors('not a list' as unknown as CompiledValidatorError[], BASE)).toEqual([]);
  });

  it('copes with errors that lack params', () => {
    const broken = [{ instancePath: '', keyword: 'required' }] as unknown as CompiledValidatorError[];
    expect(toValidationErrors(broken, BASE)).toEqual([{ pointer: '/properties', message: 'is required', keyword: 'required' }]);
  });
});
