// withoutAnyType finds the schemas to copy with a walk instead of searching their JSON text for "any".
import { describe, expect, it } from 'vitest';
import { withoutAnyType } from '../../packages/cli/src/schema/any-type.js';

describe('withoutAnyType', () => {
  it('drops every type naming "any", at any depth, and keeps the rest in place', () => {
    const schema = { type: 'object', properties: { a: { type: ['string', 'any'] }, b: { items: { type: 'any', minLength: 1 } } } };
    expect(withoutAnyType(schema)).toEqual({ type: 'object', properties: { a: {}, b: { items: { minLength: 1 } } } });
  });

  it('gives the schema itself when no type names "any", however often the word is written elsewhere', () => {
    const schema = { description: 'any', enum: ['any'], properties: { any: { type: 'string', const: 'any' } }, default: { type: 'any' } };
    expect(withoutAnyType(schema)).toBe(schema);
  });
});
