// Structural comparison of two JSON Schemas, classified from the point of view
// of code that already sends payloads valid under the old schema: a change is
// breaking when some of those payloads may fail the new schema, compatible
// when everything the old schema accepted is still accepted.
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import { canonicalJson, sameJson } from '../schema/canonical-json.js';
import { canonicalRef, followRefs } from '../schema/resolve-ref.js';
import { escapePointerToken } from '../schema/json-pointer.js';
import { describeTypes, typeSet, typesLost } from '../schema/type-set.js';
import { countOf } from '../messages/plural.js';

export interface SchemaChange {
  /** JSON pointer into the compared schema: `/properties/products/items/properties/price`. */
  readonly pointer: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly breaking: boolean;
  /** Whether the generated TypeScript type (and so the wrapper's signature) changes. */
  readonly affectsType: boolean;
  /** What changed, as a phrase without trailing period: `became required`. */
  readonly message: string;
}

/** Keys that carry data about the schema, not constraints; their changes are not reported. */
const IGNORED = new Set(['$schema', '$id', 'id', '$comment', 'examples', 'default', 'eventMetadata', 'key', 'definitions', '$defs', '$ref']);
/** Documentation keys: reported, always compatible. */
const ANNOTATIONS = new Set(['description', 'title', 'labels']);
/** Lower bounds: raising or adding one narrows. */
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
/** Upper bounds: lowering or adding one narrows. */
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
/** Keywords whose addition or change narrows and whose removal widens. */
const RESTRICTIONS = ['pattern', 'format', 'multipleOf'] as const;
const HANDLED = new Set<string>([
  'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'oneOf', 'allOf', 'uniqueItems',
  ...LOWER_BOUNDS, ...UPPER_BOUNDS, ...RESTRICTIONS,
]);

type JsonSchemaLike = JSONSchema7Definition;

export function compareSchemas(before: JsonSchemaLike, after: JsonSchemaLike): SchemaChange[] {
  const changes: SchemaChange[] = [];
  compareNode({ beforeRoot: before, afterRoot: after, changes, visiting: new Set() }, before, after, '');
  return changes;
}

interface Context {
  readonly beforeRoot: JsonSchemaLike;
  readonly afterRoot: JsonSchemaLike;
  readonly changes: SchemaChange[];
  /** `$ref` pairs being compared, so recursive definitions end. */
  readonly visiting: Set<string>;
}

function compareNode(ctx: Context, rawBefore: JsonSchemaLike, rawAfter: JsonSchemaLike, pointer: string): void {
  const refKey = refPair(rawBefore, rawAfter);
  if (refKey !== undefined) {
    if (ctx.visiting.has(refKey)) return;
    ctx.visiting.add(refKey);
  }
  // `true` accepts anything, exactly like `{}`, which reads better in messages ("type narrowed from any").
  const before = asObject(followRefs(rawBefore, ctx.beforeRoot));
  const after = asObject(followRefs(rawAfter, ctx.afterRoot));
  if (typeof before === 'boolean' || typeof after === 'boolean') {
    compareBooleanSchemas(ctx, before, after, pointer);
  } else if (!sameJson(before, after)) {
    compareObjects(ctx, before, after, pointer);
  }
  if (refKey !== undefined) ctx.visiting.delete(refKey);
}

function refPair(before: JsonSchemaLike, after: JsonSchemaLike): string | undefined {
  // Canonical, so `#/definitions/a%2Fb` and `#/definitions/a~1b` are one definition.
  const ref = (schema: JsonSchemaLike) => (typeof schema === 'object' && typeof schema.$ref === 'string' ? canonicalRef(schema.$ref) : undefined);
  return ref(before) !== undefined || ref(after) !== undefined ? `${ref(before) ?? ''}\u0000${ref(after) ?? ''}` : undefined;
}

function asObject(schema: JsonSchemaLike): JsonSchemaLike {
  return schema === true ? {} : schema;
}

/** Only `false` (accepts nothing) is left as a boolean here. */
function compareBooleanSchemas(ctx: Context, before: JsonSchemaLike, after: JsonSchemaLike, pointer: string): void {
  if (sameJson(before, after)) return;
  if (after === false) push(ctx, pointer, 'changed', true, true, 'no value is allowed any more');
  else push(ctx, pointer, 'changed', false, true, 'values are allowed now');
}

