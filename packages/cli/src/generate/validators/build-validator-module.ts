// The parts of the generated validators module: ajv standalone's code made safe
// for ESM and bundlers, the names it imports from @plangen/core, and one export
// per entry. render-validators.ts prints them; load-validators.ts runs them.
// Three steps, so that threads can share the middle one (compile-in-parallel.ts):
// planValidatorModule readies every schema and cuts them into batches;
// compileValidatorBatch compiles and rewrites one batch with an ajv instance of its
// own, which it then drops (compile-validator-batch.ts); assembleValidatorModule lays the batches out as one
// module. This module loads no ajv: the main thread plans and assembles while the worker compiles.
// The bytes never depend on how the schemas were cut or who compiled what: every top-level name
// depends only on what it holds or who owns it (stable-layout.ts).
import type { JsonSchema } from '../../model/types.js';
import { keepsParts, NO_CACHE, type StageCache } from '../stage-cache.js';
import { jsonText } from '../../schema/json-text.js';
import { listDigest, textDigest } from '../text-digest.js';
import type { CompiledBatch } from './compile-validator-batch.js';
import { sortedEntries, type ValidatorEntry } from './entry-names.js';
import { prepareSchema } from './prepare-schema.js';
import { shareRepeatedSubschemas, sharingCandidates, sharingEligible, type SharedSchema, type SharingCandidates } from './shared-subschemas.js';
import { joinLaidOut } from './stable-layout.js';

export type { ValidatorEntry } from './entry-names.js';

/** One distinct schema to compile: `schema` as the plan has it (checked), `compiled` with shared subschemas. */
export interface BatchSchema {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly key: string;
  readonly compiled: JsonSchema;
}

/** A part of the SDK's validators that one ajv instance compiles (compile-validator-batch.ts). */
export interface ValidatorBatch {
  readonly schemas: readonly BatchSchema[];
  /** The validators these schemas are for, sorted by name (equal schemas: several names, one key). */
  readonly exports: readonly { readonly name: string; readonly key: string }[];
  /** Every shared subschema of the SDK; the batch compiles those its schemas call. */
  readonly shared: readonly SharedSchema[];
  readonly sharingKeyword: string;
}

export interface ValidatorExport {
  readonly name: string;
  /** The function the export holds: `checkOrderCompletedV1` (stable-layout.ts). */
  readonly local: string;
}

export interface ValidatorModule {
  /** Names imported from @plangen/core, sorted. */
  readonly imports: readonly string[];
  /** Top-level statements without imports, exports or comments, one a line (stable-layout.ts). */
  readonly body: string;
  /** Sorted by name. */
  readonly exports: readonly ValidatorExport[];
}

export interface ValidatorModulePlan {
  readonly batches: readonly ValidatorBatch[];
  /** Each batch cut in parts of PART_SIZE schemas, which a warm run compiles and caches one by one (cached-batches.ts). */
  readonly parts: readonly (readonly ValidatorBatch[])[];
  /** Every entry, sorted by name, with the key of the schema it compiles to (equal schemas share one). */
  readonly exports: readonly { readonly name: string; readonly key: string }[];
  /** What the cache keys each batch and part on (cached-batches.ts): a few hundred bytes that stand for it (batchCacheInput). */
  readonly batchInputs: readonly BatchCacheInput[];
  readonly partInputs: readonly (readonly BatchCacheInput[])[];
}

/**
 * A batch as the cache keys it: its compiled code is a pure function of the batch, and this names every field of
 * the batch (ValidatorBatch) by something that determines it. A schema by the SHA-256 of its JSON (the checker
 * reads it); its `compiled` form is sharing's rewrite of that schema given which subschema texts are shared
 * (shared-subschemas.ts), and a shared subschema's key holds the SHA-256 of its text, so the list of keys names the
 * shared set and every shared schema. Keyed on the batch itself, each batch and part serialized the whole list of
 * shared schemas and its schemas twice (~50 ms of a rerun at 500 events).
 */
export interface BatchCacheInput {
  readonly schemas: readonly (readonly [name: string, key: string, digest: string])[];
  readonly exports: readonly { readonly name: string; readonly key: string }[];
  readonly shared: string;
  readonly sharingKeyword: string;
}

/** Distinct schemas per batch: large enough that a batch's own ajv instance costs little, small enough to spread over threads. */
export const BATCH_SIZE = 64;
/**
 * The smallest batch but the last. Threads take batches in order, so the last ones are cut smaller
 * (half of what is left, down to this): the thread that takes the last batch then finishes close to
 * the others, instead of leaving them idle for up to a whole batch. Two parts at least, for a warm run.
 */
export const TAIL_BATCH_SIZE = 16;
/** Distinct schemas per part of a batch: what a warm run recompiles when one event changed (an ajv instance costs ~10 ms). */
export const PART_SIZE = 8;

