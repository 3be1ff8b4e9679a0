// The one list of JSON Schema keywords that hold subschemas (draft-07, 2019-09,
// and 2020-12's prefixItems), and the walks built on it. Every stage that looks
// for keywords inside a schema goes through here, so a keyword read in one stage
// is read in all: a property named "pattern", an enum value that looks like a
// schema, or the string list of a `dependencies` entry is data, never a schema.
import { childPointer } from './json-pointer.js';

export type SchemaObject = Record<string, unknown>;

/**
 * How a keyword holds subschemas:
 * - `schema`: its value is one subschema (`not`, `additionalProperties`);
 * - `schemaOrList`: one subschema, or a list of them (`items` before 2020-12);
 * - `list`: a list of subschemas (`allOf`);
 * - `map`: an object whose values are subschemas (`properties`); values that are
 *   not schemas are skipped (`dependencies` also maps names to lists of names).
 */
export type SubschemaKind = 'schema' | 'schemaOrList' | 'list' | 'map';

/** From the meta-schemas (test/schema/walk-subschemas.test.ts checks this against ajv's own). */
export const SUBSCHEMA_KEYWORDS: Readonly<Record<string, SubschemaKind>> = Object.freeze({
  // any instance
  not: 'schema',
  if: 'schema',
  then: 'schema',
  else: 'schema',
  allOf: 'list',
  anyOf: 'list',
  oneOf: 'list',
  // objects
  properties: 'map',
  patternProperties: 'map',
  additionalProperties: 'schema',
  propertyNames: 'schema',
  dependencies: 'map',
  dependentSchemas: 'map',
  unevaluatedProperties: 'schema',
  // arrays
  items: 'schemaOrList',
  prefixItems: 'list',
  additionalItems: 'schema',
  contains: 'schema',
  unevaluatedItems: 'schema',
  // strings (2019-09 content vocabulary; an annotation, but a schema all the same)
  contentSchema: 'schema',
  // reusable schemas
  definitions: 'map',
  $defs: 'map',
});

/** The same list as a Map: every walk asks it for every key of every schema, and a Map has no inherited keys to exclude. */
const KIND_BY_KEYWORD: ReadonlyMap<string, SubschemaKind> = new Map(Object.entries(SUBSCHEMA_KEYWORDS));

export function subschemaKind(keyword: string): SubschemaKind | undefined {
  // Own keys only: `constructor` or `toString` is no keyword.
  return KIND_BY_KEYWORD.get(keyword);
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value of `keyword` rebuilt with `fn` applied to each object subschema it
 * holds; `tokens` are the pointer tokens below the keyword ([] for a single
 * schema, [index] in a list, [name] in a map). Any other value is returned as is.
 * Maps are rebuilt with Object.fromEntries, so a name like `__proto__` stays an own key.
 */
export function mapKeywordSubschemas(keyword: string, value: unknown, fn: (subschema: SchemaObject, tokens: readonly string[]) => unknown): unknown {
  const kind = subschemaKind(keyword);
  if (kind === undefined) return value;
  const one = (child: unknown, tokens: readonly string[]): unknown => (isSchemaObject(child) ? fn(child, tokens) : child);
  const list = (children: readonly unknown[]): unknown[] => children.map((child, index) => one(child, [String(index)]));
  switch (kind) {
    case 'schema':
      return one(value, []);
    case 'schemaOrList':
      return Array.isArray(value) ? list(value) : one(value, []);
    case 'list':
      return Array.isArray(value) ? list(value) : value;
    case 'map':
      return isSchemaObject(value) ? mapValues(value, one) : value;
  }
}

/**
 * mapKeywordSubschemas for a rewrite that usually changes nothing: `value` itself when `fn` gives back every
 * child unchanged (the same object), else the rebuilt value, as mapKeywordSubschemas gives it.
 */
export function mapChangedSubschemas(keyword: string, value: unknown, fn: (subschema: SchemaObject) => unknown): unknown {
  // Written out rather than built on the walks above: a load runs it on every keyword of every schema, mostly
  // before V8 has optimized anything, so it allocates nothing until a child changes.
  const kind = subschemaKind(keyword);
  if (kind === undefined) return value;
  if (kind === 'map') {
    if (!isSchemaObject(value)) return value;
    const names = Object.keys(value);
    let mapped: SchemaObject | undefined;
    for (let index = 0; index < names.length; index++) {
      const child = value[names[index]!];
      const next = isSchemaObject(child) ? fn(child) : child;
      if (mapped === undefined && next !== child) {
        mapped = {};
        for (let before = 0; before < index; before++) setOwn(mapped, names[before]!, value[names[before]!]);
      }
      if (mapped !== undefined) setOwn(mapped, names[index]!, next);
    }
    return mapped ?? value;
  }
  if (Array.isArray(value)) {
    if (kind === 'schema') return value; // one schema, and a list is none
    let mapped: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const child: unknown = value[index];
      const next = isSchemaObject(child) ? fn(child) : child;
      if (mapped === undefined && next !== child) mapped = value.slice(0, index);
      mapped?.push(next);
    }
    return mapped ?? value;
  }
  return kind !== 'list' && isSchemaObject(value) ? fn(value) : value;
}

/** `object[name] = value` as an own data property, also for `__proto__` (assigning that would set the prototype). */
export function setOwn(object: SchemaObject, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
  else object[name] = value;
}

