import { describe, expect, it } from 'vitest';
import { MAX_GROUPS, MAX_MALFORMED_LOCATIONS, ReportBuilder } from '../../packages/cli/src/validate/build-report.js';
import { formatText } from '../../packages/cli/src/validate/format-text.js';
import { followPointer } from '../../packages/cli/src/validate/json-pointer.js';
import type { PayloadVerdict } from '../../packages/cli/src/validate/verdict.js';

const at = (location: string) => ({ location: () => location });
const valid: PayloadVerdict = { kind: 'checked', type: 'track', event: 'Order Completed', version: 2, errors: [] };

describe('followPointer', () => {
  it('folds array indexes to * and returns the value reached', () => {
    const payload = { properties: { products: [{ price: 1 }, { price: 'x' }], 'a/b': { '~': 5 } } };
    expect(followPointer(payload, '/properties/products/1/price')).toEqual({ pattern: '/properties/products/*/price', value: 'x' });
    expect(followPointer(payload, '/properties/a~1b/~0')).toEqual({ pattern: '/properties/a~1b/~0', value: 5 });
    expect(followPointer(payload, '/properties/missing')).toEqual({ pattern: '/properties/missing', value: undefined });
    expect(followPointer(payload, '')).toEqual({ pattern: '', value: payload });
  });
});

describe('ReportBuilder', () => {
  it('counts every payload in exactly one total', () => {
    const builder = new ReportBuilder();
    builder.add(valid, {}, at('a:1'));
    builder.add({ ...valid, fallback: { version: 1, reason: 'missing' }, version: 1 }, {}, at('a:2'));
    builder.add({ kind: 'unplanned-event', event: 'Oops' }, {}, at('a:3'));
    builder.add({ kind: 'malformed', reason: 'not valid JSON', detail: 'Unexpected token' }, undefined, at('a:4'));
    builder.add(
      { ...valid, errors: [{ pointer: '/properties/total', message: 'must be number', keyword: 'type' }] },
      { properties: { total: '12' } },
      at('a:5'),
    );
    expect(builder.build('plan.yaml', ['a']).totals).toEqual({
      payloads: 5,
      valid: 2,
      invalid: 1,
      unplannedEvents: 1,
      malformed: 1,
      versionFallbacks: 1,
    });
  });

  it('groups violations by event, version, path and message, largest first, with the first example', () => {
    const builder = new ReportBuilder();
    const wrongPrice = (index: number) => ({ pointer: `/properties/products/${index}/price`, message: 'must be number', keyword: 'type' });
    // Two wrong items in one payload count that payload once.
    builder.add({ ...valid, errors: [wrongPrice(0), wrongPrice(1)] }, { properties: { products: [{ price: 'a' }, { price: 'b' }] } }, at('e:1'));
    builder.add({ ...valid, errors: [wrongPrice(3)] }, { properties: { products: [{}, {}, {}, { price: 'c' }] } }, at('e:2'));
    builder.add(
      { ...valid, errors: [{ pointer: '/properties/coupon', message: 'is not allowed', keyword: 'additionalProperties' }] },
      { properties: { coupon: 'SAVE' } },
      at('e:3'),
    );
    builder.add(
      { kind: 'checked', type: 'identify', errors: [{ pointer: '/traits/email', message: 'is required', keyword: 'required' }] },
      { traits: {} },
      at('e:4'),
    );
    const { violations } = builder.build('plan.yaml', ['e']);
    expect(violations).toEqual([
      {
        kind: 'violation',
        type: 'track',
        event: 'Order Completed',
        version: 2,
        path: '/properties/products/*/price',
        keyword: 'type',
        message: 'must be number',
        count: 2,
        example: { location: 'e:1', pointer: '/properties/products/0/price', value: 'a' },
      },
      {
        kind: 'unplanned-property',
        type: 'track',
        event: 'Order Completed',
        version: 2,
        path: '/properties/coupon',
        keyword: 'additionalProperties',
        message: 'is not allowed',
        count: 1,
        example: { location: 'e:3', pointer: '/properties/coupon', value: 'SAVE' },
      },
      {
        kind: 'violation',
        type: 'identify',
        path: '/traits/email',
        keyword: 'required',
        message: 'is required',
        count: 1,
        example: { location: 'e:4', pointer: '/traits/email' },
      },
    ]);
  });

  it('groups fallbacks by event, version, reason and the value given', () => {
    const builder = new ReportBuilder();
    builder.add({ ...valid, version: 1, fallback: { version: 1, reason: 'not-a-positive-integer', given: 3.2 } }, {}, at('f:1'));
    builder.add({ ...valid, version: 1, fallback: { version: 1, reason: 'not-a-positive-integer', given: '2' } }, {}, at('f:2'));
    builder.add({ ...valid, version: 1, fallback: { version: 1, reason: 'not-a-positive-integer', given: 3.2 } }, {}, at('f:3'));
    builder.add({ ...valid, version: 1, fallback: { version: 1, reason: 'missing' } }, {}, at('f:4'));
    expect(builder.build('p', ['f']).versionFallbacks).toEqual([
      { event: 'Order Completed', version: 1, reason: 'not-a-positive-integer', count: 2, example: { location: 'f:1', given: 3.2 } },
      { event: 'Order Completed', version: 1, reason: 'missing', count: 1, example: { location: 'f:4' } },
      { event: 'Order Completed', version: 1, reason: 'not-a-positive-integer', count: 1, example: { location: 'f:2', given: '2' } },
    ]);
  });

  it('keeps the first locations of malformed lines and counts the rest', () => {
    const builder = new ReportBuilder();
    for (let line = 1; line <= MAX_MALFORMED_LOCATIONS + 2; line++) {
      builder.add({ kind: 'malformed', reason: 'not valid JSON', detail: `bad ${line}` }, undefined, at(`m:${line}`));
    }
    builder.add({ kind: 'malformed', reason: 'no "type"' }, {}, at('m:99'));
    const { malformed } = builder.build('p', ['m']);
    expect(malformed).toEqual([
      {
        reason: 'not valid JSON',
        count: MAX_MALFORMED_LOCATIONS + 2,
        locations: Array.from({ length: MAX_MALFORMED_LOCATIONS }, (_, index) => `m:${index + 1}`),
        detail: 'bad 1',
      },
      { reason: 'no "type"', count: 1, locations: ['m:99'] },
    ]);
  });

  it('stops adding groups at MAX_GROUPS but still counts what it drops', () => {
    const builder = new ReportBuilder();
    for (let index = 0; index <= MAX_GROUPS; index++) builder.add({ kind: 'unplanned-event', event: `e${index}` }, {}, at('x'));
    const report = builder.build('p', ['x']);
    expect(report.unplannedEvents).toHaveLength(MAX_GROUPS);
    expect(report.ungrouped).toBe(1);
    expect(report.totals.unplannedEvents).toBe(MAX_GROUPS + 1);
  });
});

