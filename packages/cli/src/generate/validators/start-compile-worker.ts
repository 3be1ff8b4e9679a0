// Starts the validators' worker thread (compile-worker.ts, built beside this module in
// dist/bundle/). Node's own modules only: bin/plangen.js's first bundle (fast-path/)
// starts it before the generate command has loaded, so the thread's bootstrap and
// ajv's loading overlap the main thread's, and compile-in-parallel.ts takes it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The built worker file beside the module calling this; none from the TypeScript sources (tests). */
export function compileWorkerFile(moduleUrl: string): string | undefined {
  // A built module: tsc's .js, or a bundle's (.js; generate.cjs, fast-path/code-cached-bundle.ts).
  if (!/\.c?js$/.test(moduleUrl)) return undefined;
  // The bundle's is CommonJS (fast-path/code-cached-worker.ts), tsc's an ES module.
  return ['./compile-worker.cjs', './compile-worker.js'].map((name) => fileURLToPath(new URL(name, moduleUrl))).find((file) => existsSync(file));
}

/**
 * A worker of the built CLI that never keeps the process alive while unused; undefined from the sources.
 * `workerData`: only the build's recording run passes one (fast-path/code-cached-worker.ts).
 */
export function startCompileWorker(moduleUrl: string, workerData?: string): Worker | undefined {
  const file = compileWorkerFile(moduleUrl);
  if (file === undefined) return undefined;
  const worker = new Worker(file, workerData === undefined ? {} : { workerData });
  worker.unref();
  return worker;
}