/**
 * A map's values through `one`, under the same own keys in the same order (what Object.fromEntries of its
 * entries gives, without three arrays per entry: the hottest line of every walk over a large plan).
 */
function mapValues(value: SchemaObject, one: (child: unknown, tokens: readonly string[]) => unknown): SchemaObject {
  const mapped: SchemaObject = {};
  for (const name of Object.keys(value)) {
    setOwn(mapped, name, one(value[name], [name]));
  }
  return mapped;
}

export interface ChildSubschema {
  readonly keyword: string;
  /** Pointer tokens from the parent schema: `['properties', 'a/b']`, `['allOf', '0']`, `['not']`. */
  readonly tokens: readonly string[];
  readonly schema: SchemaObject;
}

/** The object subschemas held directly by `schema`, in key order (boolean schemas hold nothing to visit). */
export function childSubschemas(schema: SchemaObject): ChildSubschema[] {
  const children: ChildSubschema[] = [];
  someChildSubschema(schema, (child, keyword, under) => {
    children.push({ keyword, tokens: under === undefined ? [keyword] : [keyword, under], schema: child });
    return false;
  });
  return children;
}

/**
 * Whether `test` holds for an object subschema `schema` holds directly, tried in key order (the children
 * mapKeywordSubschemas maps, in its order) until one does: `under` is the index or name below a list or map
 * keyword. It builds nothing, which the walks of every node of a large plan below need.
 */
export function someChildSubschema(schema: SchemaObject, test: (child: SchemaObject, keyword: string, under: string | undefined) => boolean): boolean {
  for (const keyword of Object.keys(schema)) {
    if (someKeywordSubschema(keyword, schema[keyword], test)) return true;
  }
  return false;
}

/** someChildSubschema for one keyword's value. */
function someKeywordSubschema(keyword: string, value: unknown, test: (child: SchemaObject, keyword: string, under: string | undefined) => boolean): boolean {
  const kind = subschemaKind(keyword);
  if (kind === undefined) return false;
  if (kind === 'map') {
    if (!isSchemaObject(value)) return false;
    for (const name of Object.keys(value)) {
      const child = value[name];
      if (isSchemaObject(child) && test(child, keyword, name)) return true;
    }
  } else if (Array.isArray(value)) {
    if (kind === 'schema') return false; // one schema, and a list is none
    for (let index = 0; index < value.length; index++) {
      const child: unknown = value[index];
      if (isSchemaObject(child) && test(child, keyword, String(index))) return true;
    }
  } else if (kind !== 'list' && isSchemaObject(value)) {
    return test(value, keyword, undefined);
  }
  return false;
}

/**
 * Calls `visit` with `schema` and every object subschema below it, parents first (references not followed): the
 * nodes someSubschema tries, in its order. Written out with one call per node, for the walks over every schema of
 * a plan that run before V8 has optimized anything (a fresh process).
 */
export function forEachSubschema(schema: unknown, visit: (schema: SchemaObject) => void): void {
  if (!isSchemaObject(schema)) return;
  visit(schema);
  for (const keyword of Object.keys(schema)) {
    const kind = KIND_BY_KEYWORD.get(keyword);
    if (kind === undefined) continue;
    const value = schema[keyword];
    if (kind === 'map') {
      if (!isSchemaObject(value)) continue;
      for (const name of Object.keys(value)) forEachSubschema(value[name], visit);
    } else if (Array.isArray(value)) {
      if (kind !== 'schema') for (let index = 0; index < value.length; index++) forEachSubschema(value[index], visit);
    } else if (kind !== 'list') {
      forEachSubschema(value, visit);
    }
  }
}

/** Whether `test` holds for `schema` or any object subschema below it, parents first (references not followed). */
export function someSubschema(schema: unknown, test: (schema: SchemaObject) => boolean): boolean {
  if (!isSchemaObject(schema)) return false;
  return test(schema) || someChildSubschema(schema, (child) => someSubschema(child, test));
}

/**
 * Visits `schema` and every object subschema below it, parents first, with its
 * JSON pointer relative to `pointer`. References are not followed: a definition
 * is visited where it is written, so each keyword is reported once, at the place to edit.
 */
export function walkSubschemas(schema: unknown, visit: (schema: SchemaObject, pointer: string) => void, pointer = ''): void {
  if (!isSchemaObject(schema)) return;
  visit(schema, pointer);
  someChildSubschema(schema, (child, keyword, under) => {
    walkSubschemas(child, visit, under === undefined ? childPointer(pointer, keyword) : childPointer(pointer, keyword, under));
    return false;
  });
}

/**
 * walkSubschemas with the place as pointer tokens (['properties', 'a/b']) rather than a pointer: for a
 * walk that needs the place only now and then (an error), spelling a pointer for every node cost more
 * than the checks on large plans.
 */
export function walkSubschemaPaths(schema: unknown, visit: (schema: SchemaObject, tokens: readonly string[]) => void, tokens: readonly string[] = []): void {
  if (!isSchemaObject(schema)) return;
  visit(schema, tokens);
  someChildSubschema(schema, (child, keyword, under) => {
    walkSubschemaPaths(child, visit, under === undefined ? [...tokens, keyword] : [...tokens, keyword, under]);
    return false;
  });
}
