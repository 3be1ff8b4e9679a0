// `plangen generate` with a config that lists `outputs`: several SDKs from one
// plan in one run. The plan is loaded once; each output's selection is a view of
// the one model (model/select-plan.ts); equal validators compile once
// (generate/shared-validators.ts); then either every output is checked
// (--check) or all are written as one (write/write-outputs.ts): a failure in any
// output, while generating or writing, leaves every output folder as it was.
import { EXIT_FAILURE, EXIT_SUCCESS } from '../cli/exit-codes.js';
import type { ResolvedOutput, ResolvedOutputs } from '../config/resolve-outputs.js';
import { createSharedCompilations } from '../generate/shared-validators.js';
import type { GeneratedFile } from '../generate/options.js';
import type { StageCache } from '../generate/stage-cache.js';
import { displayPath } from '../messages/display-path.js';
import { selectEvents } from '../model/select-plan.js';
import type { PlanModel } from '../model/types.js';
import { checkOutput, staleSummary } from '../write/check-output.js';
import { repairOutputFolder } from '../write/recover-output.js';
import { writeOutputs } from '../write/write-outputs.js';
import type { Stages } from './generate.js';
import { countOf } from '../messages/plural.js';

interface GeneratedOutput {
  readonly output: ResolvedOutput;
  readonly model: PlanModel;
  readonly files: GeneratedFile[];
}

/** `cache`: the run's stage cache (generate/stage-cache.ts), which every output reads and fills. */
export async function generateOutputs(resolved: ResolvedOutputs, stages: Stages, check: boolean, cwd: string, cache?: StageCache): Promise<number> {
  const started = performance.now();
  const planFile = displayPath(resolved.planFile);
  if (!check) {
    for (const { outDir } of resolved.outputs) {
      const { restored } = await repairOutputFolder(outDir);
      if (restored.length > 0) {
        process.stderr.write(`plangen: an interrupted run had left ${displayPath(outDir, cwd)} half-written; the previous files are restored\n`);
      }
    }
  }
  const plan = await stages.loadPlan(planFile, resolved.inputFormat ? { format: resolved.inputFormat } : {});
  // Every selection is checked before anything compiles: an empty one fails the run at once.
  const models = resolved.outputs.map((output) => selectEvents(plan.model, output.selection, output.source ?? { file: planFile }, planFile));
  const shared = createSharedCompilations();
  const settled = await Promise.allSettled(resolved.outputs.map((output, index) => stages.generate({ ...plan, model: models[index]! }, output.options, shared, cache)));
  // The first output's error, in config order, once every output has stopped (no compilation is left running).
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  const generated = settled.map((result, index): GeneratedOutput => ({
    output: resolved.outputs[index]!,
    model: models[index]!,
    files: (result as PromiseFulfilledResult<GeneratedFile[]>).value,
  }));

  if (check) return checkAll(generated, cwd);

  const results = await writeOutputs(generated.map(({ output, files }) => ({ outDir: output.outDir, files })));
  const ms = Math.round(performance.now() - started);
  generated.forEach(({ output, model, files }, index) => {
    const result = results[index]!;
    const out = displayPath(output.outDir, cwd);
    const counts = `${settingsOf(output)}; ${modelCounts(model)}`;
    if (result.written.length === 0 && result.removed.length === 0) {
      process.stderr.write(`plangen: ${out} is up to date (${countOf(files.length, 'file')}; ${counts})\n`);
    } else {
      const removed = result.removed.length > 0 ? `, ${result.removed.length} removed` : '';
      process.stderr.write(`plangen: wrote ${countOf(result.written.length, 'file')} to ${out} (${counts}${removed})\n`);
    }
  });
  process.stderr.write(`plangen: ${countOf(generated.length, 'output')} generated from ${planFile} in ${ms} ms\n`);
  return EXIT_SUCCESS;
}

async function checkAll(generated: readonly GeneratedOutput[], cwd: string): Promise<number> {
  let stale = 0;
  for (const { output, model, files } of generated) {
    const out = displayPath(output.outDir, cwd);
    const result = await checkOutput(output.outDir, files);
    if (result.stale.length > 0) {
      stale += 1;
      process.stdout.write(result.stale.map((file) => file.diff).join(''));
      process.stderr.write(staleSummary(result.stale));
    } else {
      process.stderr.write(`plangen: ${out} is up to date (${countOf(files.length, 'file')}; ${settingsOf(output)}; ${modelCounts(model)})\n`);
    }
  }
  if (stale === 0) return EXIT_SUCCESS;
  process.stderr.write(`Generated code is not up to date in ${stale} of ${countOf(generated.length, 'output')}. Run \`plangen generate\` to update it.\n`);
  return EXIT_FAILURE;
}

// `analytics-node, development, js cjs`: what tells the outputs of one run apart in its summary lines.
function settingsOf(output: ResolvedOutput): string {
  const { client: kind, mode, language, module } = output.options;
  return [kind, mode, language === 'js' ? `js ${module ?? 'esm'}` : language].join(', ');
}

function modelCounts(model: PlanModel): string {
  const versions = model.events.reduce((sum, event) => sum + event.versions.length, 0);
  return `${countOf(model.events.length, 'event')}, ${countOf(versions, 'version')}`;
}
