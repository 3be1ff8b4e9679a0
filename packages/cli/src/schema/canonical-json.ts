// Schemas are compared by value: two schemas that differ only in key order are
// the same schema, so they are serialized with sorted keys.

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries, not assignment: a key named "__proto__" must stay a key (assigned, it vanished, so
  // `{"__proto__": 1}` and `{}` serialized alike).
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
