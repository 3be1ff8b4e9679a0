// Copies of the plan's schemas prepared for typing only (the validators still
// compile the originals): descriptions made comment-safe, permitted-value
// alternations turned into literal unions, schemas without a shape typed
// `unknown`, nested objects named, local `$ref`s re-rooted, names and keys
// replaced by placeholders, and every key that json-schema-to-typescript would
// paste into code as-is (tsType, tsEnumNames) removed.
import type { JsonSchema } from '../model/types.js';
import { mapKeywordSubschemas, subschemaKind } from '../schema/walk-subschemas.js';
import { docLines, stringLiteral } from './escape.js';
import type { Placeholders } from './placeholders.js';

type Json = unknown;

// Read by json-schema-to-typescript as raw TypeScript or as names; never taken from a plan.
const DROPPED_KEYWORDS = new Set(['tsType', 'tsEnumNames', 'title', '$id', 'id', '$schema', 'labels', 'eventMetadata']);

// Validation keywords json-schema-to-typescript never reads (their doc lines are written from the plan's own
// schema first): fewer keys for it to copy and walk.
export const UNTYPED_KEYWORDS: ReadonlySet<string> = new Set([
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'uniqueItems',
  'minProperties',
  'maxProperties',
]);

// Keywords that give json-schema-to-typescript a shape; without any, it would guess an object type.
const SHAPE_KEYWORDS = ['type', '$ref', 'enum', 'const', 'properties', 'patternProperties', 'additionalProperties', 'items', 'allOf', 'anyOf', 'oneOf', 'required'];

/** What may sit beside a `$ref` for the reference to be only documented, not narrowed. */
const REF_DOC_KEYWORDS = new Set(['$ref', 'description', 'title', '$comment', 'examples', 'default', 'labels', 'eventMetadata', 'id']);

const PLAIN_ALTERNATIVE = /^[^\\^$.|?*+()[\]{}]+$/;

/**
 * The literal values of a pattern that is only a list of plain alternatives:
 * `fall|winter`, `^(fall|winter)$`, `^(?:fall)$`. Anything with other regex
 * syntax (or one unanchored word, which means "contains") is not a list.
 */
export function permittedValues(pattern: string): string[] | undefined {
  const anchored = /^\^(?:\((?:\?:)?(.*)\)|(.*))\$$/.exec(pattern);
  const body = anchored ? (anchored[1] ?? anchored[2] ?? '') : pattern;
  const alternatives = body.split('|');
  // `^a|b$` means "starts with a, or ends with b": only a group makes the anchors cover every alternative.
  if (anchored ? anchored[2] !== undefined && alternatives.length > 1 : alternatives.length < 2) return undefined;
  return alternatives.every((alternative) => PLAIN_ALTERNATIVE.test(alternative)) ? alternatives : undefined;
}

export interface TypingContext {
  /** Maps a local `$ref` of the plan's schema to its place in the combined schema. */
  rewriteRef(ref: string): string;
  /** A type name not yet taken in the generated file: `base`, or `base` with a number. */
  claimName(base: string): string;
  /** What json-schema-to-typescript sees instead of a type name or a property key (placeholders.ts). */
  placeholders: Placeholders;
}

/**
 * The schema of one generated type (or hoisted definition) named `typeName`, ready to sit under
 * `definitions[typeName]` of the combined schema. Its own `definitions`/`$defs` are left out: they
 * are hoisted beside it.
 */
export function typingSchema(schema: JsonSchema, typeName: string, context: TypingContext): JsonSchema {
  const { definitions: _definitions, $defs: _defs, ...rest } = schema as Record<string, Json>;
  return prepare(rest, context, typeName, true) as JsonSchema;
}

/**
 * Objects with declared properties become named interfaces an app can use: `base` is the name such an
 * object takes (`OrderCompletedV2PropertiesProductsItem`, or with a number where that is taken);
 * `claimed` when the name is already this node's own.
 */
