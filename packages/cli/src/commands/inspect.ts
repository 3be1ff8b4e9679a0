// `plangen inspect PLAN`: the normalized model, for people or (--format json)
// tools, with the signatures of the SDK for the chosen client (--client, else
// the config file's client, else analytics-next).
import { EXIT_SUCCESS } from '../cli/exit-codes.js';
import type { OutputFormat } from '../cli/output-format.js';
import { loadConfig } from '../config/load-config.js';
import { DEFAULT_GENERATE_OPTIONS, type ClientKind } from '../generate/options.js';
import { wrapperSignatures } from '../generate/view-model.js';
import { loadPlan } from '../load/load-plan.js';
import { modelToJson } from '../model/model-json.js';
import { modelToText } from '../model/model-text.js';
import type { PlanFormat } from '../model/types.js';

export interface InspectArgs {
  readonly plan: string;
  readonly format: OutputFormat;
  readonly client?: ClientKind;
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
}

export async function run(args: InspectArgs, cwd: string = process.cwd()): Promise<number> {
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const client = args.client ?? loaded?.config.client ?? DEFAULT_GENERATE_OPTIONS.client;
  const format = args.inputFormat ?? loaded?.config.inputFormat;
  const { model } = await loadPlan(args.plan, format !== undefined ? { format } : {});
  const sdk = { client, signatures: wrapperSignatures(model, client) };
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(modelToJson(model, sdk), null, 2)}\n` : modelToText(model, sdk));
  return EXIT_SUCCESS;
}
