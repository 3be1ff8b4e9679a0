// Checks the raw JSON Schemas a plan carries (native `schema`/`payload`/`common`,
// every Segment rule): valid draft-07, every `$ref` resolves, every regex
// compiles. Errors point at the offending keyword inside the plan file.
import type { ErrorObject } from 'ajv';
import { withoutAnyType } from '../schema/any-type.js';
import { metaValidationView } from '../schema/meta-validation-view.js';
import { regexProblem } from '../schema/regex-problem.js';
import { findSameValueRefCycle, refTokens, resolveLocalRef } from '../schema/resolve-ref.js';
import { walkSubschemaPaths } from '../schema/walk-subschemas.js';
import type { JsonSchema } from '../model/types.js';
import { checkedSchemaKey } from './checked-schemas.js';
import { at, describePath } from './describe-path.js';
import { errorAt } from '../model/located-error.js';
import { parsePointer, toPointer } from './locate.js';
import type { SourceDocument } from './source-document.js';
import { asDraft07 } from './strip-annotations.js';
import { FORMAT_NAMES, metaSchemaDraft07 } from '../schema/precompiled/meta-schema.js';

export interface RawSchemaAt {
  /** Pointer of the schema inside the plan document. */
  readonly pointer: string;
  readonly schema: unknown;
}