function compareObjects(ctx: Context, before: JSONSchema7, after: JSONSchema7, pointer: string): void {
  compareAnnotations(ctx, before, after, pointer);
  compareTypes(ctx, before, after, pointer);
  compareValues(ctx, before, after, pointer);
  for (const keyword of RESTRICTIONS) compareRestriction(ctx, keyword, before[keyword], after[keyword], pointer);
  for (const keyword of LOWER_BOUNDS) compareBound(ctx, keyword, before[keyword], after[keyword], pointer, 'lower');
  for (const keyword of UPPER_BOUNDS) compareBound(ctx, keyword, before[keyword], after[keyword], pointer, 'upper');
  if (before.uniqueItems !== after.uniqueItems) {
    const now = after.uniqueItems === true;
    push(ctx, pointer, 'changed', now, false, now ? 'items must now be unique' : 'items no longer need to be unique');
  }
  compareProperties(ctx, before, after, pointer);
  compareAdditionalProperties(ctx, before.additionalProperties, after.additionalProperties, pointer);
  compareItems(ctx, before.items, after.items, pointer);
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) compareBranches(ctx, keyword, before[keyword], after[keyword], pointer);
  compareOtherKeywords(ctx, before, after, pointer);
}

function compareAnnotations(ctx: Context, before: JSONSchema7, after: JSONSchema7, pointer: string): void {
  for (const keyword of ANNOTATIONS) {
    const a = (before as Record<string, unknown>)[keyword];
    const b = (after as Record<string, unknown>)[keyword];
    if (sameJson(a, b)) continue;
    const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    push(ctx, pointer, 'changed', false, false, `${keyword} ${change}`);
  }
}

function compareTypes(ctx: Context, before: JSONSchema7, after: JSONSchema7, pointer: string): void {
  const from = typeSet(before);
  const to = typeSet(after);
  if (describeTypes(from) === describeTypes(to)) return;
  const lost = typesLost(from, to);
  const gained = typesLost(to, from);
  const onlyNull = (types: readonly string[]) => types.length === 1 && types[0] === 'null';
  let message: string;
  if (lost.length === 0) message = onlyNull(gained) ? 'became nullable' : `type widened from ${describeTypes(from)} to ${describeTypes(to)}`;
  else if (gained.length === 0) message = onlyNull(lost) ? 'no longer nullable' : `type narrowed from ${describeTypes(from)} to ${describeTypes(to)}`;
  else message = `type changed from ${describeTypes(from)} to ${describeTypes(to)}`;
  push(ctx, pointer, 'changed', lost.length > 0, true, message);
}

function compareValues(ctx: Context, before: JSONSchema7, after: JSONSchema7, pointer: string): void {
  const allowed = (schema: JSONSchema7) => (schema.const !== undefined ? [schema.const] : schema.enum);
  const from = allowed(before);
  const to = allowed(after);
  if (sameJson(from, to)) return;
  if (to === undefined) {
    push(ctx, pointer, 'changed', false, true, `no longer restricted to ${listValues(from ?? [])}`);
    return;
  }
  if (from === undefined) {
    push(ctx, pointer, 'changed', true, true, `now restricted to ${listValues(to)}`);
    return;
  }
  const removed = difference(from, to);
  const added = difference(to, from);
  if (removed.length > 0) push(ctx, pointer, 'changed', true, true, `allowed values removed: ${listValues(removed)}`);
  if (added.length > 0) push(ctx, pointer, 'changed', false, true, `allowed values added: ${listValues(added)}`);
}

