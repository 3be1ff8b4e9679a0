// `$ref` resolution lives in schema/resolve-ref.ts (one resolver, as ajv resolves);
// this keeps the pointer-token escaping lint still imports from here.
import { escapePointerToken } from '../schema/json-pointer.js';

/** RFC 6901 escaping of one pointer segment. */
export function pointerSegment(key: string): string {
  return escapePointerToken(key);
}
