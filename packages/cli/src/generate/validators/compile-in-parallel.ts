// ajv's compilation and the type emitter are the two big costs of a development
// generation, and neither needs the other: the validators compile in batches on
// worker threads (compile-pool.ts) while the main thread emits the types, and the
// main thread takes batches too when it is free. The workers run the very same
// batch compiler as compileValidators. From TypeScript sources (tests) there is
// no built worker file, so the validators compile in this thread instead.
// This module is imported statically and stays light (ajv loads in the worker): the
// worker must start before the main thread's synchronous type work, not after it.
// The CLI starts it earlier still (prestartValidatorWorker, before the plan is read;
// bin/plangen.js before the command has even loaded, adoptValidatorWorker): a worker
// thread's start-up and ajv's loading were ~150 ms on the critical path of a cold
// 25-event generation, and now overlap the main thread's own loading.
import type { Worker } from 'node:worker_threads';
import type { StageCache } from '../stage-cache.js';
import type { ValidatorEntry } from './build-validator-module.js';
import type { CompileValidatorsOptions, CompiledValidatorsFile } from './render-validators.js';
import { compileWorkerFile, startCompileWorker } from './start-compile-worker.js';

// Process-wide on purpose: a thread that has loaded the compiler and waits for its batches,
// taken by the next compile; it holds no plan data, and unused it never keeps the process alive.
let prestarted: Worker | undefined;
// Process-wide on purpose: while a `--watch` session keeps them (keepValidatorWorkers), the idle
// threads of the compiles before, warm (a fresh thread's cold JIT made ajv's code generation several
// times slower than in a thread that has run it), for the next compile. They hold no plan data (each
// compile posts its own batches), never keep the process alive, and the session's end terminates them.
let kept: KeptWorker[] | undefined;

interface KeptWorker {
  readonly worker: Worker;
  /** Removes the listeners that drop it from `kept` should it fail while idle. */
  readonly take: () => Worker;
}

/** Starts a worker thread now, for the next compileValidatorsInParallel; nothing from the sources (tests). */
export function prestartValidatorWorker(): void {
  if (prestarted === undefined && !(kept !== undefined && kept.length > 0)) adoptValidatorWorker(startCompileWorker(import.meta.url));
}

export interface KeptValidatorWorkers {
  /** The kept threads' ids, idle now (tests: the same thread serves compile after compile). */
  threadIds(): number[];
  /** Stops keeping them, and ends those kept. */
  end(): Promise<void>;
}

/**
 * From now until `end`, every compile's worker threads are kept, idle, for the next compile instead of ended:
 * `--watch` regenerates with warm threads. A thread of a compile that was stopped, or that lost a thread, is not
 * kept (it may still be busy with a batch nobody waits for); the next compile starts a new one in its place.
 */
export function keepValidatorWorkers(): KeptValidatorWorkers {
  const mine: KeptWorker[] = [];
  kept = mine;
  return {
    threadIds: () => mine.map(({ worker }) => worker.threadId),
    async end() {
      if (kept === mine) kept = undefined;
      await Promise.all(mine.splice(0).map(({ take }) => take().terminate()));
    },
  };
}

/** Keeps `workers` for the next compile while a session keeps them, else ends them (a compile uses as many as it needs, ending the rest). */
function keepOrEnd(workers: readonly Worker[]): void {
  for (const worker of workers) {
    const into = kept;
    if (into === undefined) {
      void worker.terminate();
      continue;
    }
    const drop = (): void => {
      const at = into.indexOf(entry);
      if (at >= 0) into.splice(at, 1);
    };
    const entry: KeptWorker = {
      worker,
      take: () => {
        worker.off('error', drop).off('exit', drop);
        return worker;
      },
    };
    worker.unref();
    worker.once('error', drop).once('exit', drop);
    into.push(entry);
  }
}

/** The threads waiting for a compile: the one started ahead, and those kept warm. */
function takeStarted(): Worker[] {
  const started = prestarted === undefined ? [] : [prestarted];
  prestarted = undefined;
  if (kept !== undefined) started.push(...kept.splice(0).map(({ take }) => take()));
  return started;
}

/**
 * Keeps `worker` (started by bin/plangen.js's first bundle, before this one loaded; unref'd) for the next
 * compileValidatorsInParallel, as prestartValidatorWorker does with the one it starts.
 */
export function adoptValidatorWorker(worker: Worker | undefined): void {
  if (worker === undefined) return;
  if (prestarted !== undefined) {
    void worker.terminate();
    return;
  }
  // One that fails before it is taken is dropped, and the compile starts its own (which reports the failure).
  const drop = () => {
    if (prestarted === worker) prestarted = undefined;
  };
  worker.once('error', drop).once('exit', drop);
  prestarted = worker;
  // The pool's main-thread side loads now too: a compile can then hand out its batches at its first
  // await, before the synchronous type work, rather than after it (the dynamic imports waited for it).
  // Not the compiler (ajv), which only a main thread that helps loads (compile-pool.ts).
  void Promise.all([import('./compile-pool.js'), import('./build-validator-module.js'), import('./render-validators.js')]).catch(() => undefined);
}

/**
 * `signal` stops the compilation: the promise then rejects and nothing keeps compiling.
 * `workers`: how many worker threads (compile-pool.ts; default max(1, os.availableParallelism() - 1)).
 * `cache`: batches compiled before are taken from it, and new ones kept (cached-batches.ts).
 */
export function compileValidatorsInParallel(
  entries: readonly ValidatorEntry[],
  options: CompileValidatorsOptions,
  signal?: AbortSignal,
  workers?: number,
  cache?: StageCache,
): Promise<CompiledValidatorsFile> {
  const workerFile = compileWorkerFile(import.meta.url);
  if (workerFile === undefined) return compileHere(entries, options, cache);
  const started = takeStarted();
  return import('./compile-pool.js').then(({ compileInPool }) =>
    compileInPool(entries, options, {
      workerFile,
      started,
      keep: keepOrEnd,
      ...(signal && { signal }),
      ...(workers !== undefined && { workers }),
      ...(cache && { cache }),
    }),
  );
}

/** On this thread, batch by batch, as compileValidators does, through the cache. */
async function compileHere(entries: readonly ValidatorEntry[], options: CompileValidatorsOptions, cache: StageCache | undefined): Promise<CompiledValidatorsFile> {
  const [{ planValidatorModule, assembleValidatorModule }, { compileValidatorBatch }, { renderValidators }, { compileBatchesCached }] = await Promise.all([
    import('./build-validator-module.js'),
    import('./compile-validator-batch.js'),
    import('./render-validators.js'),
    import('./cached-batches.js'),
  ]);
  const plan = planValidatorModule(entries, undefined, cache);
  const compiled = await compileBatchesCached(plan, cache, async (missing) => missing.map((batch) => compileValidatorBatch(batch)));
  return renderValidators(assembleValidatorModule(plan, compiled), options);
}
