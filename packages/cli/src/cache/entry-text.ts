// The text a cache entry's value is kept as (in memory and on disk). Most of a
// rerun's cache reads are generated code and laid-out text, megabytes of it in a
// few long strings, which plain JSON escapes on the way in and unescapes on the way
// out. So an entry is a line of JSON, the value with each long string left out
// (written as 0) and the place and length of each one, followed by the long strings
// as they are: `[skeleton,[[path,length],...]]\n<string><string>...`. Reading it
// back gives what JSON.parse(JSON.stringify(value)) gives; a text of any other shape
// (an older format, a truncated or foreign entry) reads as missing.

/** Shorter strings stay in the JSON line: their escaping costs less than a place. */
const LONG = 1024;

type Key = string | number;
type Place = [path: Key[], length: number];

export function encodeEntry(value: unknown): string {
  // A value JSON leaves out (undefined) was never found again: it still reads as missing.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return '';
  const places: Place[] = [];
  const texts: string[] = [];
  const skeleton = withoutLongStrings(value, [], places, texts);
  return `${JSON.stringify([skeleton, places])}\n${texts.join('')}`;
}

export function decodeEntry<T>(text: string): { value: T } | undefined {
  const end = text.indexOf('\n');
  if (end < 0) return undefined;
  let head: unknown;
  try {
    head = JSON.parse(text.slice(0, end));
  } catch {
    return undefined;
  }
  if (!Array.isArray(head) || head.length !== 2 || !Array.isArray(head[1])) return undefined;
  let value = head[0] as unknown;
  let at = end + 1;
  for (const place of head[1] as unknown[]) {
    if (!isPlace(place) || at + place[1] > text.length) return undefined;
    const long = text.slice(at, (at += place[1]));
    if (place[0].length === 0) {
      value = long;
      continue;
    }
    let holder: unknown = value;
    for (const key of place[0].slice(0, -1)) holder = ownValue(holder, key);
    const last = place[0][place[0].length - 1]!;
    if (ownValue(holder, last) !== 0) return undefined;
    // An own data property (JSON.parse makes "__proto__" one too), so this assignment never reaches a setter.
    (holder as Record<Key, unknown>)[last] = long;
  }
  return at === text.length ? { value: value as T } : undefined;
}

/** The value with its long strings replaced by 0, copying only the arrays and objects that hold one. */
function withoutLongStrings(value: unknown, path: Key[], places: Place[], texts: string[]): unknown {
  if (typeof value === 'string') {
    // A lone surrogate would not survive the disk's UTF-8: JSON escapes it.
    if (value.length < LONG || !wellFormed(value)) return value;
    places.push([[...path], value.length]);
    texts.push(value);
    return 0;
  }
  if (typeof value !== 'object' || value === null || Object.prototype.hasOwnProperty.call(value, 'toJSON')) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      const child = withoutLongStrings(value[index], path, places, texts);
      path.pop();
      if (child !== value[index]) (copy ??= value.slice())[index] = child;
    }
    return copy ?? value;
  }
  // Only plain data objects are looked into; anything else (toJSON...) is left to JSON.stringify whole.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    path.push(key);
    const kept = withoutLongStrings(child, path, places, texts);
    path.pop();
    // The spread keeps "__proto__" an own data property, so the assignment below writes that property.
    if (kept !== child) (copy ??= { ...value })[key] = kept;
  }
  return copy ?? value;
}

/** String.prototype.isWellFormed (Node 20; not yet in the compiler's lib). */
function wellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

function isPlace(place: unknown): place is Place {
  return (
    Array.isArray(place) &&
    place.length === 2 &&
    Array.isArray(place[0]) &&
    place[0].every((key) => typeof key === 'string' || typeof key === 'number') &&
    Number.isSafeInteger(place[1]) &&
    (place[1] as number) >= 0
  );
}

function ownValue(holder: unknown, key: Key): unknown {
  if (typeof holder !== 'object' || holder === null || !Object.prototype.hasOwnProperty.call(holder, key)) return undefined;
  return (holder as Record<Key, unknown>)[key];
}
