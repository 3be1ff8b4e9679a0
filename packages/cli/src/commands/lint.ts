// `plangen lint PLAN`: rule severities from the config file (discovered, or
// --config), problems as text or JSON; exit 1 when an error-level rule fires.
import { EXIT_FAILURE, EXIT_SUCCESS } from '../cli/exit-codes.js';
import type { OutputFormat } from '../cli/output-format.js';
import { loadConfig } from '../config/load-config.js';
import { lintJson, formatLintText } from '../lint/format-lint.js';
import { lintSettings } from '../lint/lint-config.js';
import { lintPlan } from '../lint/lint-plan.js';
import type { LoadedPlan } from '../load/load-plan.js';
import type { PlanFormat } from '../model/types.js';

export interface LintArgs {
  readonly plan: string;
  readonly format?: OutputFormat;
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
}

export interface LintDeps {
  readonly cwd?: string;
  readonly loadPlan?: (file: string, options?: { format?: PlanFormat }) => Promise<LoadedPlan>;
}

export async function run(args: LintArgs, deps: LintDeps = {}): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const loadPlan = deps.loadPlan ?? (await import('../load/load-plan.js')).loadPlan;
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const format = args.inputFormat ?? loaded?.config.inputFormat;
  const plan = await loadPlan(args.plan, format !== undefined ? { format } : {});
  const problems = lintPlan(plan, { ...lintSettings(loaded?.config.lint), acceptedPatterns: loaded?.config.acceptedPatterns ?? [] });
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(lintJson(problems), null, 2)}\n` : formatLintText(problems));
  return problems.some((problem) => problem.severity === 'error') ? EXIT_FAILURE : EXIT_SUCCESS;
}
