// Everything `generate` needs, decided in one place: flags win over the config
// file, which wins over the defaults. Flag paths are relative to the working
// directory, config paths to the config file.
import { DEFAULT_GENERATE_OPTIONS, type ClientKind, type GenerateMode, type GenerateOptions, type OutputLanguage } from '../generate/options.js';
import type { PlanFormat } from '../model/types.js';
import type { LoadedConfig } from './load-config.js';
import { resolveOutDir, resolvePlanFile } from './resolve-path-setting.js';

export interface GenerateFlags {
  readonly plan?: string;
  readonly out?: string;
  readonly client?: ClientKind;
  readonly mode?: GenerateMode;
  readonly language?: OutputLanguage;
  readonly inputFormat?: PlanFormat;
}

export interface ResolvedGenerate {
  /** Absolute. */
  readonly planFile: string;
  /** Absolute. */
  readonly outDir: string;
  readonly inputFormat: PlanFormat | undefined;
  readonly options: GenerateOptions;
  /** Absolute path of the config file used, if any. */
  readonly configFile: string | undefined;
}

export function resolveGenerateOptions(flags: GenerateFlags, loaded: LoadedConfig | undefined, cwd: string = process.cwd()): ResolvedGenerate {
  const config = loaded?.config ?? {};
  const planFile = resolvePlanFile(flags.plan, loaded, cwd);
  const outDir = resolveOutDir(flags.out, loaded, cwd);
  return {
    planFile,
    outDir,
    inputFormat: flags.inputFormat ?? config.inputFormat,
    options: {
      client: flags.client ?? config.client ?? DEFAULT_GENERATE_OPTIONS.client,
      mode: flags.mode ?? config.mode ?? DEFAULT_GENERATE_OPTIONS.mode,
      language: flags.language ?? config.language ?? DEFAULT_GENERATE_OPTIONS.language,
      ...(config.acceptedPatterns !== undefined && { acceptedPatterns: config.acceptedPatterns }),
    },
    configFile: loaded?.filepath,
  };
}
