// Property and traits types: one combined schema that holds every type
// (typing-definitions.ts), so shared definitions are emitted once and names never
// clash, compiled by json-schema-to-typescript in content-defined chunks of
// entries (type-chunks.ts), each with the definitions it reaches, which a cache
// keeps: a changed event recompiles its chunk only. The chunks' outputs put
// together are the text one run over everything prints.
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { JsonSchema } from '../model/types.js';
import { safeCode } from './escape.js';
import { Placeholders } from './placeholders.js';
import { shareEqualSchemas } from './share-equal-schemas.js';
import { typesFromKeptChunks, type TypedEntry } from './kept-type-chunks.js';
import { keepsParts, NO_CACHE, type StageCache } from './stage-cache.js';
import { assembleDeclarations, contentDefinedChunks, declarationsOf, localNames, type Declaration } from './type-chunks.js';
import { TYPES_KEY, typingDefinitions } from './typing-definitions.js';

export interface TypeEntry {
  /** The exported type name, decided by the model (`OrderCompletedV1Properties`). */
  readonly name: string;
  readonly schema: JsonSchema;
  /** Comment lines for the type itself, already escaped. */
  readonly doc: readonly string[];
}

// The combined schema's own type; json-schema-to-typescript always emits it first, and it is dropped.
export const ROOT_NAME = 'PlangenCombinedSchemaRoot';

export const COMPILE_OPTIONS = {
  bannerComment: '',
  format: false,
  declareExternallyReferenced: true,
  // Where the plan says nothing about extra properties, they are a compile error (a misspelt key is
  // caught), while the validator, following JSON Schema, still accepts them at run time.
  additionalProperties: false,
  strictIndexSignatures: true,
  unknownAny: true,
  // minItems/maxItems stay the validator's job: tuples of every allowed length are unreadable.
  ignoreMinAndMaxItems: true,
  // Plans are self-contained: never read files or fetch URLs named by a `$ref`.
  $refOptions: { resolve: { external: false } },
} as const;

// For a schema that holds no `$ref`: the reference parser's walk over every node would find nothing to replace.
const DIRECT_OPTIONS = { ...COMPILE_OPTIONS, $refOptions: { ...COMPILE_OPTIONS.$refOptions, dereference: { excludedPathMatcher: () => true } } };

/** `reserved`: names the rest of the file uses, which no type from the plan may take. `cache` keeps each chunk's output. */
export async function emitTypes(entries: readonly TypeEntry[], reserved: readonly string[], cache: StageCache = NO_CACHE): Promise<string> {
  if (entries.length === 0) return '';
  // With a cache, chunks kept by their entries' own content (kept-type-chunks.ts), when the plan allows.
  const kept = keepsParts(cache) ? await typesFromKeptChunks(entries, [...reserved, ROOT_NAME], cache, compileNamedChunk) : undefined;
  if (kept !== undefined) return checkTypeNames(kept, entries);
  const placeholders = new Placeholders();
  const definitions = namedTypeDefinitions(entries, reserved, placeholders);
  // Without a `$ref` in the types (most plans), json-schema-to-typescript gets them with equal schemas shared
  // and nothing to dereference.
  const referenceFree = shareEqualSchemas(definitions);
  const chunks: ReturnType<typeof declarationsOf>[] = [];
  const references = referenceFree ? undefined : new Map<string, readonly string[]>();
  // Chunks let a cache keep each part; without one (--no-cache), one run shares equal schemas across the whole
  // plan, not only within a chunk: 22.0k -> 16.9k distinct nodes for json-schema-to-typescript at 500 events.
  for (const chunk of keepsParts(cache) ? contentDefinedChunks(entries) : [entries]) {
    const keys = chunk.map((entry) => placeholders.type(entry.name));
    const types = Object.fromEntries(reachedDefinitions(keys, definitions, references).map((key) => [key, definitions[key]!]));
    // The chunk's cache key, and what json-schema-to-typescript reads when a `$ref` must be dereferenced.
    const combined = { title: ROOT_NAME, [TYPES_KEY]: types, anyOf: keys.map((key) => ({ $ref: `#/${TYPES_KEY}/${key}` })) };
    // The same schema as dereferenced, with the reference-free types themselves in place of their `$ref`s.
    const direct = referenceFree ? { title: ROOT_NAME, [TYPES_KEY]: types, anyOf: keys.map((key) => types[key]!) } : undefined;
    chunks.push(declarationsOf(await compileChunk(combined, direct, cache)));
  }
  // Plan text is left only in string literals here (comments were escaped before).
  return checkTypeNames(placeholders.restore(safeCode(assembleDeclarations(chunks)).trim()), entries);
}

