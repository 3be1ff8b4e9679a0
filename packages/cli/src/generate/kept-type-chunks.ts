// With a cache, the types block is put together from chunks (type-chunks.ts)
// kept with the plan's names already restored, each keyed by its entries as the
// model gives them (name, doc comment, schema): a run after one event changed
// types and compiles that event's chunk only. The numbered chunks of
// emit-types.ts had to type every entry of the plan to find their keys.
// What else a chunk's text depends on is the names its typing took (a nested
// object's interface is `...Products2` when `...Products` is taken elsewhere):
// they are kept with it and replayed in plan order, and a chunk whose names come
// out otherwise now is computed again. Only for plans without a `$ref` (each chunk
// then reads its own entries only), and only chunks without definitions to hoist
// are kept (other entries share those by content); the rest is computed each run.
import type { JsonSchema } from '../model/types.js';
import { safeCode } from './escape.js';
import { Placeholders } from './placeholders.js';
import type { StageCache } from './stage-cache.js';
import { assembleDeclarations, contentDefinedChunks, type Declaration } from './type-chunks.js';
import { hoistsDefinitions, TypingNames } from './typing-definitions.js';

export interface KeptEntry {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly doc: readonly string[];
}

/** A chunk's json-schema-to-typescript declarations (placeholders unrestored), its entries typed in order by `names`. */
export type ComputeChunk = (chunk: readonly KeptEntry[], names: TypingNames, claimed: [base: string, name: string][]) => Promise<Declaration[]>;

interface KeptChunk {
  readonly claims: [base: string, name: string][];
  /** With the plan's names restored and made safe (safeCode), as the types block prints them. */
  readonly declarations: Declaration[];
}

const KIND = 'types-chunk-named';

// A name json-schema-to-typescript derived from a placeholder (`PlangenType3Item`) keeps the run's numbering,
// which the chunks here do not share with one run over the plan: such a plan takes emit-types' numbered chunks.
const NUMBERED = /(?:PlangenType|plangenKey)\d+[A-Za-z_$]/;

/**
 * The types block (declarations as one run prints them, trimmed; placeholders restored), or undefined when this
 * plan needs emit-types' numbered chunks: a schema holds a `$ref`, or an output a numbered name.
 * `reserved`: the names no type may take (the root's among them).
 */
export async function typesFromKeptChunks(
  entries: readonly KeptEntry[],
  reserved: readonly string[],
  cache: StageCache,
  computeChunk: ComputeChunk,
): Promise<string | undefined> {
  const chunks = contentDefinedChunks(entries);
  const inputs = chunks.map((chunk) => JSON.stringify(chunk.map(({ name, doc, schema }) => [name, doc, schema])));
  // Text, so a `$ref` anywhere (even in a value no schema keyword reads) sends the plan the numbered way.
  if (inputs.some((input) => input.includes('"$ref"'))) return undefined;
  const placeholders = new Placeholders();
  const names = new TypingNames(entries, reserved, placeholders);
  const declarations: Declaration[][] = [];
  for (const [index, chunk] of chunks.entries()) {
    const keeps = !chunk.some((entry) => hoistsDefinitions(entry.schema));
    const kept = keeps ? keptChunk(cache.get(KIND, inputs[index])) : undefined;
    if (kept !== undefined && names.claimAll(kept.claims)) {
      declarations.push(kept.declarations);
      continue;
    }
    const claimed: [string, string][] = [];
    const computed = await computeChunk(chunk, names, claimed);
    if (computed.some((declaration) => NUMBERED.test(declaration.text))) return undefined;
    const restored = computed.map(({ kind, name, text }) => ({ kind, name: placeholders.restore(name), text: placeholders.restore(safeCode(text)) }));
    if (keeps) cache.set(KIND, inputs[index], { claims: claimed, declarations: restored } satisfies KeptChunk);
    declarations.push(restored);
  }
  return assembleDeclarations(declarations).trim();
}

/** The cached value when it has the shape of one (a foreign or damaged entry is computed again). */
function keptChunk(value: unknown): KeptChunk | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { claims, declarations } = value as Partial<KeptChunk>;
  const strings = (...values: unknown[]) => values.every((item) => typeof item === 'string');
  if (!Array.isArray(claims) || !claims.every((claim) => Array.isArray(claim) && claim.length === 2 && strings(...claim))) return undefined;
  if (!Array.isArray(declarations) || !declarations.every((item) => typeof item === 'object' && item !== null && strings(item.kind, item.name, item.text))) return undefined;
  return { claims, declarations };
}
