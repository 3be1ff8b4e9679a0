// Local `$ref`s, resolved exactly as ajv resolves them (ajv's getJsonPointer):
// the fragment after `#` is split on `/` first, then each token is
// percent-decoded and unescaped (`~1` -> `/`, `~0` -> `~`), so
// `#/definitions/a%2Fb` and `#/definitions/a~1b` both name the definition
// `a/b`. `#` and `#/` are the root. Plan schemas are self-contained: a `$ref`
// to another document resolves to nothing. The load checks, the types and diff
// all resolve through here (test/schema/resolve-ref.test.ts compares with ajv).
import { formatPointer, unescapePointerToken } from './json-pointer.js';
import { childSubschemas, isSchemaObject, walkSubschemas, type SchemaObject } from './walk-subschemas.js';

export type RefProblem = 'not-local' | 'bad-encoding';

/** The pointer tokens a `$ref` names in its own document, or why it names none. */
export function refTokens(ref: string): string[] | RefProblem {
  if (!ref.startsWith('#')) return 'not-local';
  const fragment = ref.slice(1);
  // ajv drops a trailing `#/` before resolving: `#/` is the root.
  if (fragment === '' || fragment === '/') return [];
  if (!fragment.startsWith('/')) return 'not-local'; // `#name` is an anchor, which plans do not define
  const tokens: string[] = [];
  for (const part of fragment.slice(1).split('/')) {
    try {
      tokens.push(unescapePointerToken(decodeURIComponent(part)));
    } catch {
      return 'bad-encoding';
    }
  }
  return tokens;
}

/** The value a local `$ref` points at in `root`, with its pointer; undefined when it points at nothing. */
export function resolveLocalRef(root: unknown, ref: string): { readonly value: unknown; readonly pointer: string } | undefined {
  const tokens = refTokens(ref);
  if (!Array.isArray(tokens)) return undefined;
  let value = root;
  for (const token of tokens) {
    // Own members only: `#/definitions/toString` must not find Object.prototype.toString.
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, token)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value === undefined ? undefined : { value, pointer: formatPointer(tokens) };
}

/** The same reference written the one canonical way: `#/definitions/a~1b` for `#/definitions/a%2Fb`. */
export function canonicalRef(ref: string): string {
  const tokens = refTokens(ref);
  return Array.isArray(tokens) ? `#${formatPointer(tokens)}` : ref;
}

/** Follows `$ref`s from `schema` to the first schema that is not only a reference; a broken or cyclic chain stops where it breaks. */
export function followRefs<T>(schema: T, root: unknown): T {
  const seen = new Set<string>();
  let current: unknown = schema;
  while (isSchemaObject(current) && typeof current.$ref === 'string') {
    const target = resolveLocalRef(root, current.$ref);
    if (target === undefined || seen.has(target.pointer) || (typeof target.value !== 'object' && typeof target.value !== 'boolean')) break;
    seen.add(target.pointer);
    current = target.value;
  }
  return current as T;
}

/**
 * Keywords whose subschemas apply to the very value their schema applies to.
 * A `$ref` cycle through only these (and `$ref`) checks one value forever:
 * ajv's code recurses without end and json-schema-to-typescript overflows.
 * A cycle through `properties`, `items` and the like is recursion over a
 * smaller value, which every stage supports.
 */
const SAME_VALUE_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependencies', 'dependentSchemas']);

export interface RefCycle {
  /** Pointer (in the root) of the `$ref` keyword that closes the cycle. */
  readonly at: string;
  /** The schemas of the cycle, as canonical refs, starting and ending with the same one: `#/definitions/a`, `#/definitions/b`, `#/definitions/a`. */
  readonly path: readonly string[];
}

/** The first `$ref` cycle in `root` that never moves to a property or item of the value, or undefined. */
export function findSameValueRefCycle(root: unknown): RefCycle | undefined {
  const schemas = new Map<string, SchemaObject>();
  walkSubschemas(root, (schema, pointer) => schemas.set(pointer, schema));
  /** The schemas `pointer`'s schema applies to the same value: in-place subschemas and its `$ref` target. */
  const next = (pointer: string): { pointer: string; viaRef: boolean }[] => {
    const schema = schemas.get(pointer);
    if (schema === undefined) return [];
    const found = childSubschemas(schema)
      .filter((child) => SAME_VALUE_KEYWORDS.has(child.keyword))
      .map((child) => ({ pointer: pointer + formatPointer(child.tokens), viaRef: false }));
    if (typeof schema.$ref === 'string') {
      const target = resolveLocalRef(root, schema.$ref);
      if (target !== undefined && isSchemaObject(target.value)) found.push({ pointer: target.pointer, viaRef: true });
    }
    return found;
  };
  const done = new Set<string>();
  for (const start of schemas.keys()) {
    if (done.has(start)) continue;
    // Depth-first without recursion: a long chain of definitions must not overflow the stack here either.
    const onPath = new Map<string, number>([[start, 0]]);
    const path = [start];
    const pending = [next(start)];
    while (pending.length > 0) {
      const edges = pending.at(-1)!;
      const edge = edges.shift();
      if (edge === undefined) {
        pending.pop();
        const finished = path.pop()!;
        onPath.delete(finished);
        done.add(finished);
        continue;
      }
      const index = onPath.get(edge.pointer);
      if (index !== undefined) {
        const cycle = [...path.slice(index), edge.pointer];
        // The `$ref` that leads back: the last schema on the path whose reference is followed.
        const closing = edge.viaRef ? path.at(-1)! : lastRefOn(cycle, schemas);
        return { at: `${closing}/$ref`, path: cycle.map((pointer) => `#${pointer}`) };
      }
      if (done.has(edge.pointer)) continue;
      onPath.set(edge.pointer, path.length);
      path.push(edge.pointer);
      pending.push(next(edge.pointer));
    }
  }
  return undefined;
}

function lastRefOn(cycle: readonly string[], schemas: ReadonlyMap<string, SchemaObject>): string {
  return [...cycle].reverse().find((pointer) => typeof schemas.get(pointer)?.$ref === 'string') ?? cycle[0]!;
}