function compareRestriction(ctx: Context, keyword: string, before: unknown, after: unknown, pointer: string): void {
  if (sameJson(before, after)) return;
  const what = keyword === 'pattern' ? 'permitted-value pattern' : keyword;
  if (after === undefined) push(ctx, pointer, 'changed', false, false, `${what} ${JSON.stringify(before)} removed`);
  else if (before === undefined) push(ctx, pointer, 'changed', true, false, `${what} ${JSON.stringify(after)} added`);
  else push(ctx, pointer, 'changed', true, false, `${what} changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
}

function compareBound(ctx: Context, keyword: string, before: unknown, after: unknown, pointer: string, side: 'lower' | 'upper'): void {
  if (before === after) return;
  if (typeof before !== 'number' && typeof after !== 'number') {
    compareRestriction(ctx, keyword, before, after, pointer); // draft-4 boolean exclusive bounds
    return;
  }
  if (after === undefined) {
    push(ctx, pointer, 'changed', false, false, `${keyword} ${String(before)} removed`);
  } else if (before === undefined) {
    push(ctx, pointer, 'changed', true, false, `${keyword} ${String(after)} added`);
  } else {
    const tightened = side === 'lower' ? Number(after) > Number(before) : Number(after) < Number(before);
    push(ctx, pointer, 'changed', tightened, false, `${keyword} ${tightened ? 'tightened' : 'relaxed'} from ${String(before)} to ${String(after)}`);
  }
}

function compareProperties(ctx: Context, before: JSONSchema7, after: JSONSchema7, pointer: string): void {
  const beforeProps = before.properties ?? {};
  const afterProps = after.properties ?? {};
  const beforeRequired = new Set(before.required ?? []);
  const afterRequired = new Set(after.required ?? []);
  const names = [...new Set([...Object.keys(beforeProps), ...Object.keys(afterProps), ...beforeRequired, ...afterRequired])].sort();
  for (const name of names) {
    const at = `${pointer}/properties/${escapePointerToken(name)}`;
    const was = Object.hasOwn(beforeProps, name) || beforeRequired.has(name);
    const is = Object.hasOwn(afterProps, name) || afterRequired.has(name);
    if (!was) {
      const required = afterRequired.has(name);
      push(ctx, at, 'added', required, true, required ? 'required property added' : 'optional property added');
      continue;
    }
    if (!is) {
      const forbidden = after.additionalProperties === false;
      push(
        ctx,
        at,
        'removed',
        forbidden,
        true,
        forbidden ? 'property removed while extra properties are forbidden, so payloads that still send it fail' : 'property removed',
      );
      continue;
    }
    if (!beforeRequired.has(name) && afterRequired.has(name)) push(ctx, at, 'changed', true, true, 'became required');
    if (beforeRequired.has(name) && !afterRequired.has(name)) push(ctx, at, 'changed', false, true, 'became optional');
    compareNode(ctx, beforeProps[name] ?? true, afterProps[name] ?? true, at);
  }
}

function compareAdditionalProperties(ctx: Context, before: JsonSchemaLike | undefined, after: JsonSchemaLike | undefined, pointer: string): void {
  if (sameJson(before, after)) return;
  const forbids = (value: JsonSchemaLike | undefined) => value === false;
  if (forbids(after)) {
    push(ctx, pointer, 'changed', true, true, 'extra properties are now forbidden');
  } else if (forbids(before)) {
    push(ctx, pointer, 'changed', false, true, 'extra properties are now allowed');
  } else {
    compareNode(ctx, before ?? true, after ?? true, `${pointer}/additionalProperties`);
  }
}

function compareItems(ctx: Context, before: JSONSchema7['items'], after: JSONSchema7['items'], pointer: string): void {
  if (sameJson(before, after)) return;
  if (Array.isArray(before) || Array.isArray(after)) {
    // Tuples are rare in plans; any change to one may reject old arrays.
    push(ctx, `${pointer}/items`, 'changed', true, true, 'tuple items changed');
    return;
  }
  compareNode(ctx, before ?? true, after ?? true, `${pointer}/items`);
}

/**
 * anyOf/oneOf branches widen as they are added; allOf branches narrow. Lists of
 * equal length are compared branch by branch, others as sets.
 */
function compareBranches(
  ctx: Context,
  keyword: 'anyOf' | 'oneOf' | 'allOf',
  before: readonly JsonSchemaLike[] | undefined,
  after: readonly JsonSchemaLike[] | undefined,
  pointer: string,
): void {
  if (sameJson(before, after)) return;
  if (before !== undefined && after !== undefined && before.length === after.length) {
    before.forEach((branch, index) => compareNode(ctx, branch, after[index] ?? true, `${pointer}/${keyword}/${index}`));
    return;
  }
  const narrowsWhenAdded = keyword === 'allOf';
  const added = difference(after ?? [], before ?? []).length;
  const removed = difference(before ?? [], after ?? []).length;
  if (added > 0) push(ctx, `${pointer}/${keyword}`, 'changed', narrowsWhenAdded, true, `${countOf(added, 'branch', 'branches')} added to ${keyword}`);
  if (removed > 0) push(ctx, `${pointer}/${keyword}`, 'changed', !narrowsWhenAdded, true, `${countOf(removed, 'branch', 'branches')} removed from ${keyword}`);
}

/** Keywords this module does not model: any change may reject old payloads. */
function compareOtherKeywords(ctx: Context, before: JSONSchema7, after: JSONSchema7, pointer: string): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    if (IGNORED.has(key) || ANNOTATIONS.has(key) || HANDLED.has(key)) continue;
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (!sameJson(a, b)) push(ctx, pointer, 'changed', true, false, `${key} ${a === undefined ? 'added' : b === undefined ? 'removed' : 'changed'}`);
  }
}

function push(ctx: Context, pointer: string, change: SchemaChange['change'], breaking: boolean, affectsType: boolean, message: string): void {
  ctx.changes.push({ pointer, change, breaking, affectsType, message });
}

function difference(from: readonly unknown[], to: readonly unknown[]): unknown[] {
  const keep = new Set(to.map(canonicalJson));
  return from.filter((value) => !keep.has(canonicalJson(value)));
}

function listValues(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}
