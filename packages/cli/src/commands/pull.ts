// `plangen pull`: fetch a Segment tracking plan and its rules through the Public
// API and write it as a Public API plan.json, atomically (a failed pull leaves
// the previous file untouched). `--check` writes nothing and exits 1 when the
// remote plan differs from the local file, printing the change as `plangen diff` does.
import path from 'node:path';
import { EXIT_FAILURE, EXIT_SUCCESS } from '../cli/exit-codes.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';
import type { PlanFormat } from '../model/types.js';
import type { ClientOptions } from '../segment-api/http-client.js';

export interface PullArgs {
  readonly trackingPlan?: string;
  readonly out?: string;
  readonly apiUrl?: string;
  readonly check?: boolean;
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
}

export interface PullDeps {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Test seams for the HTTP client (fetch, sleep, timeouts). */
  readonly client?: Partial<Omit<ClientOptions, 'baseUrl' | 'token'>>;
}

export async function run(args: PullArgs, deps: PullDeps = {}): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const out = outFile(args.out, loaded, cwd);
  const { connect } = await import('../segment-api/connection.js');
  const connection = connect(
    { trackingPlan: args.trackingPlan ?? loaded?.config.trackingPlan, apiUrl: args.apiUrl ?? loaded?.config.apiUrl, configFile: loaded && displayPath(loaded.filepath, cwd) },
    'read',
    deps.env ?? process.env,
    { onRetry: (message) => process.stderr.write(`plangen pull: ${message}\n`), ...deps.client },
  );
  const { fetchPlan } = await import('../segment-api/fetch-plan.js');
  const { progressLine } = await import('../segment-api/progress-line.js');
  const progress = progressLine(process.stderr);
  let remote;
  try {
    remote = await fetchPlan(connection.client, connection.trackingPlan, progress.update);
  } finally {
    progress.done();
  }
  const shown = displayPath(out, cwd);
  const { loadPlanText, loadPlan } = await import('../load/load-plan.js');
  // The pulled plan must load as every command will read it: a rule the loader refuses is an error now, and nothing is written.
  // The name ends in .json: the loader reads a source as JSON by its name (YAML would read it too, many times slower).
  const remoteName = `segment:${connection.trackingPlan}/plan.json`;
  const remoteModel = loadPlanText(remote.text, remoteName, { format: 'segment-public-api' }).model;

  if (args.check === true) {
    const { existsSync } = await import('node:fs');
    if (!existsSync(out)) throw new PlanError({ file: shown }, 'no local plan to check', `Run plangen pull --out ${shown} first`);
    const format = args.inputFormat ?? loaded?.config.inputFormat;
    const local = (await loadPlan(shown, format !== undefined ? { format } : {})).model;
    const { diffPlans } = await import('../diff/diff-plans.js');
    const { buildDiffReport } = await import('../diff/diff-report.js');
    const { formatDiffText } = await import('../diff/format-diff-text.js');
    const { versioningViolations } = await import('../diff/enforce-versioning.js');
    const diff = diffPlans(local, remoteModel);
    const report = buildDiffReport({ old: shown, new: `segment:${connection.trackingPlan}` }, diff, versioningViolations(diff.changes, remoteModel), false);
    process.stdout.write(formatDiffText(report));
    if (diff.changes.length > 0) {
      process.stderr.write(`plangen pull --check: ${shown} differs from tracking plan ${connection.trackingPlan}. Run plangen pull to update it.\n`);
      return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
  }

  const { writeFileAtomic } = await import('../write/write-file-atomic.js');
  const { nodeWriter } = await import('../write/writer.js');
  const before = await nodeWriter.readFile(out);
  // pull replaces a plan.json it (or Typewriter) wrote; a hand-written plan (the config's plan.yaml) is never overwritten.
  if (before !== undefined && !isPublicApiPlan(before)) {
    throw new PlanError({ file: shown }, 'this file is not a Segment Public API plan.json, and pull would replace it', 'Pass --out with another file (plan.json), or delete this one if it should be replaced');
  }
  if (before !== remote.text) await writeFileAtomic(out, remote.text);
  const count = `${remote.rules.length} rule${remote.rules.length === 1 ? '' : 's'}`;
  process.stdout.write(`Pulled tracking plan ${JSON.stringify(remote.info.name)} (${connection.trackingPlan}, ${count}) into ${shown}${before === remote.text ? ': unchanged' : ''}.\n`);
  return EXIT_SUCCESS;
}

/** `--out`, else the config's plan file: pull keeps the plan the other commands read up to date. */
function outFile(flag: string | undefined, loaded: LoadedConfig | undefined, cwd: string): string {
  if (flag !== undefined) return path.resolve(cwd, flag);
  if (loaded?.config.plan !== undefined) return path.resolve(loaded.dir, loaded.config.plan);
  const where = loaded !== undefined ? displayPath(loaded.filepath, cwd) : 'plangen.config.json';
  throw new PlanError({ file: loaded !== undefined ? where : 'plangen' }, 'no output file given', `Pass --out plan.json, or set "plan" in ${where}`);
}

/** A Public API plan.json (a top-level `rules` list), or an empty file: what pull may replace. */
function isPublicApiPlan(text: string): boolean {
  if (text.trim() === '') return true;
  try {
    const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as { rules?: unknown };
    return typeof parsed === 'object' && parsed !== null && Array.isArray(parsed.rules);
  } catch {
    return false;
  }
}
