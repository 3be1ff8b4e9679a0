// What bin/plangen.js does before any command-line library loads (this module's bundle
// is the bin's first import): answer an up-to-date generate from the manifest
// (run-fast-path.ts); else, for an argument list parseGenerateArgs fully understands,
// run the generate command straight from it (dist/bundle/generate.cjs, cli/run-generate.ts,
// compiled from V8's code cache: code-cached-bundle.ts),
// with the validators' worker thread already starting; else load the full CLI (yargs),
// which words every usage error and runs every other command.
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startCompileWorker } from '../generate/validators/start-compile-worker.js';
import { loadCodeCached } from './code-cached-bundle.js';
import { parseGenerateArgs, type FastGenerateArgs } from './generate-args.js';
import { runFastPath, type FastPathDeps } from './run-fast-path.js';

export type FirstStep =
  | { readonly kind: 'answered'; readonly exitCode: number }
  | { readonly kind: 'generate'; readonly args: FastGenerateArgs; readonly worker: Worker | undefined }
  | { readonly kind: 'cli' };

export function firstStep(argv: readonly string[], deps: FastPathDeps = {}): FirstStep {
  const answered = runFastPath(argv, deps);
  if (answered !== undefined) return { kind: 'answered', exitCode: answered };
  const args = parseGenerateArgs(argv);
  if (args === undefined) return { kind: 'cli' };
  // Only a development generation compiles validators; a config may still choose production (the unused,
  // unref'd thread then ends with the process).
  const worker = args.mode === 'production' ? undefined : startCompileWorker(import.meta.url);
  return { kind: 'generate', args, worker };
}

/** The generate command's bundle, beside this module's in dist/bundle/ (scripts/build-cli.mjs). */
export function generateBundle(): string {
  return fileURLToPath(new URL('./generate.cjs', import.meta.url));
}

/** What generate.cjs exports: cli/run-generate.ts. */
export interface GenerateBundle {
  runGenerate(args: FastGenerateArgs, worker?: Worker): Promise<number>;
}

/** Runs the generate command of a 'generate' step from its bundle. */
export function runGenerateBundle(step: Extract<FirstStep, { kind: 'generate' }>): Promise<number> {
  return (loadCodeCached(generateBundle()).exports as GenerateBundle).runGenerate(step.args, step.worker);
}

export { loadCodeCached, recordCodeCache } from './code-cached-bundle.js';
