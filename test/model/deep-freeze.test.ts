// deepFreeze freezes every object and array reachable from a value, whatever its shape, and returns the value itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../packages/cli/src/model/deep-freeze.js';

function unfrozen(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const here = Object.isFrozen(value) ? [] : [path || '/'];
  return [...here, ...Object.entries(value).flatMap(([key, child]) => unfrozen(child, `${path}/${key}`))];
}

describe('deepFreeze', () => {
  it('freezes every object and array of random JSON data (as a plan parses), __proto__ keys included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        // Through JSON.parse, so a "__proto__" key is an own property, as in a loaded plan.
        const value = JSON.parse(JSON.stringify({ data, __proto__x: [data, { nested: [data] }] }).replace('"__proto__x"', '"__proto__"')) as unknown;
        expect(deepFreeze(value)).toBe(value);
        expect(unfrozen(value)).toEqual([]);
      }),
    );
  });

  it('goes below an object that is not frozen yet even when it is shared, and stops at one already frozen', () => {
    const shared = { list: [{ a: 1 }] };
    const value = { one: shared, two: [shared, [shared]] };
    deepFreeze(value);
    expect(unfrozen(value)).toEqual([]);
    const inner = { b: 2 };
    const frozenOuter = Object.freeze({ inner });
    deepFreeze({ frozenOuter });
    expect(Object.isFrozen(inner)).toBe(false); // already frozen: taken as frozen all the way down
  });
});
