// Local `$ref`s, resolved exactly as ajv resolves them (ajv's getJsonPointer):
// the fragment after `#` is split on `/` first, then each token is
// percent-decoded and unescaped (`~1` -> `/`, `~0` -> `~`), so
// `#/definitions/a%2Fb` and `#/definitions/a~1b` both name the definition
// `a/b`. `#` and `#/` are the root. Plan schemas are self-contained: a `$ref`
// to another document resolves to nothing. The load checks, the types and diff
// all resolve through here (test/schema/resolve-ref.test.ts compares with ajv).
import { formatPointer, unescapePointerToken } from './json-pointer.js';
import { childSubschemas, isSchemaObject, someSubschema, walkSubschemas, type SchemaObject } from './walk-subschemas.js';

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
  // Without a reference there is no cycle; most plan schemas have none, and this check runs on every one.
  if (!isSchemaObject(root) || !someSubschema(root, (schema) => typeof schema.$ref === 'string')) return undefined;
  // Every cycle follows at least one `$ref`, so it passes through a reference's target: searching from the
  // targets finds them all, and visits only the schemas that apply to the same value as a target.
  const targets = new Map<string, SchemaObject>();
  /** Where each `$ref` comes in the document, so the error names the one written last in the cycle. */
  const refOrder = new Map<string, number>();
  walkSubschemas(root, (schema, pointer) => {
    const target = typeof schema.$ref === 'string' ? resolveLocalRef(root, schema.$ref) : undefined;
    if (target === undefined || !isSchemaObject(target.value)) return;
    targets.set(target.pointer, target.value);
    refOrder.set(pointer, refOrder.size);
  });
  const next = (pointer: string, schema: SchemaObject): Step[] => {
    const steps = childSubschemas(schema)
      .filter((child) => SAME_VALUE_KEYWORDS.has(child.keyword))
      .map((child): Step => ({ pointer: pointer + formatPointer(child.tokens), schema: child.schema }));
    const target = typeof schema.$ref === 'string' ? resolveLocalRef(root, schema.$ref) : undefined;
    if (target !== undefined && isSchemaObject(target.value)) steps.push({ pointer: target.pointer, schema: target.value });
    return steps;
  };
  const done = new Set<string>();
  for (const [start, startSchema] of targets) {
    if (done.has(start)) continue;
    // Depth-first without recursion: a long chain of definitions must not overflow the stack here either.
    const onPath = new Map<string, number>([[start, 0]]);
    const path = [start];
    const pending = [next(start, startSchema)];
    while (pending.length > 0) {
      const step = pending.at(-1)!.shift();
      if (step === undefined) {
        pending.pop();
        const finished = path.pop()!;
        onPath.delete(finished);
        done.add(finished);
        continue;
      }
      const index = onPath.get(step.pointer);
      if (index !== undefined) return describeCycle(path.slice(index), refOrder);
      if (done.has(step.pointer)) continue;
      onPath.set(step.pointer, path.length);
      path.push(step.pointer);
      pending.push(next(step.pointer, step.schema));
    }
  }
  return undefined;
}

/** A schema that applies to the same value, reached through an in-place keyword or a `$ref`. */
interface Step {
  readonly pointer: string;
  readonly schema: SchemaObject;
}

/**
 * The cycle told from the `$ref` written last in the document: that reference closes it (`#/definitions/a` ->
 * `#/definitions/b` -> `#/definitions/a` is closed by b's `$ref`), whichever schema the search started from.
 */
function describeCycle(cycle: readonly string[], refOrder: ReadonlyMap<string, number>): RefCycle {
  let closing = 0;
  cycle.forEach((pointer, index) => {
    if ((refOrder.get(pointer) ?? -1) > (refOrder.get(cycle[closing]!) ?? -1)) closing = index;
  });
  const rotated = [...cycle.slice(closing + 1), ...cycle.slice(0, closing + 1)];
  return { at: `${cycle[closing]}/$ref`, path: [...rotated, rotated[0]!].map((pointer) => `#${pointer}`) };
}
