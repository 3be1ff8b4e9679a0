// `plangen validate [files..]`: check recorded payloads against the plan with
// Protocols semantics. Exit 0 when every payload matches, 1 when any does not
// (violations, unplanned events or properties, malformed lines), 2 when the
// input is unusable (no plan, a bad plan, a missing or unreadable file).
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { PlanError } from '../errors.js';
import type { PlanFormat, PlanModel } from '../model/types.js';
import type { Validators } from '../validate/check-payload.js';
import { formatText } from '../validate/format-text.js';
import { STDIN } from '../validate/open-input.js';
import { createProgressBar, type Terminal } from '../validate/progress-bar.js';
import type { ValidationReport } from '../validate/report.js';
import { displayPath } from '../write/display-path.js';

export interface ValidateArgs {
  readonly files?: readonly string[];
  readonly plan?: string;
  readonly format?: 'text' | 'json';
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
  /** `--max-line-length`: characters a JSON Lines line may hold. */
  readonly maxLineLength?: number;
}

export interface ValidateDeps {
  readonly cwd?: string;
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Where the progress bar goes; process.stderr by default (drawn only when it is a terminal). */
  readonly terminal?: Terminal;
  readonly loadPlan?: (file: string, options?: { format?: PlanFormat }) => Promise<PlanModel>;
  /** Precompiled validators, for tests that run before (or without) the compiler. */
  readonly validators?: Validators;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE_INPUT = 2;

export async function run(args: ValidateArgs, deps: ValidateDeps = {}): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const stdin = deps.stdin ?? process.stdin;
  const progress = createProgressBar(deps.terminal ?? process.stderr);
  try {
    const { planFile, inputFormat, acceptedPatterns } = await resolvePlan(args, cwd);
    const files = args.files !== undefined && args.files.length > 0 ? args.files : [STDIN];
    if (files.includes(STDIN) && stdin.isTTY) {
      throw new PlanError(
        { file: 'plangen' },
        'no payloads given',
        'Pass payload files, or pipe them in: plangen validate --plan plan.yaml < events.jsonl',
      );
    }
    const loadPlan = deps.loadPlan ?? (await import('../load/load-plan.js')).loadPlan;
    const model = await loadPlan(planFile, inputFormat ? { format: inputFormat } : {});
    // The validators would run the plan's patterns on every payload: the same refusal as generate's.
    (await import('../generate/refuse-catastrophic-patterns.js')).refuseCatastrophicPatterns(model, acceptedPatterns);
    const { validatePayloadFiles } = await import('../validate/validate-payloads.js');
    if (args.maxLineLength !== undefined && !(Number.isSafeInteger(args.maxLineLength) && args.maxLineLength > 0)) {
      throw new PlanError({ file: 'plangen' }, `--max-line-length must be a positive whole number of characters, not ${String(args.maxLineLength)}`, 'Pass e.g. --max-line-length 67108864');
    }
    const report = await validatePayloadFiles(model, files, {
      stdin,
      ...(args.maxLineLength !== undefined ? { maxLineLength: args.maxLineLength } : {}),
      onProgress: progress.update,
      ...(deps.validators ? { validators: deps.validators } : {}),
    });
    progress.done();
    process.stdout.write(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report));
    return hasFindings(report) ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (error) {
    progress.done();
    if (!(error instanceof PlanError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return EXIT_UNUSABLE_INPUT;
  }
}

/** Unplanned events and malformed lines fail the run too: data that cannot be checked is not clean data. */
export function hasFindings({ totals }: ValidationReport): boolean {
  return totals.invalid + totals.unplannedEvents + totals.malformed > 0;
}

/** `--plan` (relative to the working directory) wins over the config file's `plan` (relative to the config). */
async function resolvePlan(args: ValidateArgs, cwd: string): Promise<{ planFile: string; inputFormat: PlanFormat | undefined; acceptedPatterns: readonly string[] }> {
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const fromConfig = loaded?.config.plan !== undefined ? path.resolve(loaded.dir, loaded.config.plan) : undefined;
  const planFile = args.plan !== undefined ? path.resolve(cwd, args.plan) : fromConfig;
  if (planFile === undefined) {
    const where = loaded ? displayPath(loaded.filepath, cwd) : 'plangen';
    throw new PlanError({ file: where }, 'no tracking plan given', `Pass --plan <file>, or set "plan" in ${loaded ? where : 'plangen.config.json'}`);
  }
  // Relative to the working directory, so plan errors and the report read `plan.yaml:12:7`.
  return {
    planFile: displayPath(planFile, cwd),
    inputFormat: args.inputFormat ?? loaded?.config.inputFormat,
    acceptedPatterns: loaded?.config.acceptedPatterns ?? [],
  };
}
