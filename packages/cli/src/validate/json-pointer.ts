// Reads RFC 6901 pointers back into a payload: the offending value for a
// report's example, and the path with array indexes folded to `*` so that one
// wrong field in 500 array items is one group, not 500.
import { unescapePointerToken } from '../schema/json-pointer.js';

export interface PointerTarget {
  // The pointer with every array index replaced by `*`: /properties/products/*/price
  readonly pattern: string;
  /** The value the pointer reaches; undefined when it reaches nothing (a missing required property). */
  readonly value: unknown;
}

export function followPointer(document: unknown, pointer: string): PointerTarget {
  if (pointer === '') return { pattern: '', value: document };
  let pattern = '';
  let current: unknown = document;
  for (const token of pointer.slice(1).split('/')) {
    const key = unescapePointerToken(token);
    if (Array.isArray(current)) {
      pattern += '/*';
      current = current[Number(key)];
    } else {
      pattern += `/${token}`;
      current = isObject(current) && Object.hasOwn(current, key) ? current[key] : undefined;
    }
  }
  return { pattern, value: current };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
