// One `plangen` run with several outputs (config `outputs`) compiles each distinct
// validators file once: outputs whose selection, language and module format give
// the same validators (the same SDK for two clients, or two modes' development
// builds) share the compilation, which is most of a development generation.
// Lives for one run only: the caller creates it, so nothing is kept between runs.
import { createHash } from 'node:crypto';
import type { ValidatorEntry } from '../model/validator-entries.js';
import type { CompileValidatorsOptions, CompiledValidatorsFile } from './validators/render-validators.js';
import type { StageCache } from './stage-cache.js';
import { compileValidatorsInParallel } from './validators/compile-in-parallel.js';

export interface SharedCompilations {
  readonly compiled: Map<string, Promise<CompiledValidatorsFile>>;
}

export function createSharedCompilations(): SharedCompilations {
  return { compiled: new Map() };
}

/**
 * The compiled validators of `entries`, from `shared` when an earlier output of the run asked for the same.
 * A shared compilation is never stopped by one output's failure (`signal` applies only to an unshared one).
 */
export function compileValidatorsOnce(
  entries: readonly ValidatorEntry[],
  options: CompileValidatorsOptions,
  shared: SharedCompilations | undefined,
  signal: AbortSignal,
  cache?: StageCache,
): Promise<CompiledValidatorsFile> {
  if (shared === undefined) return compileValidatorsInParallel(entries, options, signal, undefined, cache);
  const key = createHash('sha256').update(JSON.stringify([options.language, options.module ?? 'esm', entries])).digest('hex');
  let compiled = shared.compiled.get(key);
  if (compiled === undefined) {
    compiled = compileValidatorsInParallel(entries, options, undefined, undefined, cache);
    shared.compiled.set(key, compiled);
  }
  return compiled;
}
