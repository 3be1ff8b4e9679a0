// `plangen inspect PLAN`: the normalized model, for people or (--format json)
// tools, with the signatures of the SDK for the chosen client (--client, else
// the config file's client, else analytics-next). A selection (--include-label,
// --exclude-label, --event, --exclude-event, or --select OUT for the config
// output writing to OUT) shows the part of the plan that SDK is made of.
import path from 'node:path';
import { EXIT_SUCCESS } from '../cli/exit-codes.js';
import type { OutputFormat } from '../cli/output-format.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { PlanError } from '../errors.js';
import { escapeLineSeparators } from '../line-breaks.js';
import { DEFAULT_GENERATE_OPTIONS, type ClientKind } from '../generate/options.js';
import { wrapperSignatures } from '../generate/view-model.js';
import { loadPlan } from '../load/load-plan.js';
import { displayPath } from '../messages/display-path.js';
import { modelToJson } from '../model/model-json.js';
import { modelToText } from '../model/model-text.js';
import { describeSelection, selectEvents, selectsAll, type Selection } from '../model/select-plan.js';
import type { PlanFormat, PlanModel } from '../model/types.js';

export interface InspectArgs {
  readonly plan: string;
  readonly format: OutputFormat;
  readonly client?: ClientKind;
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
  readonly includeLabel?: readonly string[];
  readonly excludeLabel?: readonly string[];
  readonly event?: readonly string[];
  readonly excludeEvent?: readonly string[];
  /** The `out` of a config output: inspect that output's selection (and client). */
  readonly select?: string;
}

export async function run(args: InspectArgs, cwd: string = process.cwd()): Promise<number> {
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const output = args.select !== undefined ? configOutput(args.select, loaded, cwd) : undefined;
  const client = args.client ?? output?.client ?? loaded?.config.client ?? DEFAULT_GENERATE_OPTIONS.client;
  const format = args.inputFormat ?? loaded?.config.inputFormat;
  const { model: plan } = await loadPlan(args.plan, format !== undefined ? { format } : {});
  const selection = output?.selection ?? flagSelection(args);
  const model = selectEvents(plan, selection, output?.at ?? { file: 'plangen inspect' }, args.plan);
  const sdk = { client, signatures: wrapperSignatures(model, client) };
  if (args.format === 'json') {
    const json = modelToJson(model, sdk);
    const shown = selectsAll(selection) ? json : { ...json, selection: { ...selection, ...counts(model, plan) } };
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  } else {
    const header = selectsAll(selection) ? '' : escapeLineSeparators(selectionLine(selection, model, plan));
    process.stdout.write(header + modelToText(model, sdk));
  }
  return EXIT_SUCCESS;
}

function flagSelection(args: InspectArgs): Selection {
  const rule = (labels: readonly string[] | undefined, events: readonly string[] | undefined) =>
    labels?.length || events?.length ? { ...(labels?.length && { labels }), ...(events?.length && { events }) } : undefined;
  const include = rule(args.includeLabel, args.event);
  const exclude = rule(args.excludeLabel, args.excludeEvent);
  return { ...(include && { include }), ...(exclude && { exclude }) };
}

/** The config output whose `out` is `out` (as a path, relative to the working directory). */
function configOutput(out: string, loaded: LoadedConfig | undefined, cwd: string): { selection: Selection; client?: ClientKind; at: { file: string; pointer: string } } {
  const outputs = loaded?.config.outputs;
  const where = loaded === undefined ? 'plangen' : displayPath(loaded.filepath, cwd);
  if (loaded === undefined || outputs === undefined) {
    throw new PlanError({ file: where }, `--select ${out} needs a config that lists "outputs"`, 'Select with --include-label, --exclude-label, --event and --exclude-event instead');
  }
  const wanted = path.resolve(cwd, out);
  const index = outputs.findIndex((output) => path.resolve(loaded.dir, output.out) === wanted);
  const output = outputs[index];
  if (output === undefined) {
    throw new PlanError({ file: where }, `no output writes to ${JSON.stringify(out)}`, `Use one of: ${outputs.map((one) => displayPath(path.resolve(loaded.dir, one.out), cwd)).join(', ')}`);
  }
  const root = path.basename(loaded.filepath) === 'package.json' ? '/plangen' : '';
  return {
    selection: { ...(output.include && { include: output.include }), ...(output.exclude && { exclude: output.exclude }) },
    ...(output.client !== undefined && { client: output.client }),
    at: { file: where, pointer: `${root}/outputs/${index}` },
  };
}

function counts(model: PlanModel, plan: PlanModel) {
  const versions = (one: PlanModel) => one.events.reduce((sum, event) => sum + event.versions.length, 0);
  return { events: model.events.length, versions: versions(model), planEvents: plan.events.length, planVersions: versions(plan) };
}

function selectionLine(selection: Selection, model: PlanModel, plan: PlanModel): string {
  const { events, versions, planEvents, planVersions } = counts(model, plan);
  return `Selection: ${describeSelection(selection)} (${events} of ${planEvents} events, ${versions} of ${planVersions} versions)\n`;
}
