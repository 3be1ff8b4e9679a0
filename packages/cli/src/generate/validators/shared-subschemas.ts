// A plan repeats itself: the same address object, the same list of line items, in event after
// event. ajv inlines every copy, so each one is compiled, rewritten and shipped again. Here a
// subschema that holds subschemas of its own and occurs more than once in the SDK becomes one
// shared schema, compiled once into one function that every copy calls (shared-keyword.ts);
// the call restates the function's errors at the copy's own schema path, so verdicts and errors
// stay exactly those of the inlined copy.
// Only where that is plainly equivalent: never inside `not`, `if`, `contains` or `propertyNames`
// (ajv compiles those without errors, or with a different instance), and never in a schema that
// names a `$ref`, an `$id`, an anchor, `$data` or an unevaluated* keyword (their meaning depends
// on where the subschema sits).
import type { JsonSchema } from '../../model/types.js';
import { isSchemaObject, mapChangedSubschemas, someChildSubschema, type SchemaObject } from '../../schema/walk-subschemas.js';
import { textDigest } from '../text-digest.js';

/** The @plangen/core/runtime helper that a call of a shared function hands its errors to. */
export const PUSH_SHARED_ERRORS = 'pushSharedErrors';

export interface SharedSchema {
  /** The ajv key it is added under, and the name of its export in ajv's code. */
  readonly key: string;
  /** sha256 of its JSON text: what stable-layout.ts names the function after. */
  readonly hash: string;
  readonly schema: JsonSchema;
}

export interface SharingPlan {
  /** The schemas with every shared subschema replaced by `{ [keyword]: key }`, in input order. */
  readonly schemas: readonly JsonSchema[];
  /** Sorted by key. */
  readonly shared: readonly SharedSchema[];
}

/** Keywords whose subschemas ajv compiles like any other (same data, errors kept). */
const SHAREABLE_UNDER = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'dependencies',
  'dependentSchemas',
  'items',
  'prefixItems',
  'additionalItems',
  'allOf',
  'anyOf',
  'oneOf',
  'then',
  'else',
]);

// Quoted as JSON keys: a text test, so a property or enum value spelled like one only costs sharing.
// One regular expression for all of them: one pass over each schema's text instead of one per keyword
// (eleven searches through every schema were ~10 ms of each generation at 500 events; this is ~2 ms).
const POSITION_DEPENDENT = new RegExp(
  ['$ref', '$id', '$anchor', '$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor', '$data', 'unevaluatedProperties', 'unevaluatedItems', 'discriminator']
    .map((keyword) => JSON.stringify(keyword).replaceAll('$', '\\$'))
    .join('|'),
);

/** Whether sharing may reach into the schema whose JSON is `schemaText` (no position-dependent keyword in it). */
export function sharingEligible(schemaText: string): boolean {
  return !POSITION_DEPENDENT.test(schemaText);
}

/**
 * A schema's candidates for sharing (object subschemas that hold subschemas, under the keywords where sharing may
 * reach), each occurrence in the walk's order: the SHA-256 of its JSON, and how many candidates its subtree holds,
 * itself included (what replacing it by a call skips). A pure function of the schema, so the planning keeps it with
 * the prepared schema (build-validator-module.ts) and a run where one schema changed spells and hashes that one's
 * subschemas only; counting and replacing then read hashes, not texts.
 */
export interface SharingCandidates {
  readonly hashes: readonly string[];
  readonly sizes: readonly number[];
}

export function sharingCandidates(schema: JsonSchema): SharingCandidates {
  if (!isSchemaObject(schema)) return { hashes: [], sizes: [] };
  const { nodes, sizes } = candidateWalk(schema);
  return { hashes: nodes.map((node) => textDigest(JSON.stringify(node))), sizes };
}

/** The schema's candidates in walk order, and how many candidates each one's subtree holds, itself included. */
function candidateWalk(schema: SchemaObject): { nodes: SchemaObject[]; sizes: number[] } {
  const nodes: SchemaObject[] = [];
  const sizes: number[] = [];
  forEachShareable(schema, function visit(subschema) {
    const index = nodes.length;
    const candidate = holdsSubschemas(subschema);
    if (candidate) {
      nodes.push(subschema);
      sizes.push(1);
    }
    forEachShareable(subschema, visit);
    if (candidate) sizes[index] = nodes.length - index;
  });
  return { nodes, sizes };
}

/**
 * `keyPrefix`: an identifier prefix no schema contains; `keyword`: the sharing keyword, which no schema uses.
 * `schemaTexts`: each schema's JSON.stringify, when the caller has it already; `candidates`: each schema's
 * sharingCandidates, and `eligibility` each one's sharingEligible, where the caller kept them.
 * Which subschemas are shared is decided from the candidates alone; a schema is rewritten, and a shared
 * subschema's node found, only when read (`schemas`, `shared[i].schema`, `compiledSchema`): a rerun takes most
 * batches from the cache and never reads theirs (rewriting every schema was ~35 ms of a rerun at 500 events).
 */
