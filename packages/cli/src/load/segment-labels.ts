// Segment writes labels as an object (`{ "platform": "ios" }`, or a list of
// values: `{ "platform": ["ios", "android"] }`) or as `key:value` strings; all
// become one map. A key with several values (a list, or the same key in several
// strings) keeps them all, in the order written: several labels with one key.
import type { Labels } from '../model/plan-entries.js';

type Scalar = string | number | boolean;

export function segmentLabels(written: unknown): Labels {
  const pairs: [string, string][] = [];
  if (Array.isArray(written)) {
    for (const label of written) {
      if (typeof label !== 'string') continue;
      const colon = label.indexOf(':');
      pairs.push(colon === -1 ? [label, ''] : [label.slice(0, colon), label.slice(colon + 1)]);
    }
  } else if (typeof written === 'object' && written !== null) {
    for (const [key, value] of Object.entries(written)) {
      const values: unknown[] = Array.isArray(value) ? value : [value];
      for (const item of values) if (isScalar(item)) pairs.push([key, String(item)]);
    }
  }
  return collect(pairs, written);
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** One value stays a string; a key written as a list, or given more than once, becomes a list. */
function collect(pairs: readonly [string, string][], written: unknown): Labels {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of pairs) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  const listed = (key: string) => typeof written === 'object' && written !== null && !Array.isArray(written) && Array.isArray((written as Record<string, unknown>)[key]);
  // fromEntries, not assignment: a label named "__proto__" must stay a key.
  return Object.fromEntries([...byKey].map(([key, values]) => [key, values.length === 1 && !listed(key) ? values[0]! : values]));
}
