// `plangen diff OLD NEW`: load both plans (files or REV:path), classify every
// change, list the generated functions whose signature changes, and with
// --enforce-versioning fail when a breaking change was made in place.
import { EXIT_FAILURE, EXIT_SUCCESS } from '../cli/exit-codes.js';
import { diffPlans } from '../diff/diff-plans.js';
import { buildDiffReport } from '../diff/diff-report.js';
import { versioningViolations } from '../diff/enforce-versioning.js';
import { formatDiffText } from '../diff/format-diff-text.js';
import { readPlanArg, type PlanLoaders } from '../diff/read-plan-arg.js';
import type { OutputFormat } from '../cli/output-format.js';
import type { PlanFormat } from '../model/types.js';

export interface DiffArgs {
  readonly old: string;
  readonly new: string;
  readonly enforceVersioning?: boolean;
  readonly format?: OutputFormat;
  readonly inputFormat?: PlanFormat;
}

export interface DiffDeps {
  readonly loaders?: PlanLoaders;
  readonly cwd?: string;
}

export async function run(args: DiffArgs, deps: DiffDeps = {}): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const loaders = deps.loaders ?? (await import('../load/load-plan.js'));
  const options = { cwd, ...(args.inputFormat !== undefined ? { format: args.inputFormat } : {}) };
  const before = await readPlanArg(args.old, loaders, options);
  const after = await readPlanArg(args.new, loaders, options);
  const diff = diffPlans(before, after);
  const violations = versioningViolations(diff.changes, after);
  const enforced = args.enforceVersioning === true;
  const report = buildDiffReport({ old: args.old, new: args.new }, diff, violations, enforced);
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatDiffText(report));
  if (enforced && violations.length > 0) {
    const count = violations.length === 1 ? 'a breaking change was' : `${violations.length} breaking changes were`;
    process.stderr.write(`plangen diff: ${count} made in place to an existing event version. Add a new version instead.\n`);
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
