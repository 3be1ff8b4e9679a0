// Options of the generate stage, with their defaults in one place.

// Each list is the one spelling of its choices: the flags' choices (cli.ts), the
// config check (config/validate-config.ts), the config type and docs/config.md follow it.

export const CLIENT_KINDS = ['analytics-next', 'analytics-node', 'generic'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const GENERATE_MODES = ['development', 'production'] as const;
export type GenerateMode = (typeof GENERATE_MODES)[number];

export const OUTPUT_LANGUAGES = ['ts', 'js'] as const;
export type OutputLanguage = (typeof OUTPUT_LANGUAGES)[number];

export interface GenerateOptions {
  /** Which analytics client the SDK calls. Default `analytics-next`. */
  readonly client: ClientKind;
  /** `production` compiles validation out. Default `development`. */
  readonly mode: GenerateMode;
  /** `ts` writes `.ts`; `js` writes `.js` with `.d.ts` beside it. Default `ts`. */
  readonly language: OutputLanguage;
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
