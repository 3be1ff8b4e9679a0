// ajv's compilation and the type emitter + prettier are the two big costs of a
// development generation, and neither needs the other: the validators compile on
// a worker thread while the main thread emits the types, so with two or more
// cores the wall time is the larger of the two rather than their sum. The worker
// runs the very same compileValidators. From TypeScript sources (tests) there is
// no built worker file, so the validators compile in this thread instead.
// This module is imported statically and stays light (ajv loads in the worker): the
// worker must start before the main thread's synchronous type work, not after it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompileValidatorsOptions, CompiledValidatorsFile, ValidatorEntry } from './compile-validators.js';

export interface CompileRequest {
  readonly entries: readonly ValidatorEntry[];
  readonly options: CompileValidatorsOptions;
}

export type CompileReply = { readonly ok: true; readonly file: CompiledValidatorsFile } | { readonly ok: false; readonly message: string };

const WORKER_FILE = fileURLToPath(new URL('./compile-worker.js', import.meta.url));

/** `signal` stops the worker: the promise then rejects and nothing keeps compiling. */
export function compileValidatorsInParallel(
  entries: readonly ValidatorEntry[],
  options: CompileValidatorsOptions,
  signal?: AbortSignal,
): Promise<CompiledValidatorsFile> {
  if (!import.meta.url.endsWith('.js') || !existsSync(WORKER_FILE)) {
    return import('./compile-validators.js').then(({ compileValidators }) => compileValidators(entries, options));
  }
  return new Promise((resolve, reject) => {
    const request: CompileRequest = { entries, options };
    const worker = new Worker(WORKER_FILE, { workerData: request });
    signal?.addEventListener(
      'abort',
      () => {
        reject(new Error('plangen: the validator compilation was stopped.'));
        void worker.terminate();
      },
      { once: true },
    );
    worker.once('message', (reply: CompileReply) => (reply.ok ? resolve(reply.file) : reject(new Error(reply.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`plangen internal error: the validator compiler stopped (exit code ${code}) before it answered.`)));
  });
}
