import { describe, expect, it } from 'vitest';
import { eventVersionOf, resolveEventVersion } from '@plangen/core/internal';

describe('resolveEventVersion', () => {
  const versions = [1, 2, 3];

  it.each([
    ['an existing version', 2, { version: 2, reason: 'explicit' }],
    ['2.0, the same number as 2', 2.0, { version: 2, reason: 'explicit' }],
    ['the latest version', 3, { version: 3, reason: 'explicit' }],
    ['undefined', undefined, { version: 1, reason: 'missing' }],
    ['the string "2"', '2', { version: 1, reason: 'not-a-positive-integer', given: '2' }],
    ['3.2', 3.2, { version: 1, reason: 'not-a-positive-integer', given: 3.2 }],
    ['0', 0, { version: 1, reason: 'not-a-positive-integer', given: 0 }],
    ['-1', -1, { version: 1, reason: 'not-a-positive-integer', given: -1 }],
    ['NaN', Number.NaN, { version: 1, reason: 'not-a-positive-integer', given: Number.NaN }],
    ['Infinity', Infinity, { version: 1, reason: 'not-a-positive-integer', given: Infinity }],
    ['null', null, { version: 1, reason: 'not-a-positive-integer', given: null }],
    ['true', true, { version: 1, reason: 'not-a-positive-integer', given: true }],
    ['a BigInt', 2n, { version: 1, reason: 'not-a-positive-integer', given: 2n }],
    ['an object', { version: 2 }, { version: 1, reason: 'not-a-positive-integer', given: { version: 2 } }],
    ['a version the event does not have', 4, { version: 1, reason: 'unknown-version', given: 4 }],
  ])('%s', (_name, given, expected) => {
    expect(resolveEventVersion(given, versions)).toEqual(expected);
  });

  it('falls back to the smallest version whatever the order of the list', () => {
    expect(resolveEventVersion(undefined, [3, 5, 2, 4])).toEqual({ version: 2, reason: 'missing' });
    expect(resolveEventVersion(7, [3, 5, 2, 4])).toEqual({ version: 2, reason: 'unknown-version', given: 7 });
  });

  it('keeps "missing" apart from an explicit null', () => {
    expect(resolveEventVersion(undefined, [1])).not.toHaveProperty('given');
    expect(resolveEventVersion(null, [1])).toHaveProperty('given', null);
  });

  it('rejects an event without versions', () => {
    expect(() => resolveEventVersion(1, [])).toThrow(new RangeError('resolveEventVersion needs at least one version of the event.'));
  });
});

describe('eventVersionOf', () => {
  it('reads context.protocols.event_version', () => {
    expect(eventVersionOf({ context: { protocols: { event_version: 2 } } })).toBe(2);
    expect(eventVersionOf({ context: { protocols: { event_version: '2' } } })).toBe('2');
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'track'],
    ['no context', { event: 'x' }],
    ['a null context', { context: null }],
    ['a string context', { context: 'x' }],
    ['no protocols', { context: {} }],
    ['protocols without the key', { context: { protocols: {} } }],
  ])('is undefined for %s', (_name, payload) => {
    expect(eventVersionOf(payload)).toBeUndefined();
  });

  it('follows own properties only and never throws', () => {
    const inherited = Object.create({ context: { protocols: { event_version: 2 } } }) as object;
    expect(eventVersionOf(inherited)).toBeUndefined();
    const hostile = Object.defineProperty({}, 'context', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(eventVersionOf(hostile)).toBeUndefined();
    const proxy = new Proxy({}, {
      getOwnPropertyDescriptor() {
        throw new Error('trap');
      },
    });
    expect(eventVersionOf(proxy)).toBeUndefined();
  });

  it('reads a payload parsed from JSON with a __proto__ key as data', () => {
    const payload: unknown = JSON.parse('{"__proto__":{"context":{"protocols":{"event_version":5}}},"context":{"protocols":{"event_version":1}}}');
    expect(eventVersionOf(payload)).toBe(1);
  });
});
