// `plangen push`: send the local plan (any format plangen reads) to a Segment
// tracking plan as Protocols rules. A dry run by default: it prints what would
// change in `plangen diff` terms; `--yes` replaces the rules. A breaking change
// made in place to an existing event version is refused unless
// `--allow-breaking` (the rule of `plangen diff --enforce-versioning`).
import { EXIT_FAILURE, EXIT_SUCCESS } from '../cli/exit-codes.js';
import { loadConfig } from '../config/load-config.js';
import { resolvePlanFile } from '../config/resolve-path-setting.js';
import { displayPath } from '../messages/display-path.js';
import type { PlanFormat } from '../model/types.js';
import type { ClientOptions } from '../segment-api/http-client.js';

export interface PushArgs {
  readonly plan?: string;
  readonly trackingPlan?: string;
  readonly apiUrl?: string;
  readonly yes?: boolean;
  readonly allowBreaking?: boolean;
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
}

export interface PushDeps {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly client?: Partial<Omit<ClientOptions, 'baseUrl' | 'token'>>;
}

export async function run(args: PushArgs, deps: PushDeps = {}): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const planFile = displayPath(resolvePlanFile(args.plan, loaded, cwd), cwd);
  const format = args.inputFormat ?? loaded?.config.inputFormat;
  const { loadPlan, loadPlanText } = await import('../load/load-plan.js');
  const local = (await loadPlan(planFile, format !== undefined ? { format } : {})).model;

  const { connect } = await import('../segment-api/connection.js');
  const connection = connect(
    { trackingPlan: args.trackingPlan ?? loaded?.config.trackingPlan, apiUrl: args.apiUrl ?? loaded?.config.apiUrl, configFile: loaded && displayPath(loaded.filepath, cwd) },
    'write',
    deps.env ?? process.env,
    { onRetry: (message) => process.stderr.write(`plangen push: ${message}\n`), ...deps.client },
  );
  const { fetchPlan } = await import('../segment-api/fetch-plan.js');
  const { planFileText, sortRules } = await import('../segment-api/plan-file.js');
  const remote = await fetchPlan(connection.client, connection.trackingPlan);
  const remoteName = `segment:${connection.trackingPlan}`;
  // Names ending in .json: the loader reads a source as JSON by its name (YAML would read it too, many times slower).
  const remoteModel = loadPlanText(remote.text, `${remoteName}/plan.json`, { format: 'segment-public-api' }).model;

  // The local plan as Segment will hold it: compared so, what the rules cannot say (an event-level
  // description beside the versions') is no change, and the rules are checked by the loader before they are sent.
  const { modelToRules } = await import('../convert/model-to-rules.js');
  const localRules = modelToRules(local);
  const desired = loadPlanText(planFileText(remote.info, localRules), `${planFile}.segment-rules.json`, { format: 'segment-public-api' }).model;

  const { diffPlans } = await import('../diff/diff-plans.js');
  const { versioningViolations } = await import('../diff/enforce-versioning.js');
  const { buildDiffReport } = await import('../diff/diff-report.js');
  const { formatDiffText } = await import('../diff/format-diff-text.js');
  const diff = diffPlans(remoteModel, desired);
  const violations = versioningViolations(diff.changes, desired);
  const report = buildDiffReport({ old: remoteName, new: planFile }, diff, violations, args.allowBreaking !== true);
  process.stdout.write(formatDiffText(report));

  if (violations.length > 0 && args.allowBreaking !== true) {
    const count = violations.length === 1 ? 'a breaking change was' : `${violations.length} breaking changes were`;
    process.stderr.write(`plangen push: ${count} made in place to an existing event version; nothing was sent. Add a new version instead, or pass --allow-breaking.\n`);
    return EXIT_FAILURE;
  }
  if (diff.changes.length === 0) {
    process.stdout.write(`\nTracking plan ${connection.trackingPlan} is up to date: nothing to push.\n`);
    return EXIT_SUCCESS;
  }
  const { countRuleChanges, rulesToSend } = await import('../convert/keep-unchanged-rules.js');
  const rules = sortRules(rulesToSend(localRules, remote.rules, diff.changes));
  const counts = countRuleChanges(rules, remote.rules);
  const summary = `rules: ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed, ${counts.unchanged} unchanged`;
  if (args.yes !== true) {
    process.stdout.write(`\nDry run (${summary}): nothing was sent. Run plangen push --yes to replace the rules of tracking plan ${connection.trackingPlan}.\n`);
    return EXIT_SUCCESS;
  }
  const { replaceRules } = await import('../segment-api/tracking-plans.js');
  await replaceRules(connection.client, connection.trackingPlan, rules);
  process.stdout.write(`\nPushed ${planFile} to tracking plan ${connection.trackingPlan}: ${rules.length} rule${rules.length === 1 ? '' : 's'} (${summary}).\n`);
  return EXIT_SUCCESS;
}
