// The validators of a large plan compile in batches (build-validator-module.ts) spread over
// worker threads, max(1, os.availableParallelism() - 1) of them, and over the main thread
// once it has nothing else to do (its event loop mostly idle: the types are done and it
// waits for the validators). Every thread takes the next batch from one shared counter (Atomics), so a worker
// never waits for the main thread to hand it work while that thread is busy; each batch gets
// its own ajv instance, dropped once its code is out, so memory follows the batch, not the
// plan. Which thread compiled which batch never shows: the module is laid out from the
// batches' contents alone (test: 1 and 3 workers, same bytes).
import { availableParallelism } from 'node:os';
import type { Performance as NodePerformance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Ajv } from 'ajv';
import type { ValidatorBatch, ValidatorEntry } from './build-validator-module.js';
import type { CompiledBatch } from './compile-validator-batch.js';
import type { StageCache } from '../stage-cache.js';
import { compileBatchesCached } from './cached-batches.js';
import type { CompileValidatorsOptions, CompiledValidatorsFile } from './render-validators.js';

/** Every batch, and the counter each thread takes the index of its next batch from (Atomics.add). */
export interface BatchRequest {
  readonly batches: readonly ValidatorBatch[];
  readonly next: Int32Array;
}

export type BatchReply =
  | { readonly index: number; readonly ok: true; readonly compiled: CompiledBatch }
  | { readonly index: number; readonly ok: false; readonly message: string };

export interface PoolOptions {
  readonly workerFile: string;
  /** Worker threads; default max(1, os.availableParallelism() - 1). */
  readonly workers?: number;
  /** Workers of `workerFile` already started (loading the compiler, or warm from an earlier compile), used first. */
  readonly started?: readonly Worker[];
  /**
   * Takes the workers after a compile that left them idle (every batch answered), for the next compile
   * (compile-in-parallel.ts, `--watch`); without it they end. Workers of a compile that was stopped or lost
   * a thread end either way: one may still be busy with a batch nobody waits for.
   */
  readonly keep?: (workers: readonly Worker[]) => void;
  readonly signal?: AbortSignal;
  /** Batches compiled before are taken from it, and new ones kept (cached-batches.ts). */
  readonly cache?: StageCache;
}

/** How often the main thread looks whether it is free, and below which share of busy time it is. */
const IDLE_CHECK_MS = 25;
const IDLE_BELOW = 0.5;

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

export async function compileInPool(
  entries: readonly ValidatorEntry[],
  options: CompileValidatorsOptions,
  pool: PoolOptions,
): Promise<CompiledValidatorsFile> {
  const count = Math.max(1, pool.workers ?? defaultWorkerCount());
  const started = pool.started ?? [];
  for (const extra of started.slice(count)) void extra.terminate();
  // Started before the batches are planned, so their start-up overlaps the planning.
  const workers = started.slice(0, count);
  while (workers.length < count) workers.push(new Worker(pool.workerFile));
  for (const worker of workers) worker.ref();
  const health = { idle: true };
  try {
    const [{ planValidatorModule, assembleValidatorModule }, { renderValidators }] = await Promise.all([
      import('./build-validator-module.js'),
      import('./render-validators.js'),
    ]);
    const plan = planValidatorModule(entries, undefined, pool.cache);
    const compiled = await compileBatchesCached(plan, pool.cache, (missing) => runBatches(missing, workers, pool.signal, health));
    return renderValidators(assembleValidatorModule(plan, compiled), options);
  } finally {
    if (health.idle && pool.keep !== undefined) pool.keep(workers);
    else for (const worker of workers) void worker.terminate();
  }
}

/**
 * Compiles every batch on the workers and the main thread; rejects with the first failing batch's message (in batch order).
 * `health.idle` turns false when it stops before every batch was answered (aborted, a thread lost): a worker may then be busy still.
 */
function runBatches(batches: readonly ValidatorBatch[], workers: readonly Worker[], signal: AbortSignal | undefined, health: { idle: boolean }): Promise<CompiledBatch[]> {
  return new Promise((resolve, reject) => {
    const results: (CompiledBatch | undefined)[] = new Array(batches.length);
    const failures = new Map<number, string>();
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    let settled = 0;
    let stopped = false;
    // The compiler (ajv) loads on this thread only once it helps: most runs never need it here.
    let compiler: typeof import('./compile-validator-batch.js') | undefined;
    let checkerHere: Ajv | undefined;

    const settle = (index: number, result: { compiled: CompiledBatch } | { message: string }): void => {
      if ('compiled' in result) results[index] = result.compiled;
      else failures.set(index, result.message);
      settled++;
      if (stopped || settled < batches.length) return;
      stopped = true;
      finish();
      const failed = [...failures.keys()].sort((left, right) => left - right)[0];
      if (failed !== undefined) reject(new Error(failures.get(failed)));
      else resolve(results as CompiledBatch[]);
    };
    const fail = (error: Error): void => {
      if (stopped) return;
      stopped = true;
      health.idle = false;
      finish();
      Atomics.store(next, 0, batches.length); // no thread starts another batch
      reject(error);
    };
    const stop = (): void => fail(new Error('plangen: the validator compilation was stopped.'));
    const answer = (reply: BatchReply): void => settle(reply.index, reply.ok ? { compiled: reply.compiled } : { message: reply.message });
    // A worker that stops (it only does when it fails or is terminated) before every batch is answered.
    const exit = (code: number): void => fail(new Error(`plangen internal error: a validator compiler thread stopped (exit code ${code}) before it answered.`));
    // The workers outlive this run when they are kept (--watch): the next run listens afresh.
    const finish = (): void => {
      clearInterval(watch);
      signal?.removeEventListener('abort', stop);
      for (const worker of workers) worker.off('message', answer).off('error', fail).off('exit', exit);
    };
    // The main thread takes batches, until none is left, once its event loop has been mostly idle
    // for a moment: before that it has its own work (the types), which the workers must not wait for.
    // The global `performance` (loaded already; the compiler's lib types it as the DOM's) is node:perf_hooks' own,
    // whose module would cost a cold run ~0.6 ms to load.
    const { eventLoopUtilization } = performance as unknown as NodePerformance;
    let utilization = eventLoopUtilization();
    const watch = setInterval(() => {
      const now = eventLoopUtilization();
      const busy = eventLoopUtilization(now, utilization).utilization;
      utilization = now;
      if (busy > IDLE_BELOW && !stopped) return;
      clearInterval(watch);
      help();
    }, IDLE_CHECK_MS);
    const help = (): void => {
      if (stopped) return;
      if (compiler === undefined) {
        import('./compile-validator-batch.js').then((loaded) => {
          compiler = loaded;
          help();
        }, fail);
        return;
      }
      const index = Atomics.add(next, 0, 1);
      if (index >= batches.length) return;
      try {
        checkerHere ??= compiler.createChecker();
        settle(index, { compiled: compiler.compileValidatorBatch(batches[index]!, checkerHere) });
      } catch (error) {
        settle(index, { message: error instanceof Error ? error.message : String(error) });
      }
      setImmediate(help);
    };

    if (batches.length === 0) {
      clearInterval(watch);
      resolve([]);
      return;
    }
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    const request: BatchRequest = { batches, next };
    for (const worker of workers) {
      if (stopped) break;
      worker.on('message', answer).once('error', fail).once('exit', exit);
      worker.postMessage(request);
    }
  });
}
