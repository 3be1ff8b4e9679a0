// Plain words for a place in a plan, for error messages: `property "items[].sku"
// of event "Order Completed" v2` reads better than a JSON pointer.
import { quote } from '../messages/quote.js';

export function describePath(segments: readonly string[], data: unknown): string {
  const [head, ...rest] = segments;
  if (head === undefined) return 'the plan';
  if (head === 'events' && rest[0] !== undefined) return describeEvent(eventWords(rest[0], data), rest.slice(1), at(data, ['events', rest[0]]));
  if ((head === 'identify' || head === 'group') && rest[0] === 'traits') return describeInside(head, rest, 'trait');
  if ((head === 'page' || head === 'screen') && rest[0] === 'properties') return describeInside(head, rest, 'property');
  if (head === 'rules') return describeGeneric(segments);
  return rest.length === 0 ? quote(head) : `${quote(rest.at(-1) ?? '')} of ${describePath(segments.slice(0, -1), data)}`;
}

/** `event "Name"`, whether `events` is a mapping keyed by name or a list of named events. */
function eventWords(key: string, data: unknown): string {
  if (!Array.isArray(at(data, ['events']))) return `event ${quote(key)}`;
  const name = at(data, ['events', key, 'name']);
  return typeof name === 'string' && name !== '' ? `event ${quote(name)}` : `event #${Number(key) + 1}`;
}

function describeEvent(eventText: string, rest: readonly string[], event: unknown): string {
  if (rest[0] === 'versions' && rest[1] !== undefined) {
    const version = at(event, ['versions', rest[1], 'version']);
    const versionWords = isVersionNumber(version) ? `v${version}` : `version #${Number(rest[1]) + 1}`;
    return describeInside(`${eventText} ${versionWords}`, rest.slice(2), 'property');
  }
  return describeInside(eventText, rest, 'property');
}

/** Below an owner: `properties/a/properties/b/items/...` is property "a.b[]"; anything else is a field of it. */
function describeInside(owner: string, rest: readonly string[], noun: string): string {
  if (rest.length === 0) return owner;
  const fieldKey = noun === 'trait' ? 'traits' : 'properties';
  if (rest[0] !== fieldKey || rest[1] === undefined) return rest.length === 1 ? `${quote(rest[0] ?? '')} of ${owner}` : `${quote(rest.join('.'))} of ${owner}`;
  let path = rest[1];
  let index = 2;
  for (;;) {
    if (rest[index] === 'properties' && rest[index + 1] !== undefined) {
      path += `.${rest[index + 1]}`;
      index += 2;
    } else if (rest[index] === 'items') {
      path += '[]';
      index += 1;
    } else break;
  }
  const thing = `${noun} ${quote(path)} of ${owner}`;
  const remaining = rest.slice(index);
  if (remaining.length === 0) return thing;
  return `${quote(remaining.join('.'))} of ${thing}`;
}

function describeGeneric(segments: readonly string[]): string {
  return segments.map((segment, index) => (/^[0-9]+$/.test(segment) ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`)).join('');
}

function isVersionNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function at(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
