// With a cache, the types block is put together from chunks (type-chunks.ts)
// kept with the plan's names already restored, each keyed by its entries as the
// model gives them (name, doc comment, schema), and a chunk that changed from its
// entries, each kept on its own too: a run after one event changed types and
// compiles that event only. The numbered chunks of emit-types.ts had to type
// every entry of the plan to find their keys, and compiled a whole chunk.
// Entries compiled apart print what they print together: one run prints each
// kind of declaration in entry order (type-chunks.ts), and without `$ref`s an
// entry's declarations are those of its type and the names its typing took.
// What else a chunk's text depends on is the names its typing took (a nested
// object's interface is `...Products2` when `...Products` is taken elsewhere):
// they are kept with it and replayed in plan order, and a chunk whose names come
// out otherwise now is computed again. Only for plans without a `$ref` (each chunk
// then reads its own entries only), and only chunks without definitions to hoist
// are kept (other entries share those by content); the rest is computed each run.
import type { JsonSchema } from '../model/types.js';
import { jsonText } from '../schema/json-text.js';
import { safeCode } from './escape.js';
import { Placeholders } from './placeholders.js';
import type { StageCache } from './stage-cache.js';
import { assembleDeclarations, contentDefinedChunks, type Declaration } from './type-chunks.js';
import { listDigest } from './text-digest.js';
import { hoistsDefinitions, TypingNames } from './typing-definitions.js';

export interface KeptEntry {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly doc: readonly string[];
}

/** An entry typed by TypingNames.typeEntry: its placeholder key and typing schema. */
export interface TypedEntry {
  readonly entry: KeptEntry;
  readonly key: string;
  readonly typing: JsonSchema;
}

/** json-schema-to-typescript's declarations (placeholders unrestored) for typed entries of a plan without `$ref`s. */
export type ComputeChunk = (typed: readonly TypedEntry[]) => Promise<Declaration[]>;

/** A chunk's or an entry's part of the types block, and the names its typing took. */
interface KeptPart {
  readonly claims: [base: string, name: string][];
  /** With the plan's names restored and made safe (safeCode), as the types block prints them. */
  readonly declarations: Declaration[];
}

const CHUNK = 'types-chunk-named';
const ENTRY = 'types-entry-named';

// A name json-schema-to-typescript derived from a placeholder (`PlangenType3Item`) keeps the run's numbering,
// which the chunks here do not share with one run over the plan: such a plan takes emit-types' numbered chunks.
const NUMBERED = /(?:PlangenType|plangenKey)\d+[A-Za-z_$]/;

/**
 * The types block (declarations as one run prints them, trimmed; placeholders restored), or undefined when this
 * plan needs emit-types' numbered chunks: a schema holds a `$ref`, or an output a numbered or unexpected name.
 * `reserved`: the names no type may take (the root's among them).
 */
export async function typesFromKeptChunks(
  entries: readonly KeptEntry[],
  reserved: readonly string[],
  cache: StageCache,
  computeChunk: ComputeChunk,
): Promise<string | undefined> {
  const chunks = contentDefinedChunks(entries);
  // JSON.stringify([name, doc, schema]), the schema's text as the validators' planning spelt it (json-text.ts).
  const entryInputs = chunks.map((chunk) => chunk.map(({ name, doc, schema }) => `[${JSON.stringify(name)},${JSON.stringify(doc)},${jsonText(schema)}]`));
  // Text, so a `$ref` anywhere (even in a value no schema keyword reads) sends the plan the numbered way.
  if (entryInputs.some((parts) => parts.some((part) => part.includes('"$ref"')))) return undefined;
  // The digest of the chunk's entries as one JSON array: the cache would escape and hash the whole text as JSON (text-digest.ts).
  const inputs = entryInputs.map(listDigest);
  const names = new TypingNames(entries, reserved, new Placeholders());
  const declarations: Declaration[][] = [];
  for (const [index, chunk] of chunks.entries()) {
    const keeps = chunk.every((entry) => keepsEntry(entry));
    const kept = keeps ? keptPart(cache.get(CHUNK, inputs[index])) : undefined;
    if (kept !== undefined && names.claimAll(kept.claims)) {
      declarations.push(kept.declarations);
      continue;
    }
    const parts = await partsByEntry(chunk, entryInputs[index]!, names, cache, computeChunk);
    if (parts === undefined) return undefined;
    const part = { claims: parts.flatMap((entry) => entry.claims), declarations: parts.flatMap((entry) => entry.declarations) };
    if (keeps) cache.set(CHUNK, inputs[index], part satisfies KeptPart);
    declarations.push(part.declarations);
  }
  return assembleDeclarations(declarations).trim();
}

/** Only an entry without definitions to hoist is kept: other entries share those by content. */
function keepsEntry(entry: KeptEntry): boolean {
  return !hoistsDefinitions(entry.schema);
}

/**
 * A chunk that was not kept whole, entry by entry: each entry kept on its own (and whose names replay) is taken,
 * the others are typed in plan order and compiled together, and each keeps its own declarations (those of its
 * type and of the names its typing took), so the next change to the chunk compiles the changed entries only.
 * Undefined when a declaration has a numbered name or one no entry took.
 */
async function partsByEntry(
  chunk: readonly KeptEntry[],
  inputs: readonly string[],
  names: TypingNames,
  cache: StageCache,
  computeChunk: ComputeChunk,
): Promise<KeptPart[] | undefined> {
  const parts: KeptPart[] = [];
  const typed: { index: number; claimed: [string, string][]; entry: TypedEntry }[] = [];
  for (const [index, entry] of chunk.entries()) {
    const kept = keepsEntry(entry) ? keptPart(cache.get(ENTRY, inputs[index])) : undefined;
    if (kept !== undefined && names.claimAll(kept.claims)) {
      parts[index] = kept;
      continue;
    }
    const claimed: [string, string][] = [];
    const [key, typing] = names.typeEntry(entry, claimed).type;
    typed.push({ index, claimed, entry: { entry, key, typing } });
  }
  if (typed.length === 0) return parts;
  const owners = new Map<string, number>();
  for (const { index, claimed, entry } of typed) {
    parts[index] = { claims: claimed, declarations: [] };
    owners.set(entry.entry.name, index);
    for (const [, name] of claimed) owners.set(name, index);
  }
  const { placeholders } = names;
  for (const { kind, name, text } of await computeChunk(typed.map(({ entry }) => entry))) {
    const restored = placeholders.restore(name);
    const owner = owners.get(restored);
    if (NUMBERED.test(text) || owner === undefined) return undefined;
    parts[owner]!.declarations.push({ kind, name: restored, text: placeholders.restore(safeCode(text)) });
  }
  for (const { index, entry } of typed) if (keepsEntry(entry.entry)) cache.set(ENTRY, inputs[index], parts[index] satisfies KeptPart | undefined);
  return parts;
}

/** The cached value when it has the shape of one (a foreign or damaged entry is computed again). */
function keptPart(value: unknown): KeptPart | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { claims, declarations } = value as Partial<KeptPart>;
  const strings = (...values: unknown[]) => values.every((item) => typeof item === 'string');
  if (!Array.isArray(claims) || !claims.every((claim) => Array.isArray(claim) && claim.length === 2 && strings(...claim))) return undefined;
  if (!Array.isArray(declarations) || !declarations.every((item) => typeof item === 'object' && item !== null && strings(item.kind, item.name, item.text))) return undefined;
  return { claims, declarations };
}
