import { describe, expect, it } from 'vitest';
import { withEventVersion } from '../../packages/core/src/event-context.js';

describe('withEventVersion', () => {
  it('adds protocols.event_version to an absent context', () => {
    expect(withEventVersion(undefined, 2)).toEqual({ protocols: { event_version: 2 } });
  });

  it("keeps the caller's context keys and other protocols keys", () => {
    const context = { ip: '0.0.0.0', app: { version: '1.2' }, protocols: { sourceId: 'abc' } };
    expect(withEventVersion(context, 3)).toEqual({
      ip: '0.0.0.0',
      app: { version: '1.2' },
      protocols: { sourceId: 'abc', event_version: 3 },
    });
  });

  it('overwrites a version the caller put there', () => {
    expect(withEventVersion({ protocols: { event_version: 99 } }, 1)).toEqual({ protocols: { event_version: 1 } });
  });

  it("never mutates the caller's objects", () => {
    const protocols = { event_version: 99, other: true };
    const context = { protocols, page: { path: '/' } };
    const merged = withEventVersion(context, 2);
    expect(context).toEqual({ protocols: { event_version: 99, other: true }, page: { path: '/' } });
    expect(merged).not.toBe(context);
    expect(merged['protocols']).not.toBe(protocols);
  });

  it.each([
    ['null', null],
    ['a string', 'context'],
    ['a number', 7],
    ['an array', [1, 2]],
  ])('treats %s as an empty context', (_name, context) => {
    expect(withEventVersion(context, 1)).toEqual({ protocols: { event_version: 1 } });
  });

  it('replaces protocols that are not an object', () => {
    expect(withEventVersion({ protocols: 'v2', ip: 'x' }, 2)).toEqual({ protocols: { event_version: 2 }, ip: 'x' });
    expect(withEventVersion({ protocols: [3] }, 2)).toEqual({ protocols: { event_version: 2 } });
  });

  it('copies a __proto__ key as data without touching any prototype', () => {
    const context: unknown = JSON.parse('{"__proto__":{"polluted":true},"protocols":{"__proto__":{"polluted":true}}}');
    const merged = withEventVersion(context, 1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toEqual({ polluted: true });
    const protocols = merged['protocols'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(protocols)).toBe(Object.prototype);
    expect(Object.keys(protocols)).toEqual(['__proto__', 'event_version']);
  });

  it('leaves out keys whose getter throws', () => {
    const context = { ip: '1.1.1.1' };
    Object.defineProperty(context, 'broken', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(withEventVersion(context, 4)).toEqual({ ip: '1.1.1.1', protocols: { event_version: 4 } });
  });

  it('survives a proxy whose traps throw', () => {
    const context = new Proxy({}, {
      ownKeys() {
        throw new Error('trap');
      },
    });
    expect(withEventVersion(context, 1)).toEqual({ protocols: { event_version: 1 } });
  });

  it('copies cyclic contexts shallowly', () => {
    const context: Record<string, unknown> = { ip: 'x' };
    context['self'] = context;
    const merged = withEventVersion(context, 2);
    expect(merged['self']).toBe(context);
    expect(merged['protocols']).toEqual({ event_version: 2 });
  });
});
