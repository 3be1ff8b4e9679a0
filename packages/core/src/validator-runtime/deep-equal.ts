// Structural equality for `const`, `enum` and `uniqueItems`, as ajv's runtime does
// it for JSON data. Port of fast-deep-equal 3.1.3 (MIT, Evgeny Poberezkin), with own keys named
// `constructor`, `valueOf` or `toString` read as data.

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    // Prototypes, not `constructor`/`valueOf`/`toString`: in JSON data those are ordinary keys
    // (`{"valueOf": 1}` made fast-deep-equal call 1 as a function, `{"constructor": {}}` never matched).
    const prototype: unknown = Object.getPrototypeOf(a);
    if (prototype !== Object.getPrototypeOf(b)) return false;
    if (Array.isArray(a)) {
      const other = b as unknown[];
      if (a.length !== other.length) return false;
      for (let i = a.length; i-- !== 0; ) if (!deepEqual(a[i], other[i])) return false;
      return true;
    }
    if (prototype !== Object.prototype && prototype !== null) {
      if (a instanceof RegExp) return a.source === (b as RegExp).source && a.flags === (b as RegExp).flags;
      if (definesMethod(a, 'valueOf')) return a.valueOf() === b.valueOf();
      if (definesMethod(a, 'toString')) return a.toString() === b.toString();
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(right, key)) return false;
    for (const key of keys) if (!deepEqual(left[key], right[key])) return false;
    return true;
  }
  // Both NaN.
  return a !== a && b !== b;
}

// A class instance (a Date, a boxed number) that defines its own valueOf/toString, as fast-deep-equal checks.
function definesMethod(value: object, name: 'valueOf' | 'toString'): boolean {
  return (value as Record<string, unknown>)[name] !== Object.prototype[name];
}
