// `plangen docs`: the tracking plan as a catalog for the people who read the
// data: one self-contained index.html (default) or markdown files. Options
// from flags and the config file as for generate (the config's plan, client,
// input format, and its `docs` object for the folder and format), the same
// loader and located errors, the same writer (atomic, manifest, foreign files
// untouched) and the same `--check`.
import { EXIT_FAILURE, EXIT_SUCCESS } from '../cli/exit-codes.js';
import type { DocsFormat } from '../catalog/formats.js';
import { renderCatalog } from '../catalog/render-catalog.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { resolvePlanFile } from '../config/resolve-path-setting.js';
import { PlanError } from '../errors.js';
import { DEFAULT_GENERATE_OPTIONS, type ClientKind } from '../generate/options.js';
import { wrapperSignatures } from '../generate/view-model.js';
import { loadPlan } from '../load/load-plan.js';
import { displayPath } from '../messages/display-path.js';
import type { PlanFormat } from '../model/types.js';
import { checkOutput, staleSummary } from '../write/check-output.js';
import { repairOutputFolder } from '../write/recover-output.js';
import { writeOutput } from '../write/write-output.js';
import path from 'node:path';
import { countOf } from '../messages/plural.js';

export interface DocsArgs {
  readonly plan?: string;
  readonly out?: string;
  readonly format?: DocsFormat;
  readonly client?: ClientKind;
  readonly check?: boolean;
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
}

export async function run(args: DocsArgs, cwd: string = process.cwd()): Promise<number> {
  const started = performance.now();
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const planFile = resolvePlanFile(args.plan, loaded, cwd);
  const outDir = resolveDocsOut(args.out, loaded, cwd);
  const format = args.format ?? loaded?.config.docs?.format ?? 'html';
  const client = args.client ?? loaded?.config.client ?? DEFAULT_GENERATE_OPTIONS.client;
  const inputFormat = args.inputFormat ?? loaded?.config.inputFormat;
  const check = args.check === true;
  const out = displayPath(outDir, cwd);

  // An interrupted earlier run is repaired first, whatever happens next (--check only reports it).
  if (!check) {
    const { restored } = await repairOutputFolder(outDir);
    if (restored.length > 0) process.stderr.write(`plangen: an interrupted run had left ${out} half-written; the previous files are restored\n`);
  }
  const { model } = await loadPlan(displayPath(planFile), inputFormat !== undefined ? { format: inputFormat } : {});
  const files = renderCatalog(model, { client, signatures: wrapperSignatures(model, client) }, format);
  const counts = `${countOf(model.events.length, 'event')}`;

  if (check) {
    const { stale } = await checkOutput(outDir, files);
    if (stale.length > 0) {
      process.stdout.write(stale.map((file) => file.diff).join(''));
      process.stderr.write(`${staleSummary(stale)}The docs are not up to date. Run \`plangen docs\` to update them.\n`);
      return EXIT_FAILURE;
    }
    process.stderr.write(`plangen: ${out} is up to date (${countOf(files.length, 'file')}; ${counts})\n`);
    return EXIT_SUCCESS;
  }

  const result = await writeOutput(outDir, files);
  const ms = Math.round(performance.now() - started);
  const changed = result.written.length > 0 || result.removed.length > 0;
  const removed = result.removed.length > 0 ? `, ${result.removed.length} removed` : '';
  process.stderr.write(
    changed
      ? `plangen: wrote ${countOf(result.written.length, 'file')} of docs to ${out} (${counts}${removed}) in ${ms} ms\n`
      : `plangen: ${out} is up to date (${countOf(files.length, 'file')}; ${counts}) in ${ms} ms\n`,
  );
  return EXIT_SUCCESS;
}

/** `--out` (relative to the working directory), else the config's `docs.out` (relative to the config file); never the SDK's `out`. */
function resolveDocsOut(flag: string | undefined, loaded: LoadedConfig | undefined, cwd: string): string {
  if (flag !== undefined) return path.resolve(cwd, flag);
  const configured = loaded?.config.docs?.out;
  if (loaded !== undefined && configured !== undefined) return path.resolve(loaded.dir, configured);
  const where = loaded !== undefined ? displayPath(loaded.filepath, cwd) : 'plangen.config.json';
  throw new PlanError(
    { file: loaded !== undefined ? where : 'plangen' },
    'no output folder given for the docs',
    `Pass --out <folder>, or set "docs": { "out": "docs/tracking-plan" } in ${where}`,
  );
}
