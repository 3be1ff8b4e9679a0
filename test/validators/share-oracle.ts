// The slow path of shareRepeatedSubschemas as it was before sharing's candidates were kept per schema
// (shared-subschemas.ts, sharingCandidates): it spelled every candidate subschema as JSON and counted
// texts. Kept verbatim as the oracle of test/validators/sharing-candidates.test.ts.
import { createHash } from 'node:crypto';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';
import { isSchemaObject, mapKeywordSubschemas, subschemaKind, type SchemaObject } from '../../packages/cli/src/schema/walk-subschemas.js';
import type { SharedSchema, SharingPlan } from '../../packages/cli/src/generate/validators/shared-subschemas.js';

const SHAREABLE_UNDER = new Set(['properties', 'patternProperties', 'additionalProperties', 'dependencies', 'dependentSchemas', 'items', 'prefixItems', 'additionalItems', 'allOf', 'anyOf', 'oneOf', 'then', 'else']);
const POSITION_DEPENDENT = new RegExp(
  ['$ref', '$id', '$anchor', '$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor', '$data', 'unevaluatedProperties', 'unevaluatedItems', 'discriminator']
    .map((keyword) => JSON.stringify(keyword).replaceAll('$', '\\$'))
    .join('|'),
);

export function oracleShareRepeatedSubschemas(schemas: readonly JsonSchema[], keyPrefix: string, keyword: string, schemaTexts: readonly string[] = schemas.map((schema) => JSON.stringify(schema))): SharingPlan {
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