/**
 * Entries (in name order) whose prepared schemas are kept as one cache entry: one event changed prepares its group
 * again. 16 rather than 64: a rerun at 500 events then spent ~7 ms less readying a group than it adds in lookups.
 */
export const PREPARED_GROUP_SIZE = 16;
const PREPARED_KIND = 'prepared-validator-schemas';

/** `cache`: each group of entries' prepared schemas are taken from it when their plan schemas are unchanged, and kept. */
export function planValidatorModule(entries: readonly ValidatorEntry[], batchSize = BATCH_SIZE, cache: StageCache = NO_CACHE): ValidatorModulePlan {
  const sorted = sortedEntries(entries);
  const prepared = preparedSchemas(sorted, cache);
  // What the planning reads of each schema's JSON, kept with it (a warm run spells only the changed group's schemas).
  const facts = prepared.map(({ schema, facts }) => facts ?? schemaFacts(JSON.stringify(schema)));
  // The free names are the stems themselves unless a schema mentions plangen (no name spans two schemas' texts).
  const names = batchNames(facts.some(({ mentionsPlangen }) => mentionsPlangen) ? `[${prepared.map(({ schema }) => JSON.stringify(schema)).join(',')}]` : '');
  // Equal schemas (a version repeated, a shared payload schema) compile once and share a function; equal texts, equal digests.
  const keyByDigest = new Map<string, string>();
  const distinct: { name: string; schema: BatchSchema['schema']; key: string }[] = [];
  const digests: string[] = [];
  const distinctEligible: boolean[] = [];
  const distinctCandidates: (SharingCandidates | undefined)[] = [];
  const exports = prepared.map(({ name, schema, candidates }, index) => {
    const { digest, eligible } = facts[index]!;
    let key = keyByDigest.get(digest);
    if (key === undefined) {
      key = `${names.keyPrefix}${distinct.length}`;
      keyByDigest.set(digest, key);
      distinct.push({ name, schema, key });
      digests.push(digest);
      distinctEligible.push(eligible);
      distinctCandidates.push(candidates);
    }
    return { name, key };
  });
  const sharing = shareRepeatedSubschemas(
    distinct.map(({ schema }) => schema),
    names.keyPrefix,
    names.sharingKeyword,
    undefined,
    distinctCandidates,
    distinctEligible,
  );
  const sharedKeys = sharing.shared.map(({ key }) => key).join(',');
  const batchOf = (start: number, end: number): [ValidatorBatch, BatchCacheInput] => {
    // `compiled` is rewritten when first read: only by a batch that is compiled (not one the cache has).
    const schemas = distinct.slice(start, end).map(({ name, schema, key }, offset): BatchSchema => ({
      name,
      schema,
      key,
      get compiled() {
        return sharing.compiledSchema(start + offset);
      },
    }));
    const keys = new Set(schemas.map(({ key }) => key));
    const batchExports = exports.filter(({ key }) => keys.has(key));
    const input: BatchCacheInput = {
      schemas: schemas.map(({ name, key }, offset) => [name, key, digests[start + offset]!] as const),
      exports: batchExports,
      shared: sharedKeys,
      sharingKeyword: names.sharingKeyword,
    };
    return [{ schemas, exports: batchExports, shared: sharing.shared, sharingKeyword: names.sharingKeyword }, input];
  };
  const batches: ValidatorBatch[] = [];
  const parts: ValidatorBatch[][] = [];
  const batchInputs: BatchCacheInput[] = [];
  const partInputs: BatchCacheInput[][] = [];
  const largest = Math.max(1, batchSize);
  for (let start = 0, end = 0; start < distinct.length; start = end) {
    const left = distinct.length - start;
    end = start + Math.min(left, largest, Math.max(TAIL_BATCH_SIZE, Math.ceil(left / 2)));
    const [batch, input] = batchOf(start, end);
    batches.push(batch);
    batchInputs.push(input);
    const batchParts: ValidatorBatch[] = [];
    const inputs: BatchCacheInput[] = [];
    for (let from = start; from < end; from += PART_SIZE) {
      const [part, partInput] = batchOf(from, Math.min(end, from + PART_SIZE));
      batchParts.push(part);
      inputs.push(partInput);
    }
    parts.push(batchParts);
    partInputs.push(inputs);
  }
  return { batches, parts, exports, batchInputs, partInputs };
}

interface PreparedEntry {
  readonly name: string;
  readonly schema: JsonSchema;
  /** Sharing's candidates in the schema (shared-subschemas.ts), and what the planning reads of its JSON, when kept with it. */
  readonly candidates?: SharingCandidates;
  readonly facts?: SchemaFacts;
}

