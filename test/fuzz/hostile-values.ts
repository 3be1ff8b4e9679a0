// Values built to crash whatever reads them: cycles, BigInt, symbols, getters
// and Proxy traps that throw, 10,000-deep nesting, huge strings, prototype keys,
// all mixed at random with everything fast-check's `anything()` makes.
import fc from 'fast-check';

function throwingGetter(): Record<string, unknown> {
  return Object.defineProperty({ plain: 1 }, 'total', {
    enumerable: true,
    get() {
      throw new Error('getter throws');
    },
  });
}

function throwingProxy(): object {
  const fail = (): never => {
    throw new Error('proxy trap throws');
  };
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail, set: fail, defineProperty: fail });
}

function cyclic(): Record<string, unknown> {
  const node: Record<string, unknown> = { name: 'loop', list: [] };
  node['self'] = node;
  (node['list'] as unknown[]).push(node);
  return node;
}

function deep(levels: number): Record<string, unknown> {
  let node: Record<string, unknown> = { leaf: true };
  for (let level = 0; level < levels; level++) node = { child: node };
  return node;
}

function deepArray(levels: number): unknown[] {
  let node: unknown[] = [];
  for (let level = 0; level < levels; level++) node = [node];
  return node;
}

// Built fresh per use, so one test's mutation cannot leak into the next.
const SPECIALS: readonly (() => unknown)[] = [
  cyclic,
  throwingGetter,
  throwingProxy,
  () => deep(10_000),
  () => deepArray(10_000),
  () => 'x'.repeat(1_000_000),
  () => 10n ** 30n,
  () => Symbol('hostile'),
  () => ({ [Symbol('key')]: Symbol('value') }),
  () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
  () => JSON.parse('{"context":{"__proto__":{"polluted":true},"protocols":{"__proto__":{"polluted":true}}}}') as unknown,
  () => Object.create(null) as unknown,
  () => new Date(Number.NaN),
  () => () => 'a function',
  () => Number.NaN,
  () => -0,
  () => Infinity,
];

/**
 * What to build, not the value itself: fast-check inspects generated values
 * (and prints them on failure), which a throwing Proxy would break. A test
 * calls `build` inside its property.
 */
export type Recipe =
  | { readonly kind: 'anything'; readonly value: unknown }
  | { readonly kind: 'special'; readonly index: number }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Recipe])[] };

export function build(recipe: Recipe): unknown {
  switch (recipe.kind) {
    case 'anything':
      return recipe.value;
    case 'special':
      return SPECIALS[recipe.index]!();
    case 'object':
      // fromEntries, so `__proto__` becomes an own key as in JSON.parse output.
      return Object.fromEntries(recipe.entries.map(([key, inner]) => [key, build(inner)]));
  }
}

const special: fc.Arbitrary<Recipe> = fc.nat(SPECIALS.length - 1).map((index) => ({ kind: 'special', index }));

const anythingAtAll: fc.Arbitrary<Recipe> = fc
  .anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'context', 'protocols', 'event_version', 'properties')),
  })
  .map((value) => ({ kind: 'anything', value }));

const KEYS = ['__proto__', 'constructor', 'context', 'order_id', 'revenue', 'products', 'email', 'userId', 'properties', 'traits'];

/** A hostile value, or an object whose keys (prototype names among them, as own keys) hold such values. */
export const hostileRecipe: fc.Arbitrary<Recipe> = fc.oneof(
  { arbitrary: anythingAtAll, weight: 3 },
  { arbitrary: special, weight: 3 },
  {
    arbitrary: fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(special, anythingAtAll)), { maxLength: 4 }).map((entries): Recipe => ({ kind: 'object', entries })),
    weight: 2,
  },
);