/** The typing definitions (typing-definitions.ts), each entry's own titled with its placeholder name and documented. */
export function namedTypeDefinitions(entries: readonly TypeEntry[], reserved: readonly string[], placeholders: Placeholders): Record<string, JsonSchema> {
  const definitions = typingDefinitions(entries, [...reserved, ROOT_NAME], placeholders);
  for (const entry of entries) {
    const key = placeholders.type(entry.name);
    definitions[key] = namedType(entry, key, definitions[key]!);
  }
  return definitions;
}

/** An entry's typing schema titled with its placeholder `key` and documented. */
function namedType(entry: TypeEntry, key: string, typing: JsonSchema): JsonSchema {
  const schema = typing.title === undefined ? { ...typing, title: key } : typing; // as typingDefinitions titles it
  const doc = [...entry.doc, ...(schema.description ? [schema.description] : [])];
  // Named by the model, whatever the schema's own shape: json-schema-to-typescript prefers titles to keys.
  return { ...schema, title: key, ...(doc.length > 0 ? { description: doc.join('\n') } : {}) };
}

/**
 * Typed entries of a plan without `$ref`s (kept-type-chunks.ts), each reaching its own type only, compiled as
 * the numbered chunks' `direct` schema is.
 */
async function compileNamedChunk(typed: readonly TypedEntry[]): Promise<Declaration[]> {
  const types: Record<string, JsonSchema> = {};
  for (const { entry, key, typing } of typed) types[key] = namedType(entry, key, typing);
  shareEqualSchemas(types);
  const direct = { title: ROOT_NAME, [TYPES_KEY]: types, anyOf: Object.values(types) };
  return declarationsOf(dropRoot(await compile(direct as JSONSchema, ROOT_NAME, DIRECT_OPTIONS)));
}

/** json-schema-to-typescript's output for one chunk, its root line dropped: from the cache under the chunk's own numbering. */
async function compileChunk(combined: object, direct: object | undefined, cache: StageCache): Promise<string> {
  // json-schema-to-typescript works on a deep copy (objects the chunks share stay unchanged).
  const compute = async () =>
    dropRoot(await (direct ? compile(direct as JSONSchema, ROOT_NAME, DIRECT_OPTIONS) : compile(combined as JSONSchema, ROOT_NAME, COMPILE_OPTIONS)));
  // Under --no-cache (a copy of NO_CACHE), renumbering for a key nothing keeps was ~5% of the main thread's type work.
  const names = keepsParts(cache) ? localNames(JSON.stringify(combined)) : undefined;
  if (names === undefined) return compute();
  const cached = cache.get<string>('types-chunk', names.input);
  if (cached !== undefined) return names.toGlobal(cached);
  const output = await compute();
  const local = names.toLocal(output);
  if (local !== undefined) cache.set('types-chunk', names.input, local);
  return output;
}

const REF = new RegExp(`"#/${TYPES_KEY}/([^"/]+)`, 'g');

/**
 * The entries' own keys and every definition their schemas reach through `$ref`, in the combined schema's order.
 * `references` keeps each definition's own `$ref` targets across the chunks: a shared definition is reached from
 * many chunks, and serializing it again for each one was a tenth of the main thread's type work (500 events).
 * Undefined when no schema holds a `$ref`: each chunk then reaches its own entries only.
 */
function reachedDefinitions(
  keys: readonly string[],
  definitions: Readonly<Record<string, JsonSchema>>,
  references: Map<string, readonly string[]> | undefined,
): string[] {
  const reached = new Set(keys);
  const pending = [...keys];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    for (const target of references ? referencesOf(key, definitions, references) : []) {
      if (!reached.has(target)) {
        reached.add(target);
        pending.push(target);
      }
    }
  }
  const order = Object.keys(definitions);
  return reached.size === order.length ? order : order.filter((key) => reached.has(key));
}

/** The definitions `key`'s schema names through `$ref` (each once), computed once per key. */
function referencesOf(key: string, definitions: Readonly<Record<string, JsonSchema>>, references: Map<string, readonly string[]>): readonly string[] {
  let targets = references.get(key);
  if (targets === undefined) {
    const found = new Set<string>();
    for (const [, target] of JSON.stringify(definitions[key]).matchAll(REF)) {
      if (target !== undefined && target in definitions) found.add(target);
    }
    targets = [...found];
    references.set(key, targets);
  }
  return targets;
}

function dropRoot(output: string): string {
  const prefix = `export type ${ROOT_NAME} = `;
  const end = output.indexOf('\n');
  if (!output.startsWith(prefix) || end < 0) throw new Error('plangen: json-schema-to-typescript output did not start with the combined root type');
  return output.slice(end + 1);
}

function checkTypeNames(output: string, entries: readonly TypeEntry[]): string {
  const declared = new Set([...output.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]));
  const missing = entries.filter((entry) => !declared.has(entry.name)).map((entry) => entry.name);
  if (missing.length > 0) throw new Error(`plangen: json-schema-to-typescript did not declare ${missing.join(', ')}`);
  return output;
}
