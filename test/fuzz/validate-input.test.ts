// `plangen validate` sees live traffic: recorded payload files of any shape and
// size. The reader gives the same payloads however the bytes are chunked (even
// inside a UTF-8 character) and reports every line that is not JSON; the
// checker gives a verdict for any JSON value and never throws or pollutes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { createPayloadChecker } from '../../packages/cli/src/validate/check-payload.js';
import { readPayloads, type PayloadSink } from '../../packages/cli/src/validate/read-payloads.js';
import { hostileText } from './hostile-text.js';
import { fuzzParameters } from './runs.js';

type Call = ['begin', string] | ['payload', unknown, number] | ['unparsable', number];

async function read(chunks: readonly Buffer[]): Promise<Call[]> {
  const calls: Call[] = [];
  const sink: PayloadSink = {
    begin: (shape) => void calls.push(['begin', shape]),
    payload: (value, position) => void calls.push(['payload', value, position]),
    unparsable: (position) => void calls.push(['unparsable', position]),
  };
  async function* stream() {
    yield* chunks;
  }
  await readPayloads(stream(), sink);
  return calls;
}

const SHOP_EVENTS = ['Order Completed', 'Product Viewed', 'Product Added', 'Checkout Started', 'Signed Up', 'Search Performed', 'Coupon Applied', 'Review Submitted'];

/** Segment-shaped payloads with hostile parts, and plain JSON values. */
const payload: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      type: fc.oneof(fc.constantFrom('track', 'identify', 'group', 'page', 'screen', 'alias'), fc.jsonValue({ maxDepth: 1 })),
      event: fc.oneof(fc.constantFrom(...SHOP_EVENTS), hostileText, fc.jsonValue({ maxDepth: 1 })),
      userId: fc.oneof(fc.string(), fc.constant('')),
      properties: fc.oneof(fc.dictionary(fc.constantFrom('order_id', 'revenue', 'products', 'cart_id', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 })), fc.jsonValue({ maxDepth: 1 })),
      traits: fc.dictionary(fc.constantFrom('email', 'plan', '__proto__'), fc.jsonValue({ maxDepth: 1 })),
      context: fc.oneof(fc.record({ protocols: fc.record({ event_version: fc.jsonValue({ maxDepth: 1 }) }) }), fc.jsonValue({ maxDepth: 2 })),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * A recorded line: a payload, a deep or prototype-keyed document, or text that is not JSON. (Deep here means
 * 1,000 levels: comparing calls recurses; the checker test below takes a 10,000-deep payload.)
 */
const line: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: payload.map((value) => JSON.stringify(value)), weight: 5 },
  { arbitrary: fc.constantFrom('{"type":"track","event":"Order Completed","properties":' + '['.repeat(1_000) + ']'.repeat(1_000) + '}', '{"__proto__":{"polluted":true},"type":"identify","traits":{"__proto__":{"polluted":true}}}', '{"type":"track","event":"Order Completed","properties":{"revenue":1e999}}'), weight: 1 },
  // A line break would make two lines.
  { arbitrary: fc.oneof(hostileText, fc.constantFrom('{', '{"type":', 'NaN', "{'a':1}", '[1,]', '"\ud800"', '{"a":1}{"b":2}')).map((text) => text.replace(/[\r\n]/g, ' ')), weight: 2 },
  { arbitrary: fc.constantFrom('', '   ', '\t'), weight: 1 },
);

describe('recorded payload files', () => {
  it('read the same however the bytes are chunked, one call per non-blank line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), async (lines, newline, bom, cuts) => {
        // Content starting with `[` is the JSON-array shape, a different reader.
        fc.pre(!lines.join(newline).trimStart().startsWith('['));
        const bytes = Buffer.from(`${bom ? '\ufeff' : ''}${lines.join(newline)}`, 'utf8');
        const whole = await read([bytes]);
        const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((start, index) => bytes.subarray(start, at[index] ?? bytes.length));
        expect(await read(chunks)).toEqual(whole);
        // A `{` alone on the first non-blank line starts one pretty-printed document, another reader
        // (test/validate/read-payloads.test.ts); chunking must not matter for it either, checked above.
        if (lines.find((text) => !/^[ \t\r]*$/.test(text))?.trim() === '{') return;
        // Every line that is not blank (JSON whitespace only) is one payload or one unparsable report, in order.
        const positions = whole.flatMap((call) => (call[0] === 'payload' ? [call[2]] : call[0] === 'unparsable' ? [call[1]] : []));
        const expected = lines.flatMap((text, index) => (/^[ \t\r]*$/.test(text) ? [] : [index + 1]));
        expect(positions).toEqual(expected);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      fuzzParameters(60),
    );
  });

  it('read a JSON array the same however the bytes are chunked, element by element', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(payload, { maxLength: 8 }), fc.constantFrom('', ' ', '\n  '), fc.array(fc.nat(), { maxLength: 8 }), async (values, space, cuts) => {
        const bytes = Buffer.from(`${space}[${space}${values.map((value) => JSON.stringify(value)).join(`,${space}`)}${space}]${space}`, 'utf8');
        const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((start, index) => bytes.subarray(start, at[index] ?? bytes.length));
        const calls = await read(chunks);
        expect(calls).toEqual(await read([bytes]));
        const expected: Call[] = [['begin', 'json-array'], ...values.map((value, index): Call => ['payload', JSON.parse(JSON.stringify(value)) as unknown, index])];
        expect(calls).toEqual(expected);
      }),
      fuzzParameters(60),
    );
  });

  it('get a verdict for any JSON value, without throwing or touching a prototype', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
    const deep = JSON.parse(`{"type":"track","event":"Order Completed","properties":{"products":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`) as unknown;
    expect(check(deep).kind).toBe('checked');
    fc.assert(
      fc.property(payload, (value) => {
        const verdict = check(JSON.parse(JSON.stringify(value)) as unknown);
        expect(['malformed', 'unplanned-event', 'checked']).toContain(verdict.kind);
        if (verdict.kind === 'checked') for (const error of verdict.errors) expect(typeof error.message).toBe('string');
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      fuzzParameters(300),
    );
  });
});

