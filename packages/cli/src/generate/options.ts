// Options of the generate stage, with their defaults in one place.

// Each list is the one spelling of its choices: the flags' choices (cli.ts), the
// config check (config/validate-config.ts), the config type and docs/config.md follow it.

export const CLIENT_KINDS = ['analytics-next', 'analytics-node', 'analytics-react-native', 'generic'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const GENERATE_MODES = ['development', 'production'] as const;
export type GenerateMode = (typeof GENERATE_MODES)[number];

export const OUTPUT_LANGUAGES = ['ts', 'js'] as const;
export type OutputLanguage = (typeof OUTPUT_LANGUAGES)[number];

export const MODULE_FORMATS = ['esm', 'cjs'] as const;
export type ModuleFormat = (typeof MODULE_FORMATS)[number];

/** The `type` of the package.json nearest to the output folder: how Node reads its `.js` files. */
export type PackageType = 'module' | 'commonjs';

export interface GenerateOptions {
  /** Which analytics client the SDK calls. Default `analytics-next`. */
  readonly client: ClientKind;
  /** `production` compiles validation out. Default `development`. */
  readonly mode: GenerateMode;
  /** `ts` writes `.ts`; `js` writes `.js` with `.d.ts` beside it. Default `ts`. */
  readonly language: OutputLanguage;
  /** `language: 'js'` only: ES modules (the default) or CommonJS (`require`). */
  readonly module?: ModuleFormat;
  /**
   * `language: 'js'` only: how Node reads `.js` files where the SDK goes. CommonJS into a `"type": "module"`
   * package is written as `.cjs` + `.d.cts`, ESM into a CommonJS package as `.mjs` + `.d.mts`; otherwise `.js` + `.d.ts`.
   */
  readonly packageType?: PackageType;
  /** Patterns generated although the backtracking check refuses them or cannot decide (config `acceptedPatterns`). */
  readonly acceptedPatterns?: readonly string[];
}

export const DEFAULT_GENERATE_OPTIONS: GenerateOptions = {
  client: 'analytics-next',
  mode: 'development',
  language: 'ts',
};

/** One file of generated output, relative to the output folder. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The extension of the SDK's JavaScript files (and `.d.ts` beside them): what Node needs to read them as `module` says. */
export function javaScriptExtension(options: Pick<GenerateOptions, 'module' | 'packageType'>): { code: string; declarations: string } {
  if (options.module === 'cjs' && options.packageType === 'module') return { code: '.cjs', declarations: '.d.cts' };
  if (options.module !== 'cjs' && options.packageType === 'commonjs') return { code: '.mjs', declarations: '.d.mts' };
  return { code: '.js', declarations: '.d.ts' };
}
