// Segment writes labels as an object (`{ "platform": "ios" }`) or as
// `key:value` strings; both become one string map.
import type { Labels } from '../model/plan-entries.js';

export function segmentLabels(written: unknown): Labels {
  if (Array.isArray(written)) {
    return Object.fromEntries(
      written
        .filter((label): label is string => typeof label === 'string')
        .map((label) => {
          const colon = label.indexOf(':');
          return colon === -1 ? [label, ''] : [label.slice(0, colon), label.slice(colon + 1)];
        }),
    );
  }
  if (typeof written !== 'object' || written === null) return {};
  return Object.fromEntries(
    Object.entries(written)
      .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
      .map(([key, value]) => [key, String(value)]),
  );
}
