// A schema's properties as the catalog's rows, and the usage example built from it.
import { describe, expect, it } from 'vitest';
import { propertyRows } from '../../packages/cli/src/catalog/property-rows.js';
import { usageSnippet } from '../../packages/cli/src/catalog/usage-snippet.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

const brief = (schema: JsonSchema) => propertyRows(schema).map((row) => [row.path, row.depth, row.type, row.required, row.nullable, row.constraints.join('; ')]);

describe('propertyRows', () => {
  it('lists nested objects and arrays of objects below their parent, with types and limits', () => {
    expect(
      brief({
        type: 'object',
        required: ['id', 'items'],
        properties: {
          id: { type: 'string', pattern: '^ord_', minLength: 1 },
          coupon: { type: ['string', 'null'], enum: ['A', 'B', null] },
          items: { type: 'array', maxItems: 5, items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } } } },
          tags: { type: 'array', items: { type: 'string', enum: ['x', 'y'] } },
          at: { type: 'string', format: 'date-time' },
        },
      }),
    ).toEqual([
      ['id', 0, 'string', true, false, 'pattern ^ord_; at least 1 character'],
      ['coupon', 0, 'string', false, true, 'one of "A", "B"'],
      ['items', 0, 'array of object', true, false, 'at most 5 items'],
      ['items[].sku', 1, 'string', true, false, ''],
      ['items[].qty', 1, 'integer', false, false, '≥ 1'],
      ['tags', 0, 'array of string', false, false, 'each one of "x", "y"'],
      ['at', 0, 'date-time', false, false, ''],
    ]);
  });

  it('follows $refs, and shows a recursive definition once', () => {
    const schema: JsonSchema = {
      type: 'object',
      definitions: { category: { type: 'object', properties: { name: { type: 'string' }, parent: { $ref: '#/definitions/category' } } } },
      properties: { category: { $ref: '#/definitions/category' } },
    };
    expect(brief(schema)).toEqual([
      ['category', 0, 'object', false, false, ''],
      ['category.name', 1, 'string', false, false, ''],
      ['category.parent', 1, 'object', false, false, ''],
    ]);
  });

  it('shows the alternatives of oneOf as rows of their own, neither required nor optional', () => {
    const rows = brief({
      type: 'object',
      properties: { discount: { oneOf: [{ type: 'object', required: ['percent'], properties: { percent: { type: 'number', maximum: 100 } } }, { type: 'number' }] } },
    });
    expect(rows).toEqual([
      ['discount', 0, 'one of 2 shapes', false, false, ''],
      ['discount (option 1)', 1, 'object', undefined, false, ''],
      ['discount (option 1).percent', 2, 'number', true, false, '≤ 100'],
      ['discount (option 2)', 1, 'number', undefined, false, ''],
    ]);
  });
});

describe('usageSnippet', () => {
  const schema: JsonSchema = {
    type: 'object',
    required: ['order id', 'kind', 'total', 'when', 'lines'],
    properties: {
      'order id': { type: 'string' },
      kind: { type: 'string', enum: ['</script>\u2028'] },
      total: { type: 'number', exclusiveMinimum: 0 },
      when: { type: 'string', format: 'date-time' },
      lines: { type: 'array', items: { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 3 } } } },
      note: { type: 'string' },
    },
  };

  it('fills every required property with a value of its type, quoting keys and strings safely', () => {
    expect(usageSnippet('trackX', 'trackX(properties: XProperties)', schema, './analytics/index.js')).toBe(
      [
        'import { trackX } from "./analytics/index.js";',
        '',
        'trackX({',
        '  "order id": "example",',
        '  kind: "</script>\\u2028",',
        '  total: 1,',
        '  when: "2026-01-31T12:00:00.000Z",',
        '  lines: [{',
        '    n: 3,',
        '  }],',
        '});',
        '',
      ].join('\n'),
    );
  });

  it('wraps the properties in the message when the SDK takes one (analytics-node)', () => {
    const snippet = usageSnippet('trackX', 'trackX(message: NodeTrackMessage<XProperties>, callback?: Callback)', { type: 'object', required: ['a'], properties: { a: { type: 'boolean' } } }, './a.js');
    expect(snippet).toBe('import { trackX } from "./a.js";\n\ntrackX({\n  userId: "user_123",\n  properties: {\n    a: true,\n  },\n});\n');
  });
});
