// `plangen audit`: what the app's code really sends, checked against the plan.
// The plan and the SDK folder (--sdk, else the config's `out`) come from the
// flags or the config, the TypeScript project from --project or the nearest
// tsconfig.json. ts-morph and typescript load only here, when audit runs.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { auditSeverities, defaultFailOn } from '../audit/audit-config.js';
import type { AuditKind } from '../audit/kinds.js';
import { EXIT_FAILURE, EXIT_SUCCESS } from '../cli/exit-codes.js';
import type { AuditOutputFormat } from '../cli/output-format.js';
import { plangenVersion } from '../messages/plangen-version.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { resolvePlanFile } from '../config/resolve-path-setting.js';
import { PlanError } from '../errors.js';
import { statusLine } from '../messages/status-line.js';
import { loadPlan } from '../load/load-plan.js';
import { displayPath } from '../messages/display-path.js';
import { selectPlan, type Selection } from '../model/select-plan.js';
import type { PlanFormat } from '../model/types.js';

export interface AuditArgs {
  readonly plan?: string;
  readonly project?: string;
  readonly sdk?: string;
  readonly format?: AuditOutputFormat;
  /** Already checked by cli/fail-on-option.ts; undefined: the kinds whose severity is `error`. */
  readonly failOn?: readonly AuditKind[];
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
}

export async function run(args: AuditArgs, cwd: string = process.cwd()): Promise<number> {
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const planFile = resolvePlanFile(args.plan, loaded, cwd);
  const folders = sdkFolders(args.sdk, loaded, cwd);
  const { findTsconfig } = await import('../audit/find-tsconfig.js');
  const tsconfig = findTsconfig(args.project, cwd);
  const format = args.inputFormat ?? loaded?.config.inputFormat;
  const { model, locator } = await loadPlan(planFile, format !== undefined ? { format } : {});
  const severities = auditSeverities(loaded?.config.audit);

  const { auditProject } = await import('../audit/audit-project.js');
  const progress = progressLine();
  const sdks = folders.map(({ dir, selection }) => ({ dir, model: selectPlan(model, selection) }));
  const report = auditProject({ model, locator, tsconfig, sdks, severities, cwd, onProgress: progress.show });
  progress.clear();

  const failOn = args.failOn ?? defaultFailOn(severities);
  const failing = failOn.filter((kind) => report.findings.some((finding) => finding.kind === kind));
  if (args.format === 'json') {
    const { auditJson } = await import('../audit/audit-json.js');
    process.stdout.write(`${JSON.stringify(auditJson(report, failing), null, 2)}\n`);
  } else if (args.format === 'sarif') {
    const { auditSarif } = await import('../audit/audit-sarif.js');
    process.stdout.write(`${JSON.stringify(auditSarif(report, severities, plangenVersion()), null, 2)}\n`);
  } else {
    const { formatAuditText } = await import('../audit/format-text.js');
    process.stdout.write(formatAuditText(report, failing));
  }
  return failing.length > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

/**
 * The SDK folders to recognize: --sdk (relative to the working directory), else every folder of the
 * config's `outputs`, else its `out` (relative to the config file): where generate writes. Each comes
 * with the selection of the plan it was generated from, so `trackX` maps to the version it sends there.
 */
function sdkFolders(flag: string | undefined, loaded: LoadedConfig | undefined, cwd: string): { dir: string; selection?: Selection }[] {
  const where = loaded !== undefined ? displayPath(loaded.filepath, cwd) : 'plangen.config.json';
  const outputs = (loaded?.config.outputs ?? []).map((output) => ({
    dir: path.resolve(loaded!.dir, output.out),
    selection: { ...(output.include && { include: output.include }), ...(output.exclude && { exclude: output.exclude }) },
  }));
  let folders: { dir: string; selection?: Selection }[];
  if (flag !== undefined) {
    const dir = path.resolve(cwd, flag);
    folders = [outputs.find((output) => output.dir === dir) ?? { dir }];
  } else if (outputs.length > 0) {
    folders = outputs;
  } else if (loaded?.config.out !== undefined) {
    folders = [{ dir: path.resolve(loaded.dir, loaded.config.out) }];
  } else {
    throw new PlanError({ file: loaded !== undefined ? where : 'plangen' }, 'no SDK folder given', `Pass --sdk <folder>, or set "out" in ${where}`);
  }
  for (const { dir } of folders) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new PlanError({ file: displayPath(dir, cwd) }, 'the SDK folder does not exist', 'Run plangen generate first, or pass --sdk <folder> where the SDK is');
    }
  }
  return folders;
}

/**
 * `plangen audit: reading the project`, then `plangen audit: 1200/2000 files` as the files are
 * resolved, on one rewritten stderr line (at most every 50 files), cleared before the report.
 */
/** audit's file count on stderr (a terminal only): the project's parse comes first, then the type checker's files. */
function progressLine(): { show: (done: number, total: number) => void; clear: () => void } {
  const line = statusLine(process.stderr);
  line.show(() => 'plangen audit: reading the project');
  return {
    show: (done, total) => {
      if (done % 50 === 0 || done === total) line.show(() => `plangen audit: ${done}/${total} files`);
    },
    clear: line.done,
  };
}
