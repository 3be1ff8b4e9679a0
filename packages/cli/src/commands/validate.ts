// `plangen validate [files..]`: check recorded payloads against the plan with
// Protocols semantics. Exit 0 when every payload matches, 1 when any does not
// (violations, unplanned events or properties, malformed lines), 2 when the
// input is unusable (no plan, a bad plan, a missing or unreadable file): every
// PlanError thrown here (cli/exit-codes.ts).
import { EXIT_FAILURE, EXIT_SUCCESS } from '../cli/exit-codes.js';
import type { OutputFormat } from '../cli/output-format.js';
import { loadConfig } from '../config/load-config.js';
import { resolvePlanFile } from '../config/resolve-path-setting.js';
import { PlanError } from '../errors.js';
import type { LoadedPlan } from '../load/load-plan.js';
import type { PlanFormat, PlanModel } from '../model/types.js';
import { validatorEntries } from '../model/validator-entries.js';
import type { Validators } from '../validate/check-payload.js';
import { formatText } from '../validate/format-text.js';
import { STDIN } from '../validate/open-input.js';
import { createProgressBar, type Terminal } from '../validate/progress-bar.js';
import type { ValidationReport } from '../validate/report.js';
import { displayPath } from '../messages/display-path.js';

export interface ValidateArgs {
  readonly files?: readonly string[];
  readonly plan?: string;
  readonly format?: OutputFormat;
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
  /** `--max-line-length`: characters a JSON Lines line may hold; checked as yargs parses it (cli/count-option.ts). */
  readonly maxLineLength?: number;
}

export interface ValidateDeps {
  readonly cwd?: string;
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Where the progress bar goes; process.stderr by default (drawn only when it is a terminal). */
  readonly terminal?: Terminal;
  readonly loadPlan?: (file: string, options?: { format?: PlanFormat }) => Promise<LoadedPlan>;
  /** Precompiled validators, for tests that run before (or without) the compiler. */
  readonly validators?: Validators;
}

export async function run(args: ValidateArgs, deps: ValidateDeps = {}): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const stdin = deps.stdin ?? process.stdin;
  const progress = createProgressBar(deps.terminal ?? process.stderr);
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
  const { model, locator } = await loadPlan(planFile, inputFormat ? { format: inputFormat } : {});
  // The validators would run the plan's patterns on every payload: the same refusal as generate's.
  (await import('../generate/refuse-catastrophic-patterns.js')).refuseCatastrophicPatterns(model, locator, acceptedPatterns);
  const { validatePayloadFiles } = await import('../validate/validate-payloads.js');
  const { loadValidators } = await import('../generate/validators/load-validators.js');
  let report: ValidationReport;
  try {
    report = await validatePayloadFiles(model, files, {
      stdin,
      ...(args.maxLineLength !== undefined ? { maxLineLength: args.maxLineLength } : {}),
      onProgress: progress.update,
      validators: () => deps.validators ?? loadValidators(validatorEntries(model)),
    });
  } finally {
    // The report, or the error's line, starts on a clean line.
    progress.done();
  }
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report));
  return hasFindings(report) ? EXIT_FAILURE : EXIT_SUCCESS;
}

/** Unplanned events and malformed lines fail the run too: data that cannot be checked is not clean data. */
export function hasFindings({ totals }: ValidationReport): boolean {
  return totals.invalid + totals.unplannedEvents + totals.malformed > 0;
}

/** The plan file (`--plan` or the config's, by the resolver generate uses too), its format and the accepted patterns. */
async function resolvePlan(args: ValidateArgs, cwd: string): Promise<{ planFile: string; inputFormat: PlanFormat | undefined; acceptedPatterns: readonly string[] }> {
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const planFile = resolvePlanFile(args.plan, loaded, cwd);
  // Relative to the working directory, so plan errors and the report read `plan.yaml:12:7`.
  return {
    planFile: displayPath(planFile, cwd),
    inputFormat: args.inputFormat ?? loaded?.config.inputFormat,
    acceptedPatterns: loaded?.config.acceptedPatterns ?? [],
  };
}
