// Everything `generate` needs, decided in one place: flags win over the config
// file, which wins over the defaults. Flag paths are relative to the working
// directory, config paths to the config file.
import { PlanError } from '../errors.js';
import {
  DEFAULT_GENERATE_OPTIONS,
  type ClientKind,
  type GenerateMode,
  type GenerateOptions,
  type ModuleFormat,
  type OutputLanguage,
} from '../generate/options.js';
import type { PlanFormat } from '../model/types.js';
import type { LoadedConfig } from './load-config.js';
import { defaultModuleFormat, nearestPackageType } from './package-type.js';
import { resolveOutDir, resolvePlanFile } from './resolve-path-setting.js';

export interface GenerateFlags {
  readonly plan?: string;
  readonly out?: string;
  readonly client?: ClientKind;
  readonly mode?: GenerateMode;
  readonly language?: OutputLanguage;
  readonly module?: ModuleFormat;
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
    options: outputOptions(flags, [config], outDir, loaded),
    configFile: loaded?.filepath,
  };
}

/** The settings each of `--client`, `--mode`, `--language`, `--module` can come from, nearest first (an output, then the config's top level). */
type SettingSources = readonly Partial<Pick<GenerateOptions, 'client' | 'mode' | 'language' | 'module'>>[];

/** One SDK's options: flags, then `sources` in order, then the defaults; `module` only for JavaScript, defaulting from the package.json type. */
export function outputOptions(flags: GenerateFlags, sources: SettingSources, outDir: string, loaded: LoadedConfig | undefined): GenerateOptions {
  const pick = <K extends 'client' | 'mode' | 'language' | 'module'>(key: K) => flags[key] ?? sources.find((source) => source[key] !== undefined)?.[key];
  const language = pick('language') ?? DEFAULT_GENERATE_OPTIONS.language;
  if (language === 'ts' && flags.module !== undefined) {
    throw new PlanError({ file: 'plangen' }, '--module applies to JavaScript output only', 'Add --language js, or leave --module out (TypeScript output is compiled by your own build)');
  }
  const config = loaded?.config;
  const packageType = language === 'js' ? nearestPackageType(outDir) : undefined;
  const module = language === 'js' ? (pick('module') ?? defaultModuleFormat(packageType)) : undefined;
  return {
    client: pick('client') ?? DEFAULT_GENERATE_OPTIONS.client,
    mode: pick('mode') ?? DEFAULT_GENERATE_OPTIONS.mode,
    language,
    ...(module !== undefined && { module }),
    ...(packageType !== undefined && { packageType }),
    ...(config?.acceptedPatterns !== undefined && { acceptedPatterns: config.acceptedPatterns }),
  };
}