/** The type names a plan's JSON Schema may use: draft-07's, and Segment's "any", accepted in every format (schema/any-type.ts). */
const JSON_TYPES = ['any', 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

/** The meta-schemas the one ajv configuration knows, by the key ajv finds them under: draft-07, at both addresses. */
const META_SCHEMAS = new Set(['http://json-schema.org/draft-07/schema', 'https://json-schema.org/draft-07/schema']);
const KNOWN_FORMATS = new Set<string>(FORMAT_NAMES);

export interface CheckOptions {
  /** Native plans: a `required` name must be one of the listed `properties`. */
  readonly requiredMustBeListed: boolean;
  /** Segment exports: a root `$schema` of another draft is read as draft-07 (see strip-annotations.ts). */
  readonly anyDraft: boolean;
}

export function checkJsonSchemas(source: SourceDocument, schemas: readonly RawSchemaAt[], options: CheckOptions): void {
  for (const { pointer, schema } of schemas) {
    // A schema that passed before, without a warning, passes again (checked-schemas.ts): only its place would differ.
    const key = source.checked && checkedSchemaKey(schema, options);
    if (key !== undefined && source.checked!.has(key)) continue;
    let warned = false;
    const checking: SourceDocument = { ...source, warn: (warning) => ((warned = true), source.warn?.(warning)) };
    checkSchema(checking, pointer, schema, options);
    if (key !== undefined && !warned) source.checked!.add(key);
  }
}

function checkSchema(source: SourceDocument, pointer: string, schema: unknown, options: CheckOptions): void {
  const owner = describePath(parsePointer(pointer), source.data);
  // Segment's "any" type is read in every format (schema/any-type.ts); ajv would reject it as a type name.
  // Segment's annotations need no stripping here: draft-07's meta-schema checks no keyword of theirs and nothing below one.
  checkMeta(source, pointer, options.anyDraft ? asDraft07(withoutAnyType(schema)) : withoutAnyType(schema), owner);
  walkSubschemaPaths(schema, (node, path) => checkKeywords(source, pointer, schema, node, path, owner, options));
  checkRefCycles(source, pointer, schema, owner);
}

/**
 * Recursion through a property or an item is supported everywhere; a `$ref` cycle that comes back to the
 * same value (through `$ref`, `allOf`, `anyOf`, `oneOf`, `not`, `if`...) has no meaning: validating it
 * never ends, and no type can describe it.
 */
function checkRefCycles(source: SourceDocument, pointer: string, schema: unknown, owner: string): void {
  const cycle = findSameValueRefCycle(schema);
  if (cycle === undefined) return;
  throw errorAt(
    { file: source.file, pointer: pointer + cycle.at },
    `$ref cycle in ${owner} that never reaches a property or item: ${cycle.path.join(' -> ')}, so checking a value would never end`,
    'Make the recursion go through "properties" or "items" (a tree of children), or point one $ref at a schema that is not part of the cycle',
    'value',
  );
}

/** The formats the validators check: ajv-formats' full set, as the one ajv configuration registers them. */
function isKnownFormat(name: string): boolean {
  return KNOWN_FORMATS.has(name);
}

/**
 * ajv's `validateSchema` with the one configuration (schema/create-ajv.ts), run by its precompiled
 * meta-schema validator: a boolean schema passes, a `"$schema"` must be a string naming a meta-schema
 * ajv knows (an empty one means the default, draft-07), and the meta-schema sees metaValidationView's view.
 */
function checkMeta(source: SourceDocument, pointer: string, schema: unknown, owner: string): void {
  if (typeof schema === 'boolean') return;
  const $schema: unknown = (schema as { $schema?: unknown }).$schema;
  const fix = 'Use "http://json-schema.org/draft-07/schema#" or leave "$schema" out';
  const here = { file: source.file, pointer: `${pointer}/$schema` };
  if ($schema !== undefined && typeof $schema !== 'string') throw errorAt(here, `"$schema" in ${owner} must be a string`, fix, 'value');
  // ajv looks a meta-schema up by its address without a trailing `#` or `#/`.
  if ($schema && !META_SCHEMAS.has($schema.replace(/#\/?$/, ''))) throw errorAt(here, `${owner} uses an unsupported "$schema"`, fix, 'value');
  if (metaSchemaDraft07(metaValidationView(schema))) return;
  const errors = (metaSchemaDraft07.errors ?? []).filter((error) => !['anyOf', 'oneOf', 'if', 'not'].includes(error.keyword) && !isEmptyEnum(error));
  const error = errors.sort((a, b) => parsePointer(b.instancePath).length - parsePointer(a.instancePath).length)[0];
  if (error === undefined) return;
  const value = at(schema, parsePointer(error.instancePath));
  throw errorAt({ file: source.file, pointer: pointer + error.instancePath }, `invalid JSON Schema in ${owner}: ${metaMessage(error, value)}`, metaFix(error), 'value');
}

/** Segment lets a plan save `enum: []`; plangen loads it as "no value" (docs/plan-format.md) and lint warns, though ajv's meta-schema wants one value. */
function isEmptyEnum(error: ErrorObject): boolean {
  return error.keyword === 'minItems' && parsePointer(error.instancePath).at(-1) === 'enum';
}

function metaMessage(error: ErrorObject, value: unknown): string {
  const where = error.instancePath === '' ? 'the root' : error.instancePath;
  if (error.keyword === 'enum' && parsePointer(error.instancePath).includes('type')) return `unknown type ${JSON.stringify(value)} at ${where}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

function metaFix(error: ErrorObject): string {
  if (error.keyword === 'enum' && parsePointer(error.instancePath).includes('type')) return `Use one of: ${JSON_TYPES.join(', ')}`;
  return 'See https://json-schema.org/draft-07/json-schema-validation.html';
}

function checkKeywords(
  source: SourceDocument,
  rootPointer: string,
  root: unknown,
  node: Record<string, unknown>,
  path: readonly string[],
  owner: string,
  options: CheckOptions,
): void {
  const here = (...rest: string[]) => ({ file: source.file, pointer: rootPointer + toPointer([...path, ...rest]) });
  const patterns: [string, string[]][] = [];
  if (typeof node.pattern === 'string') patterns.push([node.pattern, ['pattern']]);
  if (isObject(node.patternProperties)) for (const key of Object.keys(node.patternProperties)) patterns.push([key, ['patternProperties', key]]);
  for (const [pattern, at] of patterns) {
    const problem = regexProblem(pattern);
    if (problem !== undefined) {
      throw errorAt(here(...at), `invalid regular expression ${JSON.stringify(pattern)} in ${owner}: ${problem}`, 'Fix the pattern: it is a JavaScript regular expression (u flag)', 'value');
    }
  }
  if (typeof node.format === 'string' && !isKnownFormat(node.format)) {
    const problem = `unknown format ${JSON.stringify(node.format)} in ${owner}: plangen does not check it, so any value passes`;
    source.warn?.(errorAt(here('format'), problem, 'Use a format plangen checks (docs/plan-format.md lists them), or remove "format"', 'value'));
  }
  if (typeof node.$ref === 'string' && refTokens(node.$ref) === 'bad-encoding') {
    throw errorAt(here('$ref'), `$ref ${JSON.stringify(node.$ref)} in ${owner} is not a valid JSON pointer (bad percent-encoding)`, 'Write %25 for a literal "%"', 'value');
  }
  if (typeof node.$ref === 'string' && resolveLocalRef(root, node.$ref) === undefined) {
    throw errorAt(here('$ref'), `$ref ${JSON.stringify(node.$ref)} in ${owner} points to nothing`, 'Point it at a schema in the same document, e.g. "#/definitions/<name>", and define that schema', 'value');
  }
  if (options.requiredMustBeListed && Array.isArray(node.required) && isObject(node.properties)) {
    const properties = node.properties;
    const index = node.required.findIndex((name) => typeof name === 'string' && !Object.hasOwn(properties, name));
    if (index !== -1) {
      throw errorAt(
        here('required', String(index)),
        `required property ${JSON.stringify(node.required[index])} in ${owner} is not defined in "properties"`,
        'Add it to "properties", or remove it from "required"',
        'value',
      );
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
