// `plangen inspect PLAN`: the normalized model, for people or (--format json) tools.
import { PlanError } from '../errors.js';
import { loadPlan } from '../load/load-plan.js';
import { modelToJson } from '../model/model-json.js';
import { modelToText } from '../model/model-text.js';
import type { PlanFormat } from '../model/types.js';

export interface InspectArgs {
  readonly plan: string;
  readonly format: 'text' | 'json';
  readonly inputFormat?: PlanFormat;
}

export async function run(args: InspectArgs): Promise<number> {
  try {
    const model = await loadPlan(args.plan, args.inputFormat ? { format: args.inputFormat } : {});
    process.stdout.write(args.format === 'json' ? `${JSON.stringify(modelToJson(model), null, 2)}\n` : modelToText(model));
    return 0;
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}