function prepare(schema: Json, context: TypingContext, base: string | undefined, claimed = false): Json {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const source = schema as Record<string, Json>;
  // A documented reference (`{ $ref, description }`): json-schema-to-typescript would copy the target
  // under its placeholder title (a second `PlangenType21` interface) and move the description onto the
  // target; wrapped in allOf, the property keeps its comment and the target stays one named type.
  if (typeof source['$ref'] === 'string' && source['$ref'].startsWith('#') && Object.keys(source).every((key) => REF_DOC_KEYWORDS.has(key))) {
    const doc = propertyDoc(source, undefined);
    if (doc.length > 0) return { allOf: [{ $ref: context.rewriteRef(source['$ref']) }], description: doc.join('\n') };
  }
  const properties = source['properties'];
  const named = base !== undefined && isObjectRecord(properties) && Object.keys(properties).length > 0;
  const name = named && !claimed ? context.claimName(base) : base;
  // Entries, not assignments: a key such as `__proto__` must stay an own property.
  const entries: [string, Json][] = [];
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED_KEYWORDS.has(key) || UNTYPED_KEYWORDS.has(key) || key === 'description') continue;
    entries.push([key, prepareKeyword(key, value, context, name)]);
  }
  if (named && name !== undefined) entries.push(['title', context.placeholders.type(name)]);
  const literals = typeof source['pattern'] === 'string' && isStringSchema(source) ? permittedValues(source['pattern']) : undefined;
  // An empty enum admits no value, and its validator accepts none (docs/plan-format.md, "Empty enums").
  if (Array.isArray(source['enum']) && source['enum'].length === 0) entries.push(['tsType', 'never']);
  else if (literals) entries.push(['tsType', literalUnion(literals, source['type'])]);
  // `{}` or `{ description }`: any JSON value, as Segment's "any" type means.
  else if (!SHAPE_KEYWORDS.some((keyword) => keyword in source)) entries.push(['tsType', 'unknown']);
  const doc = propertyDoc(source, literals);
  if (doc.length > 0) entries.push(['description', doc.join('\n')]);
  return Object.fromEntries(entries);
}

function prepareKeyword(key: string, value: Json, context: TypingContext, name: string | undefined): Json {
  if (key === 'properties') {
    if (!isObjectRecord(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([property, entry]) => [context.placeholders.key(property), prepare(entry, context, nestedName(name, property))]),
    );
  }
  if (key === 'required' && Array.isArray(value)) {
    return value.map((property) => (typeof property === 'string' ? context.placeholders.key(property) : property));
  }
  if (key === 'items' && !Array.isArray(value)) return prepare(value, context, name === undefined ? undefined : `${name}Item`);
  // Every other keyword that holds subschemas (schema/walk-subschemas.ts): unnamed, inline types.
  if (subschemaKind(key) !== undefined) return mapKeywordSubschemas(key, value, (entry) => prepare(entry, context, undefined));
  if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) return context.rewriteRef(value);
  return value;
}

// `products` of `OrderCompletedV2Properties` -> `OrderCompletedV2PropertiesProducts`; a property whose
// name has no ASCII letters or digits stays an inline type rather than get an arbitrary name.
function nestedName(parent: string | undefined, property: string): string | undefined {
  const words = property.match(/[A-Za-z0-9]+/g);
  if (parent === undefined || !words) return undefined;
  return parent + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

function isObjectRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringSchema(schema: Record<string, Json>): boolean {
  const type = schema['type'];
  if (type === 'string') return true;
  return Array.isArray(type) && type.includes('string') && type.every((entry) => entry === 'string' || entry === 'null');
}

function literalUnion(literals: readonly string[], type: Json): string {
  const members = literals.map(stringLiteral);
  if (Array.isArray(type) && type.includes('null')) members.push('null');
  return members.join(' | ');
}

/** Comment lines for a property: its description, then what values it takes when the type cannot say it. */
function propertyDoc(schema: Record<string, Json>, literals: readonly string[] | undefined): string[] {
  const lines: string[] = [];
  if (typeof schema['description'] === 'string' && schema['description'].trim() !== '') lines.push(...docLines(schema['description']));
  if (typeof schema['pattern'] === 'string') {
    lines.push(...docLines(literals ? `Permitted values: ${schema['pattern']}` : `Must match \`${schema['pattern']}\`.`));
  }
  if (typeof schema['format'] === 'string') lines.push(...docLines(`Format: ${schema['format']}`));
  return lines;
}
