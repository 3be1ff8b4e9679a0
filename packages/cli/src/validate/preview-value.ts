// What a report keeps of a payload value: a small copy, bounded in depth, entries and text, so a
// report never holds (or prints, or stringifies) a payload's own deep or huge values. Recorded data
// is arbitrary: an array nested 5,000 deep or a 200 KB string must cost a few hundred bytes here.

/** Nesting kept; deeper arrays and objects become a string saying what was there. */
export const PREVIEW_DEPTH = 4;
/** Array items and object keys kept per level; the rest is counted. */
export const PREVIEW_ENTRIES = 10;
/** Characters kept of a string (values and keys). */
export const PREVIEW_TEXT = 200;

/** A bounded JSON copy of `value`: the recursion stops at PREVIEW_DEPTH, so it never nests deeper than that. */
export function previewValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return previewText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    if (depth >= PREVIEW_DEPTH) return `[an array of ${count(value.length, 'item')}]`;
    const items = value.slice(0, PREVIEW_ENTRIES).map((item) => previewValue(item, depth + 1));
    if (value.length > PREVIEW_ENTRIES) items.push(`… ${count(value.length - PREVIEW_ENTRIES, 'more item')}`);
    return items;
  }
  const keys = Object.keys(value);
  if (depth >= PREVIEW_DEPTH) return `{an object of ${count(keys.length, 'key')}}`;
  const copy: Record<string, unknown> = {};
  for (const key of keys.slice(0, PREVIEW_ENTRIES)) {
    // defineProperty: a `__proto__` key stays a key of the copy.
    Object.defineProperty(copy, previewText(key), { value: previewValue((value as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  if (keys.length > PREVIEW_ENTRIES) copy['…'] = `${count(keys.length - PREVIEW_ENTRIES, 'more key')}`;
  return copy;
}

/**
 * At most PREVIEW_TEXT characters, as a string of its own: a slice of a 200 KB string can keep
 * the whole string alive in V8 (a sliced string points into its parent).
 */
export function previewText(text: string, limit = PREVIEW_TEXT): string {
  if (text.length <= limit) return text;
  return Buffer.from(`${text.slice(0, limit - 1)}…`, 'utf8').toString('utf8');
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
