// Options of the generate stage, with their defaults in one place.

export type ClientKind = 'analytics-next' | 'analytics-node' | 'generic';
export type GenerateMode = 'development' | 'production';
export type OutputLanguage = 'ts' | 'js';

export const CLIENT_KINDS: readonly ClientKind[] = ['analytics-next', 'analytics-node', 'generic'];

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
