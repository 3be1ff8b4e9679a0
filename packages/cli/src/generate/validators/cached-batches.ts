// Validator batches through the cache (stage-cache.ts): a batch's compiled code
// is a pure function of the batch (its schemas, the shared subschemas, its
// names; which thread compiled it never shows), so a batch compiled before,
// in this process or an earlier one, is taken as it was, and only the others
// are compiled. Adding a property to one event changes one batch.
import { NO_CACHE, type StageCache } from '../stage-cache.js';
import type { CompiledBatch, ValidatorBatch } from './build-validator-module.js';

const KIND = 'validator-batch';

/** Every batch's compiled code, in order: cached ones from `cache`, the rest from `compile` (then kept). */
export async function compileBatchesCached(
  batches: readonly ValidatorBatch[],
  cache: StageCache = NO_CACHE,
  compile: (missing: readonly ValidatorBatch[]) => Promise<CompiledBatch[]>,
): Promise<CompiledBatch[]> {
  const cached = batches.map((batch) => cache.get<CompiledBatch>(KIND, batch));
  const missing = batches.filter((_, index) => cached[index] === undefined);
  const fresh = missing.length > 0 ? await compile(missing) : [];
  missing.forEach((batch, index) => cache.set(KIND, batch, fresh[index]));
  let next = 0;
  return cached.map((compiled) => compiled ?? fresh[next++]!);
}