/** What the planning reads of a prepared schema's JSON: all a pure function of it. */
interface SchemaFacts {
  /** SHA-256 of the JSON: equal schemas, and the batch's cache stand-in. */
  readonly digest: string;
  /** sharingEligible. */
  readonly eligible: boolean;
  /** Whether the text says `plangen`, which the free names (batchNames) must then avoid. */
  readonly mentionsPlangen: boolean;
}

function schemaFacts(text: string): SchemaFacts {
  return { digest: textDigest(text), eligible: sharingEligible(text), mentionsPlangen: text.includes('plangen') };
}

/** A group's kept value: its prepared schemas, their sharing candidates and their facts, one each per entry. */
interface PreparedGroup {
  readonly schemas: readonly JsonSchema[];
  readonly candidates: readonly SharingCandidates[];
  readonly facts: readonly SchemaFacts[];
}

/**
 * Every entry's schema readied for compilation (prepare-schema.ts), through the cache in groups. A prepared schema
 * depends only on the plan schema (the name only words the error that refuses one, and a refused group is never
 * kept), so a group of unchanged plan schemas is taken as it was; preparing them all was ~30 ms of every --watch
 * save at 500 events, where the group's key is one hash of their JSON. Each is kept with its sharing candidates,
 * which are a function of it too: spelling and hashing every subschema for sharing was ~100 ms of every rerun.
 */
function preparedSchemas(sorted: readonly ValidatorEntry[], cache: StageCache): PreparedEntry[] {
  const prepare = ({ name, schema }: ValidatorEntry) => ({ name, schema: prepareSchema(name, schema) });
  if (!keepsParts(cache)) return sorted.map(prepare);
  const prepared: PreparedEntry[] = [];
  for (let start = 0; start < sorted.length; start += PREPARED_GROUP_SIZE) {
    const group = sorted.slice(start, start + PREPARED_GROUP_SIZE);
    // The group's schemas as one JSON array, by its digest (text-digest.ts); the types' chunks spell the same texts.
    const input = listDigest(group.map(({ schema }) => jsonText(schema)));
    const kept = cache.get<PreparedGroup>(PREPARED_KIND, input);
    if (isPreparedGroup(kept, group.length)) {
      group.forEach(({ name }, index) => prepared.push({ name, schema: kept.schemas[index]!, candidates: kept.candidates[index]!, facts: kept.facts[index]! }));
      continue;
    }
    const fresh = group.map(prepare).map(({ name, schema }) => ({ name, schema, candidates: sharingCandidates(schema), facts: schemaFacts(JSON.stringify(schema)) }));
    const value: PreparedGroup = { schemas: fresh.map(({ schema }) => schema), candidates: fresh.map(({ candidates }) => candidates), facts: fresh.map(({ facts }) => facts) };
    cache.set(PREPARED_KIND, input, value);
    prepared.push(...fresh);
  }
  return prepared;
}

function isPreparedGroup(value: unknown, length: number): value is PreparedGroup {
  if (typeof value !== 'object' || value === null) return false;
  const { schemas, candidates, facts } = value as Partial<PreparedGroup>;
  return (
    Array.isArray(schemas) &&
    schemas.length === length &&
    Array.isArray(candidates) &&
    candidates.length === length &&
    candidates.every((each) => typeof each === 'object' && each !== null && Array.isArray(each.hashes) && Array.isArray(each.sizes) && each.hashes.length === each.sizes.length) &&
    Array.isArray(facts) &&
    facts.length === length &&
    facts.every((each) => typeof each === 'object' && each !== null && typeof each.digest === 'string' && typeof each.eligible === 'boolean' && typeof each.mentionsPlangen === 'boolean')
  );
}

export function assembleValidatorModule(plan: ValidatorModulePlan, compiled: readonly CompiledBatch[]): ValidatorModule {
  const { body, locals } = joinLaidOut(compiled.map(({ laidOut }) => laidOut));
  return {
    imports: [...new Set(compiled.flatMap((batch) => batch.imports))].sort(),
    body,
    exports: plan.exports.map(({ name }) => ({ name, local: locals.get(name) ?? '' })),
  };
}

/** The prefixes of ajv keys and of the sharing keyword: names that no schema of `schemasText` contains. */
export function batchNames(schemasText: string): { readonly keyPrefix: string; readonly sharingKeyword: string } {
  return { keyPrefix: freeName(schemasText, 'plangenExport'), sharingKeyword: freeName(schemasText, 'plangenShared') };
}

/**
 * ajv names each export after the key its schema was added under; a key prefix that no schema
 * contains lets its export statements be found exactly, even when a schema string holds text that
 * looks like one. The sharing keyword is chosen the same way, so no keyword of the plan is taken for it.
 */
function freeName(schemasText: string, stem: string): string {
  let counter = 0;
  while (schemasText.includes(`${stem}${counter}x`)) counter++;
  return `${stem}${counter}x`;
}
