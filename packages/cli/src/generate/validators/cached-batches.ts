// Validator batches through the cache (stage-cache.ts): a batch's compiled code
// is a pure function of the batch (its schemas, the shared subschemas, its
// names; which thread compiled it never shows), so a batch compiled before,
// in this process or an earlier one, is taken as it was, and only the others
// are compiled. Adding a property to one event changes one batch.
// Two sizes: without a cache (--no-cache) a run compiles whole batches (64
// schemas, one ajv instance each: cheapest in all). With one, a run compiles a
// missing batch part by part (8 schemas each, build-validator-module.ts) and
// keeps each part, so a later change in that batch, the usual rerun or
// `--watch` save editing one event, recompiles one part, not 64 schemas. The
// module never depends on how its schemas were cut (stable-layout.ts joins any cut).
import { keepsParts, NO_CACHE, type StageCache } from '../stage-cache.js';
import type { ValidatorBatch } from './build-validator-module.js';
import type { CompiledBatch } from './compile-validator-batch.js';

// A batch's value is the pieces it was compiled in: [whole], or its parts in order.
const BATCH_KIND = 'validator-batch';
const PART_KIND = 'validator-part';

export interface BatchPlan {
  readonly batches: readonly ValidatorBatch[];
  /** Each batch's parts (the same schemas, cut finer); none: batches are compiled whole. */
  readonly parts?: readonly (readonly ValidatorBatch[])[];
  /** What the cache keys each batch and part on, when the planning has something smaller than the batch to stand for it (BatchCacheInput). */
  readonly batchInputs?: readonly unknown[];
  readonly partInputs?: readonly (readonly unknown[])[];
}

/** Every batch's compiled code, in order (as one or more pieces each): cached ones from `cache`, the rest from `compile` (then kept). */
export async function compileBatchesCached(
  plan: BatchPlan,
  cache: StageCache = NO_CACHE,
  compile: (missing: readonly ValidatorBatch[]) => Promise<CompiledBatch[]>,
): Promise<CompiledBatch[]> {
  const { batches, parts, batchInputs, partInputs } = plan;
  const batchInput = (index: number): unknown => batchInputs?.[index] ?? batches[index];
  const cached = batches.map((_batch, index) => {
    const pieces = cache.get<CompiledBatch[]>(BATCH_KIND, batchInput(index));
    return Array.isArray(pieces) ? pieces : undefined;
  });
  // A cold run compiles parts too when a cache keeps them: the next edit (a rerun, a --watch save) usually
  // touches another batch than the last one did, and then finds its other parts kept (one part to compile, not 8).
  // Only a run that keeps nothing compiles whole batches.
  const inParts = keepsParts(cache);
  // What each missing batch needs: itself whole (nothing kept), or its parts, each from the cache or to compile.
  const needs: Need[][] = batches.map((batch, index) => {
    if (cached[index] !== undefined) return [];
    const batchParts = inParts ? parts?.[index] : undefined;
    if (batchParts === undefined || batchParts.length < 2) return [{ batch, input: batchInput(index), part: false }];
    return batchParts.map((part, partIndex) => {
      const input = partInputs?.[index]?.[partIndex] ?? part;
      return { batch: part, input, part: true, value: cache.get<CompiledBatch>(PART_KIND, input) };
    });
  });
  const missing = needs.flat().filter((need) => need.value === undefined);
  const fresh = missing.length > 0 ? await compile(missing.map(({ batch }) => batch)) : [];
  missing.forEach((need, index) => {
    need.value = fresh[index]!;
    if (need.part) cache.set(PART_KIND, need.input, need.value);
  });
  return batches.flatMap((_batch, index) => {
    const known = cached[index];
    if (known !== undefined) return known;
    const pieces = needs[index]!.map((need) => need.value!);
    cache.set(BATCH_KIND, batchInput(index), pieces);
    return pieces;
  });
}

interface Need {
  readonly batch: ValidatorBatch;
  readonly input: unknown;
  readonly part: boolean;
  value?: CompiledBatch | undefined;
}
