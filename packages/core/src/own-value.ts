// Reading user-supplied objects defensively: payloads may come from JSON with `__proto__` keys,
// carry getters that throw, or be proxies. Only own properties count as data, and copies are made
// with data properties so a `__proto__` key never reaches a prototype.

const hasOwn = Object.prototype.hasOwnProperty;

export function isObjectLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A plain key/value object: arrays and primitives are not. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return isObjectLike(value) && !Array.isArray(value);
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

/** A shallow copy of a record's own enumerable properties; anything else copies as `{}`. Never throws. */
export function copyRecord(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) return {};
  try {
    // Object spread defines own data properties, so a `__proto__` key stays an ordinary key.
    return { ...value };
  } catch {
    return copyReadableKeys(value);
  }
}

// The slow path for hostile objects: keys whose getter throws are left out.
function copyReadableKeys(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return copy;
  }
  for (const key of keys) {
    try {
      Object.defineProperty(copy, key, { value: value[key], enumerable: true, writable: true, configurable: true });
    } catch {
      // The getter threw: this key cannot be sent anyway.
    }
  }
  return copy;
}
