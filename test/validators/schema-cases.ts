// Schemas and payloads on which precompiled validators must agree with ajv
// compiling the same schema in memory: one case per JSON Schema feature plans use.
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

export interface SchemaCase {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly payloads: readonly unknown[];
}

/** A subschema with keywords JSONSchema7 does not type (ajv-formats' formatMinimum, Segment's id). */
const withExtraKeywords = (schema: object): JsonSchema => schema as JsonSchema;

/** Tried against every schema, on top of each case's own payloads. */
export const SHARED_PAYLOADS: readonly unknown[] = [
  {},
  null,
  'text',
  12,
  1.5,
  true,
  [],
  [1, 'a'],
  { a: 1 },
  { unknown: 'extra' },
  { s: 'x', n: 1, i: 2, b: false, a: [], o: {}, z: null },
];

export const SCHEMA_CASES: readonly SchemaCase[] = [
  {
    name: 'validateTypes',
    schema: {
      type: 'object',
      properties: {
        s: { type: 'string' },
        n: { type: 'number' },
        i: { type: 'integer' },
        b: { type: 'boolean' },
        a: { type: 'array' },
        o: { type: 'object' },
        z: { type: 'null' },
      },
    },
    payloads: [{ s: 1, n: '1', i: 1.5, b: 'true', a: {}, o: [], z: 0 }, { i: 3.0 }, { n: Number.NaN }, { i: Number.POSITIVE_INFINITY }],
  },
  {
    name: 'validateNullable',
    schema: {
      type: 'object',
      required: ['x'],
      properties: { x: { type: ['string', 'null'] }, y: { type: ['integer', 'boolean'] }, z: { anyOf: [{ type: 'null' }, { type: 'number', minimum: 0 }] } },
    },
    payloads: [{ x: null }, { x: 'a', y: true }, { x: 1 }, { x: 'a', y: 'no' }, { x: null, z: null }, { x: null, z: -1 }, { y: 1 }],
  },
  {
    name: 'validateEnums',
    schema: {
      type: 'object',
      properties: {
        season: { type: 'string', enum: ['fall', 'winter', 'spring'] },
        mixed: { enum: [1, null, 'x', { a: [1, 2] }, [1, 2]] },
        nullable: { type: ['string', 'null'], enum: ['on', 'off', null] },
      },
    },
    payloads: [
      { season: 'fall' },
      { season: 'Fall' },
      { season: 'summer' },
      { mixed: { a: [1, 2] } },
      { mixed: { a: [2, 1] } },
      { mixed: [1, 2] },
      { mixed: '1' },
      { nullable: null },
      { nullable: 'maybe' },
    ],
  },
  {
    name: 'validatePatterns',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^ord_[0-9]+$' },
        alternation: { type: 'string', pattern: '^(fall|winter|spring)$' },
        unicode: { type: 'string', pattern: '^\\p{Lu}\\p{Ll}+$' },
        slash: { type: 'string', pattern: 'a/b' },
        unanchored: { type: 'string', pattern: 'x' },
        emoji: { type: 'string', pattern: '^.$' },
        lineBreaks: { type: 'string', pattern: '^(a\u2028b|c\nd|e\\/f)$' },
      },
    },
    payloads: [
      { id: 'ord_12' },
      { id: 'ord_' },
      { id: 'ORD_1' },
      { alternation: 'winter' },
      { alternation: 'winters' },
      { unicode: 'Élan' },
      { unicode: 'élan' },
      { slash: 'xa/by' },
      { slash: 'ab' },
      { unanchored: 'fox' },
      { emoji: '😀' },
      { emoji: 'ab' },
      { lineBreaks: 'a\u2028b' },
      { lineBreaks: 'c\nd' },
      { lineBreaks: 'e/f' },
      { lineBreaks: 'ab' },
      { id: 12 },
    ],
  },
  {
    // Patterns that a naive `/${pattern}/u` literal would break: slashes, comment openers, line terminators, the empty pattern.
    name: 'validateTrickyPatterns',
    schema: {
      type: 'object',
      properties: Object.fromEntries(
        ['', '[/]', '\\/', '[\\]/]+', '^/*', 'a*/', '//', '\r|\u2029', '(?<year>\\d{4})-\\k<year>', '\\p{Script=Greek}', '[^/]+$', '\\u{1F600}', '\\$\\{x\\}`'].map(
          (pattern, index) => [`p${index}`, { type: 'string', pattern }],
        ),
      ),
    },
    payloads: ['', '/', 'a/b', ']/', 'x', '\r', '\u2029', '2024-2024', '2024-2025', 'αβ', 'a', '😀', '${x}`', '*/'].map((value) =>
      Object.fromEntries(Array.from({ length: 13 }, (_, index) => [`p${index}`, value])),
    ),
  },
  {
    name: 'validateFormats',
    schema: {
      type: 'object',
      properties: {
        dateTime: { type: 'string', format: 'date-time' },
        date: { type: 'string', format: 'date' },
        time: { type: 'string', format: 'time' },
        email: { type: 'string', format: 'email' },
        uri: { type: 'string', format: 'uri' },
        uriReference: { type: 'string', format: 'uri-reference' },
        uuid: { type: 'string', format: 'uuid' },
        ipv4: { type: 'string', format: 'ipv4' },
        ipv6: { type: 'string', format: 'ipv6' },
        hostname: { type: 'string', format: 'hostname' },
        regex: { type: 'string', format: 'regex' },
        byte: { type: 'string', format: 'byte' },
        duration: { type: 'string', format: 'duration' },
        int32: { type: 'number', format: 'int32' },
        anyDate: { format: 'date' },
      },
    },
    payloads: [
      { dateTime: '2024-02-29T12:30:00Z', date: '2024-02-29', time: '23:59:59+02:00' },
      { dateTime: '2023-02-29T12:30:00Z' },
      { dateTime: '2024-01-01 12:30:00.123+01:00' },
      { dateTime: '2024-01-01T12:30:00' },
      { dateTime: '2016-12-31T23:59:60Z' },
      { date: '2024-13-01' },
      { time: '25:00:00Z' },
      { time: '12:00:00' },
      { email: 'ada@example.com', uri: 'https://example.com/a?b#c', uriReference: '../a', uuid: '123e4567-e89b-12d3-a456-426614174000' },
      { email: 'not an email' },
      { uri: 'example.com' },
      { uri: 'urn:isbn:0451450523' },
      { uriReference: 'http://[bad' },
      { uuid: '123e4567e89b12d3a456426614174000' },
      { ipv4: '192.168.0.1', ipv6: '::1', hostname: 'api.example.com', regex: '^a+$', byte: 'aGVsbG8=', duration: 'P1DT2H' },
      { ipv4: '256.1.1.1', ipv6: '1::2::3', hostname: '-bad-', regex: '(', byte: 'a', duration: 'P' },
      { int32: 2 ** 31 }, { int32: 7 }, { int32: 1.5 },
      { anyDate: 5 }, { anyDate: 'nope' },
    ],
  },
  {
    name: 'validateNested',
    schema: {
      type: 'object',
      required: ['order'],
      properties: {
        order: {
          type: 'object',
          required: ['id', 'items'],
          properties: {
            id: { type: 'string' },
            items: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['sku'],
                additionalProperties: false,
                properties: { sku: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } },
              },
            },
          },
        },
      },
    },
    payloads: [
      { order: { id: 'o1', items: [{ sku: 'a', quantity: 2 }] } },
      { order: { id: 'o1', items: [] } },
      { order: { id: 'o1', items: [{ quantity: 0, color: 'red' }, 'x'] } },
      { order: { items: [{ sku: 'a' }] } },
      { order: 'o1' },
    ],
  },
  {
    name: 'validateAdditionalProperties',
    schema: {
      type: 'object',
      properties: { a: { type: 'string' } },
      patternProperties: { '^x-': { type: 'boolean' } },
      additionalProperties: { type: 'number' },
    },
    payloads: [{ a: 'x', 'x-flag': true, other: 1 }, { 'x-flag': 'yes' }, { other: 'no' }, { a: 1 }],
  },
  {
    name: 'validateClosed',
    schema: { type: 'object', properties: { a: {} }, additionalProperties: false, minProperties: 1, maxProperties: 1 },
    payloads: [{ a: null }, { a: 1, b: 2 }, { b: 2 }],
  },
  {
    name: 'validateRefs',
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: {
        node: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/node' } } },
        },
        money: { type: 'number', minimum: 0 },
      },
      type: 'object',
      properties: { tree: { $ref: '#/definitions/node' }, total: { $ref: '#/definitions/money' }, tax: { $ref: '#/definitions/money' } },
    },
    payloads: [
      { tree: { name: 'root', children: [{ name: 'a', children: [{ name: 'b' }] }] }, total: 1, tax: 0 },
      { tree: { name: 'root', children: [{ children: [] }] } },
      { total: -1, tax: 'x' },
    ],
  },
  {
    name: 'validateCombinators',
    schema: {
      type: 'object',
      properties: {
        one: { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'number', maximum: 10 }] },
        any: { anyOf: [{ type: 'string', maxLength: 2 }, { type: 'boolean' }] },
        all: { allOf: [{ type: 'integer' }, { multipleOf: 3 }] },
        not: { not: { type: 'string' } },
        conditional: { if: { type: 'string' }, then: { minLength: 3 }, else: { type: 'number' } },
      },
    },
    payloads: [
      { one: 'a', any: 'ab', all: 9, not: 1, conditional: 'abc' },
      { one: 5 },
      { one: 5.5 },
      { one: 20.5 },
      { any: 'abc' },
      { all: 10 },
      { not: 'x' },
      { conditional: 'ab' },
      { conditional: true },
    ],
  },
  {
    name: 'validateConst',
    schema: { type: 'object', properties: { version: { const: 2 }, shape: { const: { a: [1, { b: null }] } }, label: { const: 'x' } } },
    payloads: [{ version: 2, shape: { a: [1, { b: null }] }, label: 'x' }, { version: '2' }, { shape: { a: [1, { b: 0 }] } }, { label: 'y' }],
  },
  {
    name: 'validateLimits',
    schema: {
      type: 'object',
      properties: {
        count: { type: 'integer', minimum: 1, maximum: 10 },
        ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25 },
        code: { type: 'string', minLength: 2, maxLength: 3 },
        tags: { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true, items: { type: 'string' } },
        list: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false },
        bag: { type: 'array', contains: { const: 'key' } },
      },
    },
    payloads: [
      { count: 1, ratio: 0.5, code: 'ab', tags: ['a'], list: ['a', 1], bag: ['key'] },
      { count: 0, ratio: 1, code: 'a', tags: [], list: [1, 'a'], bag: [] },
      { count: 11, ratio: 0.3, code: 'abcd', tags: ['a', 'a'], list: ['a', 1, true] },
      // Astral characters: longer in UTF-16 units than in code points, so the lengths must be counted.
      { code: '😀😀' },
      { code: '😀' },
      { code: 'a😀' },
      { code: '😀😀😀😀' },
      { tags: ['a', 'b', 'c'] },
    ],
  },
  {
    name: 'validateObjectRules',
    schema: {
      type: 'object',
      propertyNames: { pattern: '^[a-z_]+$' },
      dependencies: { credit_card: ['billing_address'], coupon: { required: ['discount'] } },
    },
    payloads: [{ credit_card: 1, billing_address: 'x' }, { credit_card: 1 }, { coupon: 'x' }, { Bad: 1 }],
  },
  {
    name: 'validateFormatLimits',
    schema: { type: 'object', properties: { since: withExtraKeywords({ type: 'string', format: 'date', formatMinimum: '2020-01-01' }), at: withExtraKeywords({ type: 'string', format: 'date-time', formatExclusiveMaximum: '2030-01-01T00:00:00Z' }) } },
    payloads: [{ since: '2021-05-05', at: '2029-01-01T00:00:00Z' }, { since: '2019-12-31' }, { at: '2030-01-01T00:00:00Z' }, { since: 'soon' }],
  },
  {
    name: 'validateSegmentPayload',
    schema: withExtraKeywords({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      labels: { team: 'growth' },
      description: 'A description with */ and ${injection} and `ticks` \u2028',
      properties: {
        context: { type: 'object', properties: { protocols: { type: 'object', properties: { event_version: { type: 'integer' } } } } },
        properties: {
          type: 'object',
          required: ['order_id'],
          properties: {
            order_id: withExtraKeywords({ type: 'string', description: 'Order ID', id: '/properties/order_id' }),
            total: { type: 'number', examples: [1.5], default: 0 },
            pattern: { type: 'string' },
            description: { type: 'string', enum: ['keep me'] },
          },
        },
        traits: { type: 'object' },
      },
      required: ['properties'],
    }),
    payloads: [
      { properties: { order_id: 'o1', total: 3, pattern: '(', description: 'keep me' } },
      { properties: { total: 'x', description: 'Order ID' } },
      { properties: { order_id: 'o1' }, context: { protocols: { event_version: '2' } } },
      { context: {} },
    ],
  },
  {
    name: 'validateWithId',
    schema: {
      $id: 'https://plangen.dev/schemas/with-id.json*/globalThis.plangenInjected=1;/*',
      type: 'object',
      definitions: {
        positive: { type: 'number', exclusiveMinimum: 0 },
        // Recursive, so ajv compiles it into a function of its own (with a sourceURL comment).
        label: {
          $id: 'https://plangen.dev/schemas/label.json*/globalThis.plangenInjected=2;/*',
          type: 'object',
          properties: { text: { type: 'string', minLength: 2 }, child: { $ref: '#' } },
        },
      },
      properties: { amount: { $ref: '#/definitions/positive' }, label: { $ref: 'https://plangen.dev/schemas/label.json*/globalThis.plangenInjected=2;/*' } },
    },
    payloads: [{ amount: 1 }, { amount: 0 }, { label: { text: 'ok', child: { text: 'fine' } } }, { label: { child: { text: 'k' } } }],
  },
  {
    // JSON.parse makes `__proto__` an own key, as a plan loaded from disk would have it.
    name: 'validateProtoProperty',
    schema: JSON.parse(
      '{"type":"object","required":["__proto__"],"properties":{"__proto__":{"type":"object","required":["a"],"properties":{"a":{"enum":["x","y"]}}}}}',
    ) as JsonSchema,
    payloads: [
      JSON.parse('{"__proto__":{"a":"x"}}'),
      JSON.parse('{"__proto__":{"a":"z"}}'),
      JSON.parse('{"__proto__":{}}'),
      JSON.parse('{"constructor":1}'),
      JSON.parse('{"constructor":"c","__proto__":{"a":"y"}}'),
    ],
  },
  {
    name: 'validateHttpsDraft07',
    schema: { $schema: 'https://json-schema.org/draft-07/schema#', type: 'object', required: ['a'], properties: { a: { type: 'integer' } } },
    payloads: [{ a: 1 }, { a: 'x' }],
  },
  {
    name: 'validateBooleanSchemas',
    schema: { type: 'object', properties: { anything: true, nothing: false } },
    payloads: [{ anything: [1] }, { nothing: null }],
  },
];