describe('formatText', () => {
  it('prints totals, then each kind of finding largest first with an example', () => {
    const builder = new ReportBuilder();
    builder.add(valid, {}, at('events.jsonl:1'));
    for (const line of [2, 3]) {
      builder.add(
        { ...valid, errors: [{ pointer: '/properties/total', message: 'must be number', keyword: 'type' }] },
        { properties: { total: '12.5' } },
        at(`events.jsonl:${line}`),
      );
    }
    builder.add(
      { ...valid, errors: [{ pointer: '/properties/coupon', message: 'is not allowed', keyword: 'additionalProperties' }] },
      { properties: { coupon: 'SAVE10' } },
      at('events.jsonl:4'),
    );
    builder.add({ ...valid, version: 1, fallback: { version: 1, reason: 'unknown-version', given: 7 } }, {}, at('events.jsonl:5'));
    builder.add({ ...valid, version: 1, fallback: { version: 1, reason: 'missing' } }, {}, at('events.jsonl:6'));
    builder.add({ kind: 'unplanned-event', event: 'Order Complete' }, {}, at('events.jsonl:7'));
    builder.add({ kind: 'malformed', reason: 'not valid JSON', detail: 'Unexpected end of JSON input' }, undefined, at('events.jsonl:8'));
    expect(formatText(builder.build('plan.yaml', ['events.jsonl']))).toBe(
      [
        'Checked 8 payloads from events.jsonl against plan.yaml',
        '  3 valid',
        '  3 with violations',
        '  1 unplanned event',
        '  1 malformed',
        '  2 checked against a fallback version',
        '',
        'Violations:',
        '  2  "Order Completed" v2  /properties/total  must be number',
        '     first at events.jsonl:2, value "12.5"',
        '',
        'Unplanned properties:',
        '  1  "Order Completed" v2  /properties/coupon  is not allowed',
        '     first at events.jsonl:4, value "SAVE10"',
        '',
        'Unplanned events:',
        '  1  "Order Complete"  first at events.jsonl:7',
        '',
        'Version fallbacks (checked against the oldest version):',
        '  1  "Order Completed" checked as v1: no context.protocols.event_version',
        '     first at events.jsonl:6',
        '  1  "Order Completed" checked as v1: event_version 7 is not a version of this event',
        '     first at events.jsonl:5',
        '',
        'Malformed (not checked):',
        '  1  not valid JSON (first: Unexpected end of JSON input)',
        '     at events.jsonl:8',
        '',
        '5 payloads do not match the plan.',
        '',
      ].join('\n'),
    );
  });

  it('says so when everything matches', () => {
    const builder = new ReportBuilder();
    builder.add(valid, {}, at('a:1'));
    expect(formatText(builder.build('plan.yaml', ['a']))).toMatch(/\n\nEvery payload matches the plan\.\n$/);
  });
});
