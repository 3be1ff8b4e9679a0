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
import { createHash } from 'node:crypto';
import type { JsonSchema } from '../../model/types.js';
import { isSchemaObject, mapKeywordSubschemas, subschemaKind, type SchemaObject } from '../../schema/walk-subschemas.js';

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

/**
 * `keyPrefix`: an identifier prefix no schema contains; `keyword`: the sharing keyword, which no schema uses.
 * `schemaTexts`: each schema's JSON.stringify, when the caller has it already.
 */
export function shareRepeatedSubschemas(schemas: readonly JsonSchema[], keyPrefix: string, keyword: string, schemaTexts: readonly string[] = schemas.map((schema) => JSON.stringify(schema))): SharingPlan {
  const eligible = schemaTexts.map((text) => !POSITION_DEPENDENT.test(text));
  // Each candidate's text, computed once: the counting and the replacing pass meet the same objects.
  const texts = new Map<SchemaObject, string | undefined>();
  const textOf = (node: SchemaObject): string | undefined => {
    if (!texts.has(node)) texts.set(node, holdsSubschemas(node) ? JSON.stringify(node) : undefined);
    return texts.get(node);
  };
  const counts = new Map<string, number>();
  schemas.forEach((schema, index) => {
    if (!eligible[index] || !isSchemaObject(schema)) return;
    forEachShareable(schema, function count(subschema) {
      const text = textOf(subschema);
      if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + 1);
      forEachShareable(subschema, count);
    });
  });
  const shared = new Map<string, SharedSchema>();
  const replace = (node: SchemaObject): SchemaObject =>
    Object.fromEntries(
      Object.entries(node).map(([name, child]): [string, unknown] => [
        name,
        SHAREABLE_UNDER.has(name) ? mapKeywordSubschemas(name, child, (subschema) => shareOrDescend(subschema)) : child,
      ]),
    );
  const shareOrDescend = (node: SchemaObject): SchemaObject => {
    const text = textOf(node);
    if (text === undefined || (counts.get(text) ?? 0) < 2) return replace(node);
    const hash = createHash('sha256').update(text).digest('hex');
    const key = `${keyPrefix}s${hash}`;
    if (!shared.has(key)) shared.set(key, { key, hash, schema: node as JsonSchema });
    return { [keyword]: key };
  };
  const replaced = schemas.map((schema, index) => (eligible[index] && isSchemaObject(schema) ? (replace(schema) as JsonSchema) : schema));
  const sorted = [...shared.values()].sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
  return { schemas: replaced, shared: sorted };
}

/** Calls `visit` on each object subschema directly below `node`, under the keywords where sharing may reach. */
function forEachShareable(node: SchemaObject, visit: (subschema: SchemaObject) => void): void {
  for (const [name, child] of Object.entries(node)) {
    if (!SHAREABLE_UNDER.has(name)) continue;
    forEachSubschema(name, child, visit);
  }
}

/** Whether a subschema is worth a function: it holds object subschemas of its own. */
function holdsSubschemas(node: SchemaObject): boolean {
  for (const [name, child] of Object.entries(node)) {
    let found = false;
    forEachSubschema(name, child, () => (found = true));
    if (found) return true;
  }
  return false;
}

function forEachSubschema(keyword: string, value: unknown, visit: (subschema: SchemaObject) => void): void {
  switch (subschemaKind(keyword)) {
    case 'schema':
      if (isSchemaObject(value)) visit(value);
      return;
    case 'schemaOrList':
    case 'list':
      if (Array.isArray(value)) for (const child of value) if (isSchemaObject(child)) visit(child);
      if (isSchemaObject(value) && subschemaKind(keyword) === 'schemaOrList') visit(value);
      return;
    case 'map':
      if (isSchemaObject(value)) for (const child of Object.values(value)) if (isSchemaObject(child)) visit(child);
      return;
    case undefined:
      return;
  }
}
