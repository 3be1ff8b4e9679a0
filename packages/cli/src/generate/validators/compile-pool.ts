// The validators of a large plan compile in batches (build-validator-module.ts) spread over
// worker threads, max(1, os.availableParallelism() - 1) of them, and over the main thread
// once it has nothing else to do (its event loop mostly idle: the types are done and it
// waits for the validators). Every thread takes the next batch from one shared counter (Atomics), so a worker
// never waits for the main thread to hand it work while that thread is busy; each batch gets
// its own ajv instance, dropped once its code is out, so memory follows the batch, not the
// plan. Which thread compiled which batch never shows: the module is laid out from the
// batches' contents alone (test: 1 and 3 workers, same bytes).
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ValidatorBatch } from './build-validator-module.js';
import type { CompiledBatch } from './compile-validator-batch.js';
import type { StageCache } from '../stage-cache.js';
import { compileBatchesCached } from './cached-batches.js';
import type { CompileValidatorsOptions, CompiledValidatorsFile, ValidatorEntry } from './compile-validators.js';

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
  /** A worker of `workerFile` already started (and loading the compiler), used as the first. */
  readonly started?: Worker;
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
  // Started before the batches are planned, so their start-up overlaps the planning.
  const workers = [pool.started ?? new Worker(pool.workerFile)];
  while (workers.length < count) workers.push(new Worker(pool.workerFile));
  for (const worker of workers) worker.ref();
  const stopAll = (): void => {
    for (const worker of workers) void worker.terminate();
  };
  try {
    const [{ planValidatorModule, assembleValidatorModule }, { compileValidatorBatch, createChecker }, { renderValidators }] = await Promise.all([
      import('./build-validator-module.js'),
      import('./compile-validator-batch.js'),
      import('./compile-validators.js'),
    ]);
    const plan = planValidatorModule(entries);
    const compiled = await compileBatchesCached(plan, pool.cache, (missing) =>
      runBatches(missing, workers, pool.signal, (batch, checker) => compileValidatorBatch(batch, checker), createChecker),
    );
    return renderValidators(assembleValidatorModule(plan, compiled), options);
  } finally {
    stopAll();
  }
}

/** Compiles every batch on the workers and the main thread; rejects with the first failing batch's message (in batch order). */
function runBatches<Checker>(
  batches: readonly ValidatorBatch[],
  workers: readonly Worker[],
  signal: AbortSignal | undefined,
  compileHere: (batch: ValidatorBatch, checker: Checker) => CompiledBatch,
  createChecker: () => Checker,
): Promise<CompiledBatch[]> {
  return new Promise((resolve, reject) => {
    const results: (CompiledBatch | undefined)[] = new Array(batches.length);
    const failures = new Map<number, string>();
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    let settled = 0;
    let stopped = false;
    let checkerHere: Checker | undefined;

    const settle = (index: number, result: { compiled: CompiledBatch } | { message: string }): void => {
      if ('compiled' in result) results[index] = result.compiled;
      else failures.set(index, result.message);
      settled++;
      if (stopped || settled < batches.length) return;
      stopped = true;
      clearInterval(watch);
      const failed = [...failures.keys()].sort((left, right) => left - right)[0];
      if (failed !== undefined) reject(new Error(failures.get(failed)));
      else resolve(results as CompiledBatch[]);
    };
    const fail = (error: Error): void => {
      if (stopped) return;
      stopped = true;
      clearInterval(watch);
      Atomics.store(next, 0, batches.length); // no thread starts another batch
      reject(error);
    };
    // The main thread takes batches, until none is left, once its event loop has been mostly idle
    // for a moment: before that it has its own work (the types), which the workers must not wait for.
    let utilization = performance.eventLoopUtilization();
    const watch = setInterval(() => {
      const now = performance.eventLoopUtilization();
      const busy = performance.eventLoopUtilization(now, utilization).utilization;
      utilization = now;
      if (busy > IDLE_BELOW && !stopped) return;
      clearInterval(watch);
      help();
    }, IDLE_CHECK_MS);
    const help = (): void => {
      if (stopped) return;
      const index = Atomics.add(next, 0, 1);
      if (index >= batches.length) return;
      try {
        checkerHere ??= createChecker();
        settle(index, { compiled: compileHere(batches[index]!, checkerHere) });
      } catch (error) {
        settle(index, { message: error instanceof Error ? error.message : String(error) });
      }
      setImmediate(help);
    };

    signal?.addEventListener('abort', () => fail(new Error('plangen: the validator compilation was stopped.')), { once: true });
    if (signal?.aborted) fail(new Error('plangen: the validator compilation was stopped.'));
    const request: BatchRequest = { batches, next };
    for (const worker of workers) {
      worker.on('message', (reply: BatchReply) => settle(reply.index, reply.ok ? { compiled: reply.compiled } : { message: reply.message }));
      worker.once('error', fail);
      // A worker that finds no batch left ends on its own (code 0), after its answers have arrived.
      worker.once('exit', (code) => {
        if (code !== 0) fail(new Error(`plangen internal error: a validator compiler thread stopped (exit code ${code}) before it answered.`));
      });
      worker.postMessage(request);
    }
    if (batches.length === 0) {
      clearInterval(watch);
      resolve([]);
    }
  });
}
