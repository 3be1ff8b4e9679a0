// The config file's shape. Exported from the package so `plangen.config.ts`
// can be typed with `defineConfig`.
import type { ClientKind, GenerateMode, ModuleFormat, OutputLanguage } from '../generate/options.js';
import type { SelectionRule } from '../model/select-plan.js';
import type { AuditConfig } from '../audit/kinds.js';
import type { LintConfig } from '../lint/rule-ids.js';
import type { PlanFormat } from '../model/types.js';
import type { DocsFormat } from '../catalog/formats.js';

export type { SelectionRule } from '../model/select-plan.js';
export type { LintConfig, LintRuleSetting, LintSeverity, NamingOptions, NamingStyle } from '../lint/rule-ids.js';

export interface PlangenConfig {
  /** The tracking plan file, relative to the config file. */
  readonly plan?: string;
  /** The output folder, relative to the config file. */
  readonly out?: string;
  /** Which analytics client the SDK calls. Default `analytics-next`. */
  readonly client?: ClientKind;
  /** `production` compiles validation out. Default `development`. */
  readonly mode?: GenerateMode;
  /** `ts`, or `js` with `.d.ts` beside it. Default `ts`. */
  readonly language?: OutputLanguage;
  /** `language: "js"` only: `esm` or `cjs`. Default: `esm` when the package.json nearest to the output folder has `"type": "module"` (or there is none), else `cjs`. */
  readonly module?: ModuleFormat;
  /**
   * Several SDKs from the one plan, each with its own folder and settings (instead of `out`). Keys an output
   * leaves out come from the top level (`client`, `mode`, `language`, `module`), then the defaults.
   */
  readonly outputs?: readonly OutputConfig[];
  /** Read the plan in this format instead of detecting it. */
  readonly inputFormat?: PlanFormat;
  /**
   * Lint rule severities by rule id (see `plangen lint`): `"off" | "warn" | "error"`, or for
   * naming-convention `["warn", { "events": "Title Case", "properties": "snake_case" }]`.
   */
  readonly lint?: LintConfig;
  /**
   * Patterns accepted knowingly although the backtracking check refuses them or cannot
   * decide, each exactly as written in the plan (docs/diff-and-lint.md, rule redos-pattern).
   */
  readonly acceptedPatterns?: readonly string[];
  /** `plangen audit` severities by finding kind: `"off" | "note" | "warn" | "error"` (docs/audit.md). */
  readonly audit?: AuditConfig;
  /** The Segment tracking plan `pull` and `push` use (`tp_...`), unless `--tracking-plan` is given. */
  readonly trackingPlan?: string;
  /** The Segment Public API: `https://api.segmentapis.com` (the default) or `https://eu1.api.segmentapis.com`. */
  readonly apiUrl?: string;
  /** `plangen docs`: the catalog's folder and format, unless `--out` and `--format` are given (docs/docs-command.md). */
  readonly docs?: DocsConfig;
}

/** Where `plangen docs` writes the catalog. */
export interface DocsConfig {
  /** The docs folder, relative to the config file (never the SDK's `out`). */
  readonly out?: string;
  /** `html` (one index.html, the default) or `markdown`. */
  readonly format?: DocsFormat;
}

/** One SDK of `outputs`: the part of the plan selected by `include`/`exclude` (default: all of it). */
export interface OutputConfig {
  /** The output folder, relative to the config file. */
  readonly out: string;
  readonly client?: ClientKind;
  readonly mode?: GenerateMode;
  readonly language?: OutputLanguage;
  readonly module?: ModuleFormat;
  /** Keep the event versions that have any of these labels or event names (globs: `*`, `?`). Default: every version. */
  readonly include?: SelectionRule;
  /** Then leave out the event versions that have any of these labels or event names. */
  readonly exclude?: SelectionRule;
}

/** Identity function that gives a `plangen.config.ts` its types. */
export function defineConfig(config: PlangenConfig): PlangenConfig {
  return config;
}
