// `plangen generate` (and `plangen` alone): resolve options from flags and the
// config file, then load -> generate -> write (or --check, or --watch).
import { readFile } from 'node:fs/promises';
import { EXIT_FAILURE, EXIT_SUCCESS, exitCodeFor } from '../cli/exit-codes.js';
import { reportError } from '../cli/run-command.js';
import { loadConfig } from '../config/load-config.js';
import { resolveGenerateOptions, type GenerateFlags, type ResolvedGenerate } from '../config/resolve-generate-options.js';
import { resolveOutputs, type ResolvedOutputs } from '../config/resolve-outputs.js';
import type { SharedCompilations } from '../generate/shared-validators.js';
import { PlanError } from '../errors.js';
import type { GeneratedFile, GenerateOptions } from '../generate/options.js';
import { keepValidatorWorkers, prestartValidatorWorker } from '../generate/validators/compile-in-parallel.js';
import type { CheckedSchemas } from '../load/checked-schemas.js';
import type { LoadedPlan } from '../load/load-plan.js';
import type { PlanFormat } from '../model/types.js';
import { checkOutput, staleSummary } from '../write/check-output.js';
import { knownKeys } from '../generate/known-keys.js';
import { openCache, type RunCache } from '../cache/open-cache.js';
import { inputsFingerprint } from '../fast-path/fingerprint.js';
import { plangenIdentity } from '../fast-path/plangen-build.js';
import type { StageCache } from '../generate/stage-cache.js';
import { displayPath } from '../messages/display-path.js';
import type { GenerationRecord } from '../write/manifest.js';
import { repairOutputFolder } from '../write/recover-output.js';
import { watchFiles } from '../write/watch-files.js';
import { writeOutput } from '../write/write-output.js';
import { countOf } from '../messages/plural.js';

export interface GenerateArgs extends GenerateFlags {
  readonly check?: boolean;
  readonly watch?: boolean;
  readonly config?: string;
  /** `--no-cache` (false): compute every part, reuse nothing (cache/). */
  readonly cache?: boolean;
}

/** The pipeline stages, injectable so the command can be tested before (or without) the real ones. */
export interface Stages {
  /** `bytes`: the plan as already read (and fingerprinted), so what is loaded is what the manifest records. */
  /** `checkedSchemas`: the schemas earlier runs checked, kept in the cache (load/checked-schemas.ts). */
  loadPlan(file: string, options?: { format?: PlanFormat; bytes?: Uint8Array; checkedSchemas?: CheckedSchemas }): Promise<LoadedPlan>;
  /** The plan's locator places a refused pattern at `file:line:col`. */
  generate(plan: LoadedPlan, options: GenerateOptions, shared?: SharedCompilations, cache?: StageCache): Promise<GeneratedFile[]>;
}

export interface GenerateDeps {
  readonly stages?: Stages;
  readonly cwd?: string;
  /** Ends --watch; by default SIGINT or SIGTERM does. */
  readonly signal?: AbortSignal;
  /** Called after each --watch run (tests wait on it). */
  readonly onRun?: (ok: boolean) => void;
  /** Which plangen this is, for the manifest's fingerprint (default plangenIdentity). */
  readonly identity?: () => string | undefined;
}

export async function run(args: GenerateArgs, deps: GenerateDeps = {}): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const stages = deps.stages ?? lazyStages();
  if (args.check && args.watch) {
    throw new PlanError({ file: 'plangen' }, '--check and --watch cannot be used together', 'Use --check in CI and --watch while editing');
  }
  const identity = (deps.identity ?? plangenIdentity)();
  const cache = openCache(cwd, identity, args.cache !== false);
  if (args.watch) return watchAndGenerate(args, stages, cwd, deps, identity, cache);
  const resolved = await resolve(args, cwd);
  try {
    return await generateResolved(resolved, stages, args.check === true, cwd, identity, cache);
  } finally {
    cache.endRun();
  }
}

// Imported when first used, so option and config errors never wait for the heavy stages.
function lazyStages(): Stages {
  return {
    loadPlan: async (file, { bytes, ...options } = {}) => {
      const { loadPlan, loadPlanBytes } = await import('../load/load-plan.js');
      return bytes === undefined ? loadPlan(file, options) : loadPlanBytes(bytes, file, options);
    },
    generate: async ({ model, locator }, options, shared, cache) => (await import('../generate/index.js')).generate(model, options, locator, shared, cache),
  };
}

// A config with `outputs` makes several SDKs in one run (generate-outputs.ts); otherwise one, as always.
async function generateResolved(
  resolved: ResolvedGenerate | ResolvedOutputs,
  stages: Stages,
  check: boolean,
  cwd: string,
  identity: string | undefined,
  cache: StageCache,
): Promise<number> {
  if (!('outputs' in resolved)) return generateOnce(resolved, stages, check, cwd, identity, cache);
  return (await import('./generate-outputs.js')).generateOutputs(resolved, stages, check, cwd, cache);
}

async function resolve(args: GenerateArgs, cwd: string): Promise<ResolvedGenerate | ResolvedOutputs> {
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  return loaded?.config.outputs !== undefined ? resolveOutputs(args, loaded, cwd) : resolveGenerateOptions(args, loaded, cwd);
}

