// What bin/plangen.js does before any command-line library loads (this module's bundle
// is the bin's first import): answer `plangen --version`, and an up-to-date generate
// from the manifest (run-fast-path.ts); else, for an argument list parseGenerateArgs fully understands,
// run the generate command straight from it (dist/bundle/generate.cjs, cli/run-generate.ts,
// compiled from V8's code cache: code-cached-bundle.ts),
// with the validators' worker thread already starting; else load the full CLI (yargs),
// which words every usage error and runs every other command.
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { plangenVersion } from '../messages/plangen-version.js';
import { resolveGenerateOptions } from '../config/resolve-generate-options.js';
import { startCompileWorker } from '../generate/validators/start-compile-worker.js';
import { loadCodeCached, RECORD_CODE_CACHE } from './code-cached-bundle.js';
import { parseGenerateArgs, type FastGenerateArgs } from './generate-args.js';
import { readJsonConfig } from './json-config.js';
import { runFastPath, type FastPathDeps } from './run-fast-path.js';

export type FirstStep =
  | { readonly kind: 'answered'; readonly exitCode: number }
  | { readonly kind: 'generate'; readonly args: FastGenerateArgs; readonly worker: Worker | undefined }
  | { readonly kind: 'cli' };

export function firstStep(argv: readonly string[], deps: FastPathDeps = {}): FirstStep {
  // What the full CLI prints for it (cli.ts), without loading yargs and every command (~80 ms).
  if (argv.length === 1 && argv[0] === '--version') {
    (deps.stdout ?? ((text) => process.stdout.write(text)))(`${plangenVersion()}\n`);
    return { kind: 'answered', exitCode: 0 };
  }
  const answered = runFastPath(argv, deps);
  if (answered !== undefined) return { kind: 'answered', exitCode: answered };
  const args = parseGenerateArgs(argv);
  if (args === undefined) return { kind: 'cli' };
  const worker = mayCompileValidators(args, deps.cwd ?? process.cwd()) ? startCompileWorker(import.meta.url) : undefined;
  return { kind: 'generate', args, worker };
}

/**
 * Only a development generation compiles validators: false for --mode production, or a JSON config whose mode is
 * production. When that is not known here (a YAML or JavaScript config, `outputs`, a config that does not resolve), true:
 * an unused thread is unref'd and ends with the process.
 */
export function mayCompileValidators(args: FastGenerateArgs, cwd: string): boolean {
  if (args.mode !== undefined) return args.mode !== 'production';
  try {
    const config = readJsonConfig(args.config, cwd);
    return config === undefined || resolveGenerateOptions(args, config.loaded, cwd).options.mode !== 'production';
  } catch {
    return true;
  }
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

/**
 * A validators' worker thread (code-cached-worker.ts) that saves its code cache before each answer, for the
 * build's recording run; undefined from the sources.
 */
export function startRecordingCompileWorker(): Worker | undefined {
  return startCompileWorker(import.meta.url, RECORD_CODE_CACHE);
}

export { loadCodeCached, recordCodeCache } from './code-cached-bundle.js';
