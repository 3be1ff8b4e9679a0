// unsatisfiable-schema: a schema no value can satisfy (an empty enum, enum
// values none of which has the declared type, a lower bound above the upper
// one) loads, as Segment lets it be saved, and lint names the event, version
// and property.
import { describe, expect, it } from 'vitest';
import { lintPlan } from '../../packages/cli/src/lint/lint-plan.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';

function findings(text: string, file: string): string[] {
  return lintPlan(loadPlanText(text, file))
    .filter((problem) => problem.rule === 'unsatisfiable-schema')
    .map(({ location, severity, detail }) => `${location.line}:${location.column} ${severity} ${detail}`);
}

const segmentRule = (properties: unknown, version = 2) =>
  JSON.stringify({ rules: [{ key: 'Order Completed', type: 'TRACK', version, jsonSchema: { type: 'object', properties } }] }, null, 2);

describe('unsatisfiable-schema', () => {
  it('warns about an empty enum, which Segment lets a plan save (the plan was refused)', () => {
    expect(findings(segmentRule({ currency: { type: 'string', enum: [] } }), 'plan.json')).toEqual([
      '12:13 warn property "currency" of event "Order Completed" v2 has an empty enum, so no value is valid (an empty permitted-values list accepts nothing). List the permitted values, or remove "enum" to accept any value',
    ]);
  });

  it('warns about type string with only numeric enum values', () => {
    expect(findings(segmentRule({ size: { type: 'string', enum: [1, 2, 3, 4] } }), 'plan.json')).toEqual([
      '12:13 warn property "size" of event "Order Completed" v2 is type string but none of its enum values is (1, 2, 3, ...), so no value is valid. Make the type and the values agree',
    ]);
    expect(findings(segmentRule({ size: { type: ['string', 'null'], enum: [1, null] } }), 'plan.json')).toEqual([]);
    expect(findings(segmentRule({ size: { type: 'integer', enum: [1.5] } }), 'plan.json')).toHaveLength(1);
  });

  it('warns about a lower bound above the upper bound, for numbers, lengths and item counts, at any depth', () => {
    const yaml = `name: Shop
events:
  Order Completed:
    properties:
      total: { type: number, minimum: 10, maximum: 1 }
      code: { type: string, minLength: 8, maxLength: 4 }
      products:
        type: array
        minItems: 3
        maxItems: 2
        items:
          properties:
            quantity: { type: integer, minimum: 5, maximum: 5 }
            sku: { type: string, enum: [] }
`;
    expect(findings(yaml, 'plan.yaml')).toEqual([
      '5:30 warn property "total" of event "Order Completed" v1 has minimum 10 greater than maximum 1, so no value is valid. Swap or correct the bounds',
      '6:29 warn property "code" of event "Order Completed" v1 has minLength 8 greater than maxLength 4, so no value is valid. Swap or correct the bounds',
      '9:9 warn property "products" of event "Order Completed" v1 has minItems 3 greater than maxItems 2, so no value is valid. Swap or correct the bounds',
      '14:34 warn property "products.sku" of event "Order Completed" v1 has an empty enum, so no value is valid (an empty permitted-values list accepts nothing). List the permitted values, or remove "enum" to accept any value',
    ]);
  });

  it('says nothing about schemas that some value satisfies', () => {
    const yaml = `name: Shop
events:
  Order Completed:
    properties:
      total: { type: number, minimum: 1, maximum: 1 }
      currency: { type: string, enum: [EUR, 1] }
      any: { enum: [1, a] }
`;
    expect(findings(yaml, 'plan.yaml')).toEqual([]);
  });
});