async function generateOnce(
  resolved: ResolvedGenerate,
  stages: Stages,
  check: boolean,
  cwd: string,
  identity: string | undefined,
  cache: StageCache,
): Promise<number> {
  const started = performance.now();
  // Relative to the working directory, so plan errors read `plan.yaml:12:7: ...`.
  const planFile = displayPath(resolved.planFile);
  // An interrupted earlier run is repaired first, whatever happens next (--check only reports it).
  if (!check) {
    const { restored } = await repairOutputFolder(resolved.outDir);
    if (restored.length > 0) {
      process.stderr.write(`plangen: an interrupted run had left ${displayPath(resolved.outDir, cwd)} half-written; the previous files are restored\n`);
    }
  }
  // The validators' worker thread starts loading its compiler now, while the plan is read and checked.
  if (resolved.options.mode === 'development') prestartValidatorWorker();
  const planBytes = await readFile(resolved.planFile).catch(() => undefined); // unreadable: loadPlan says why
  // Only the schemas whose text changed since an earlier run of this plan are checked again.
  const checkedSchemas = knownKeys(cache, 'checked-schemas', { plan: resolved.planFile });
  const plan = await stages.loadPlan(planFile, {
    ...(resolved.inputFormat && { format: resolved.inputFormat }),
    ...(planBytes && { bytes: planBytes }),
    ...(checkedSchemas && { checkedSchemas }),
  });
  checkedSchemas?.save();
  const files = await stages.generate(plan, resolved.options, undefined, cache);
  const { model } = plan;
  const out = displayPath(resolved.outDir, cwd);
  const versions = model.events.reduce((sum, event) => sum + event.versions.length, 0);
  const counts = `${countOf(model.events.length, 'event')}, ${countOf(versions, 'version')}`;

  if (check) {
    const { stale } = await checkOutput(resolved.outDir, files);
    if (stale.length > 0) {
      process.stdout.write(stale.map((file) => file.diff).join(''));
      process.stderr.write(`${staleSummary(stale)}Generated code is not up to date. Run \`plangen generate\` to update it.\n`);
      return EXIT_FAILURE;
    }
    process.stderr.write(`plangen: ${out} is up to date (${countOf(files.length, 'file')}; ${counts})\n`);
    return EXIT_SUCCESS;
  }

  const fingerprint = planBytes && (await generationRecord(resolved, planBytes, counts, identity));
  const result = await writeOutput(resolved.outDir, files, fingerprint ? { fingerprint } : {});
  const ms = Math.round(performance.now() - started);
  if (result.written.length === 0 && result.removed.length === 0) {
    process.stderr.write(`plangen: ${out} is up to date (${countOf(files.length, 'file')}; ${counts}) in ${ms} ms\n`);
  } else {
    const extras = [
      result.unchanged.length > 0 ? `${result.unchanged.length} unchanged` : '',
      result.removed.length > 0 ? `${result.removed.length} removed` : '',
    ].filter(Boolean);
    const details = extras.length > 0 ? `${extras.join(', ')}; ${counts}` : counts;
    process.stderr.write(`plangen: wrote ${countOf(result.written.length, 'file')} to ${out} (${details}) in ${ms} ms\n`);
  }
  return EXIT_SUCCESS;
}

/**
 * Regenerates on every change of the plan or config file; a bad plan is reported and the last good output kept.
 * The process stays warm, and `cache` keeps each part of the last run in memory, so a change regenerates only
 * the parts whose input it touched; the validators' worker threads stay for the whole session too (warm JIT).
 */
async function watchAndGenerate(
  args: GenerateArgs,
  stages: Stages,
  cwd: string,
  deps: GenerateDeps,
  identity: string | undefined,
  cache: RunCache,
): Promise<number> {
  const workers = keepValidatorWorkers();
  try {
    let watched: string[] = [];
    const once = async (): Promise<boolean> => {
      try {
        const resolved = await resolve(args, cwd);
        watched = [resolved.planFile, ...(resolved.configFile ? [resolved.configFile] : [])];
        await generateResolved(resolved, stages, false, cwd, identity, cache);
        return true;
      } catch (error) {
        // Watching survives anything: the previous output stays, the next save retries.
        if (exitCodeFor(error) !== undefined) reportError(error);
        else process.stderr.write(`plangen: ${error instanceof Error ? error.message : String(error)}\n`);
        return false;
      } finally {
        cache.endRun();
      }
    };

    const firstOk = await once();
    deps.onRun?.(firstOk);
    if (watched.length === 0) return EXIT_FAILURE; // nothing resolved, so nothing to watch
    const watch = watchFiles(watched, async () => {
      const ok = await once();
      watch.setPaths(watched);
      deps.onRun?.(ok);
    });
    await watch.ready;
    process.stderr.write(`plangen: watching ${watched.map((file) => displayPath(file, cwd)).join(', ')} (Ctrl+C to stop)\n`);

    await new Promise<void>((done) => {
      const signal = deps.signal ?? processSignal();
      if (signal.aborted) done();
      signal.addEventListener('abort', () => done(), { once: true });
    });
    await watch.close();
    return EXIT_SUCCESS;
  } finally {
    await workers.end();
  }
}

function processSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return controller.signal;
}

/** What the manifest records for the fast path (fast-path/); undefined when plangen's build cannot be told. */
async function generationRecord(
  resolved: ResolvedGenerate,
  planBytes: Uint8Array,
  summary: string,
  identity: string | undefined,
): Promise<GenerationRecord | undefined> {
  if (identity === undefined) return undefined;
  const configBytes = resolved.configFile === undefined ? undefined : await readFile(resolved.configFile);
  const inputs = inputsFingerprint({
    identity,
    outDir: resolved.outDir,
    planFile: resolved.planFile,
    planBytes,
    config: resolved.configFile === undefined || configBytes === undefined ? undefined : { file: resolved.configFile, bytes: configBytes },
    settings: { inputFormat: resolved.inputFormat, options: resolved.options },
  });
  return { inputs, summary };
}