export function shareRepeatedSubschemas(
  schemas: readonly JsonSchema[],
  keyPrefix: string,
  keyword: string,
  schemaTexts?: readonly string[],
  candidates: readonly (SharingCandidates | undefined)[] = [],
  eligibility?: readonly boolean[],
): SharingPlan & { compiledSchema(index: number): JsonSchema } {
  const eligible = eligibility ?? (schemaTexts ?? schemas.map((schema) => JSON.stringify(schema))).map(sharingEligible);
  const found = schemas.map((schema, index) => (eligible[index] && isSchemaObject(schema) ? (candidates[index] ?? sharingCandidates(schema)) : undefined));
  // A subschema is shared when its text occurs twice or more among the eligible schemas (copies inside a shared one count too).
  const counts = new Map<string, number>();
  for (const schemaCandidates of found) {
    if (schemaCandidates !== undefined) for (const hash of schemaCandidates.hashes) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  }
  const isShared = (hash: string): boolean => (counts.get(hash) ?? 0) >= 2;
  // The rewriting walk meets the candidates in order and skips a shared one's subtree (`sizes`): walked over the
  // candidates alone, the shared ones it would reach, each at its first occurrence (schema, candidate index).
  const firstAt = new Map<string, { readonly schema: number; readonly candidate: number }>();
  found.forEach((schemaCandidates, schema) => {
    if (schemaCandidates === undefined) return;
    const { hashes, sizes } = schemaCandidates;
    if (sizes.length !== hashes.length) throw new Error(`sharing: the candidates of schema ${schema} do not match it`);
    for (let candidate = 0; candidate < hashes.length; ) {
      if (!isShared(hashes[candidate]!)) {
        candidate++;
        continue;
      }
      const key = `${keyPrefix}s${hashes[candidate]!}`;
      if (!firstAt.has(key)) firstAt.set(key, { schema, candidate });
      candidate += sizes[candidate]!;
    }
  });
  const compiled = new Map<number, JsonSchema>();
  const compiledSchema = (index: number): JsonSchema => {
    let result = compiled.get(index);
    if (result === undefined) {
      const schemaCandidates = found[index];
      result = schemaCandidates === undefined ? schemas[index]! : replaceShared(schemas[index] as SchemaObject, schemaCandidates, isShared, keyPrefix, keyword, index);
      compiled.set(index, result);
    }
    return result;
  };
  const nodes = new Map<number, SchemaObject[]>(); // each schema's candidate nodes in walk order, once one is read
  const shared = [...firstAt.keys()].sort().map((key): SharedSchema => {
    const at = firstAt.get(key)!;
    const hash = key.slice(keyPrefix.length + 1);
    return {
      key,
      hash,
      get schema() {
        let list = nodes.get(at.schema);
        if (list === undefined) nodes.set(at.schema, (list = candidateWalk(schemas[at.schema] as SchemaObject).nodes));
        return list[at.candidate]! as JsonSchema;
      },
    };
  });
  return {
    get schemas() {
      return schemas.map((_schema, index) => compiledSchema(index));
    },
    shared,
    compiledSchema,
  };
}

/** `schema` with each shared candidate replaced by `{ [keyword]: key }`; the candidates must be the schema's own. */
function replaceShared(
  schema: SchemaObject,
  candidates: SharingCandidates,
  isShared: (hash: string) => boolean,
  keyPrefix: string,
  keyword: string,
  index: number,
): JsonSchema {
  let next = 0; // the index of the next candidate the walk meets
  // A node is copied only from its first changed keyword on: most subtrees share nothing, and rebuilding every
  // object of every schema was the largest part of a warm run's sharing (~90 ms at 500 events, fresh process).
  const replace = (node: SchemaObject): SchemaObject => {
    let copy: SchemaObject | undefined;
    for (const name of Object.keys(node)) {
      if (!SHAREABLE_UNDER.has(name)) continue;
      const child = node[name];
      const mapped = mapChangedSubschemas(name, child, shareOrDescend);
      if (mapped === child) continue;
      copy ??= { ...node };
      copy[name] = mapped;
    }
    return copy ?? node;
  };
  const shareOrDescend = (node: SchemaObject): SchemaObject => {
    if (!holdsSubschemas(node)) return replace(node);
    const at = next++;
    const hash = candidates.hashes[at];
    if (hash === undefined || !isShared(hash)) return replace(node);
    next = at + candidates.sizes[at]!;
    return { [keyword]: `${keyPrefix}s${hash}` };
  };
  const result = replace(schema) as JsonSchema;
  // Kept candidates that do not fit their schema would misplace every call: refuse rather than emit wrong code.
  if (next !== candidates.hashes.length) throw new Error(`sharing: the candidates of schema ${index} do not match it`);
  return result;
}

/** Calls `visit` on each object subschema directly below `node`, under the keywords where sharing may reach. */
function forEachShareable(node: SchemaObject, visit: (subschema: SchemaObject) => void): void {
  someChildSubschema(node, (child, keyword) => {
    if (SHAREABLE_UNDER.has(keyword)) visit(child);
    return false;
  });
}

/** Whether a subschema is worth a function: it holds object subschemas of its own. */
function holdsSubschemas(node: SchemaObject): boolean {
  return someChildSubschema(node, () => true);
}
