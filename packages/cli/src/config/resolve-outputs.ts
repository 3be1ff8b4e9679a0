// The SDKs one `plangen generate` run makes: the config's `outputs`, or the one
// output of `--out`/`out` (the single-output config, unchanged). Every output
// shares the plan file; each has its folder, options and selection.
import path from 'node:path';
import { PlanError } from '../errors.js';
import type { GenerateOptions } from '../generate/options.js';
import { displayPath } from '../messages/display-path.js';
import type { Selection } from '../model/select-plan.js';
import type { PlanFormat } from '../model/types.js';
import type { LoadedConfig } from './load-config.js';
import { outputOptions, resolveGenerateOptions, type GenerateFlags } from './resolve-generate-options.js';
import { resolvePlanFile } from './resolve-path-setting.js';

export interface ResolvedOutput {
  /** Absolute. */
  readonly outDir: string;
  readonly options: GenerateOptions;
  /** Absent: the whole plan. */
  readonly selection?: Selection;
  /** Where the output is written in the config (`plangen.config.json#/outputs/1`), for messages; absent for a single output. */
  readonly source?: { readonly file: string; readonly pointer: string };
}

export interface ResolvedOutputs {
  /** Absolute. */
  readonly planFile: string;
  readonly inputFormat: PlanFormat | undefined;
  readonly outputs: readonly ResolvedOutput[];
  /** Absolute path of the config file used, if any. */
  readonly configFile: string | undefined;
}

export function resolveOutputs(flags: GenerateFlags, loaded: LoadedConfig | undefined, cwd: string = process.cwd()): ResolvedOutputs {
  const list = loaded?.config.outputs;
  if (list === undefined) {
    const single = resolveGenerateOptions(flags, loaded, cwd);
    return { planFile: single.planFile, inputFormat: single.inputFormat, outputs: [{ outDir: single.outDir, options: single.options }], configFile: single.configFile };
  }
  const where = displayPath(loaded!.filepath, cwd);
  if (flags.out !== undefined) {
    throw new PlanError({ file: where }, `--out cannot be used with a config that lists "outputs"`, `Leave --out out to generate every output of ${where}, or pass a --config without "outputs"`);
  }
  const config = loaded!.config;
  const root = path.basename(loaded!.filepath) === 'package.json' ? '/plangen' : '';
  return {
    planFile: resolvePlanFile(flags.plan, loaded, cwd),
    inputFormat: flags.inputFormat ?? config.inputFormat,
    outputs: list.map((output, index): ResolvedOutput => {
      const outDir = path.resolve(loaded!.dir, output.out);
      const selection = { ...(output.include && { include: output.include }), ...(output.exclude && { exclude: output.exclude }) };
      return {
        outDir,
        options: outputOptions(flags, [output, config], outDir, loaded),
        ...(Object.keys(selection).length > 0 && { selection }),
        source: { file: where, pointer: `${root}/outputs/${index}` },
      };
    }),
    configFile: loaded!.filepath,
  };
}
