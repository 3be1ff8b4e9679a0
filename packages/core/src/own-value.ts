// Reading user-supplied objects defensively: payloads may come from JSON with `__proto__` keys,
// carry getters that throw, or be proxies. Only own properties count as data, and copies are made
// with data properties so a `__proto__` key never reaches a prototype.

const hasOwn = Object.prototype.hasOwnProperty;

export function isObjectLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A plain key/value object: arrays and primitives are not. An object that cannot even say whether
 * it is an array (a revoked Proxy) counts as a record, whose keys the readers below then cannot read.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (!isObjectLike(value)) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return true;
  }
}

/**
 * What reading an object argument's own keys and values throws (a revoked Proxy, a trap or a getter
 * that throws); undefined when everything reads. One level deep: validators read the rest, and report
 * what throws there themselves.
 */
export function readFailure(value: unknown): { thrown: unknown } | undefined {
  if (!isObjectLike(value)) return undefined;
  try {
    Array.isArray(value);
    // for-in with an own-key test reads the same keys as Object.keys without allocating their
    // array: about 35 ns instead of 300 ns for a 20-key payload, on every validated call.
    for (const key in value) if (hasOwn.call(value, key)) void value[key];
    return undefined;
  } catch (thrown) {
    return { thrown };
  }
}

/** `value[key]` when `value` is an object owning `key`; undefined otherwise, also when reading throws. */
export function ownValue(value: unknown, key: string): unknown {
  if (!isObjectLike(value)) return undefined;
  try {
    return hasOwn.call(value, key) ? value[key] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Copies a record's own enumerable string-keyed properties into `into` (a new object by default);
 * anything that is not a record copies nothing. Never throws.
 */
export function copyRecord(value: unknown, into: Record<string, unknown> = {}): Record<string, unknown> {
  if (!isRecord(value)) return into;
  try {
    return copyKeys(value, into);
  } catch {
    return copyReadableKeys(value, into);
  }
}

// A plain key loop rather than object spread: V8 (Node 20) makes adding a key to a spread copy about
// 50 times slower than the copy itself, and every caller adds keys.
function copyKeys(value: Record<string, unknown>, into: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === '__proto__') defineData(into, key, value[key]);
    else into[key] = value[key];
  }
  return into;
}

// The slow path for hostile objects (throwing getters, proxies): unreadable keys are left out.
function copyReadableKeys(value: Record<string, unknown>, into: Record<string, unknown>): Record<string, unknown> {
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return into;
  }
  for (const key of keys) {
    try {
      defineData(into, key, value[key]);
    } catch {
      // The getter threw: this key cannot be sent anyway.
    }
  }
  return into;
}

// Assignment to `__proto__` would replace the copy's prototype; defining it keeps it an ordinary key.
function defineData(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
