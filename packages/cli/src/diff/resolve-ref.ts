// Plan schemas are self-contained: a `$ref` points into the same schema
// (`#/definitions/product`). Diff and lint follow those references so a change
// inside a shared definition is reported where it is used.
import type { JSONSchema7Definition } from 'json-schema';

/** Follows local `$ref`s from `schema` against `root`; an unresolvable or cyclic reference is returned as is. */
export function resolveRef(schema: JSONSchema7Definition, root: JSONSchema7Definition): JSONSchema7Definition {
  const seen = new Set<string>();
  let current = schema;
  while (typeof current === 'object' && typeof current.$ref === 'string' && current.$ref.startsWith('#') && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    const target = pointerGet(root, current.$ref.slice(1));
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

function pointerGet(root: unknown, pointer: string): JSONSchema7Definition | undefined {
  if (pointer === '') return root as JSONSchema7Definition;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'boolean' || (typeof node === 'object' && node !== null) ? (node as JSONSchema7Definition) : undefined;
}

// `$ref` is a URI fragment, so segments may be percent-encoded.
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** RFC 6901 escaping of one pointer segment. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
