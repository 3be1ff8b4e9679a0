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
  const hashes: string[] = [];
  const sizes: number[] = [];
  if (isSchemaObject(schema)) {
    forEachShareable(schema, function visit(subschema) {
      const index = hashes.length;
      const candidate = holdsSubschemas(subschema);
      if (candidate) {
        hashes.push(textDigest(JSON.stringify(subschema)));
        sizes.push(1);
      }
      forEachShareable(subschema, visit);
      if (candidate) sizes[index] = hashes.length - index;
    });
  }
  return { hashes, sizes };
}

/**
 * `keyPrefix`: an identifier prefix no schema contains; `keyword`: the sharing keyword, which no schema uses.
 * `schemaTexts`: each schema's JSON.stringify, when the caller has it already; `candidates`: each schema's
 * sharingCandidates, and `eligibility` each one's sharingEligible, where the caller kept them.
 */
export function shareRepeatedSubschemas(
  schemas: readonly JsonSchema[],
  keyPrefix: string,
  keyword: string,
  schemaTexts?: readonly string[],
  candidates: readonly (SharingCandidates | undefined)[] = [],
  eligibility?: readonly boolean[],
): SharingPlan {
  const eligible = eligibility ?? (schemaTexts ?? schemas.map((schema) => JSON.stringify(schema))).map(sharingEligible);
  const found = schemas.map((schema, index) => (eligible[index] ? (candidates[index] ?? sharingCandidates(schema)) : undefined));
  // A subschema is shared when its text occurs twice or more among the eligible schemas (copies inside a shared one count too).
  const counts = new Map<string, number>();
  for (const schemaCandidates of found) {
    if (schemaCandidates !== undefined) for (const hash of schemaCandidates.hashes) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  }
  const shared = new Map<string, SharedSchema>();
  // The replacing walk meets the candidates in sharingCandidates' order; `next` is the next one's index.
  let current: SharingCandidates = { hashes: [], sizes: [] };
  let next = 0;
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
    const index = next++;
    const hash = current.hashes[index]!;
    if ((counts.get(hash) ?? 0) < 2) return replace(node);
    next = index + current.sizes[index]!;
    const key = `${keyPrefix}s${hash}`;
    if (!shared.has(key)) shared.set(key, { key, hash, schema: node as JsonSchema });
    return { [keyword]: key };
  };
  const replaced = schemas.map((schema, index) => {
    const schemaCandidates = found[index];
    if (schemaCandidates === undefined || !isSchemaObject(schema)) return schema;
    current = schemaCandidates;
    next = 0;
    const result = replace(schema) as JsonSchema;
    // Kept candidates that do not fit their schema would misplace every call: refuse rather than emit wrong code.
    if (next !== current.hashes.length || current.sizes.length !== current.hashes.length) throw new Error(`sharing: the candidates of schema ${index} do not match it`);
    return result;
  });
  const sorted = [...shared.values()].sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
  return { schemas: replaced, shared: sorted };
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
