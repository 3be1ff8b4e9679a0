// `plangen export --to csv|segment-public-api|plangen --plan PLAN --out FILE`:
// the plan (any format plangen reads) as a spreadsheet in the Protocols editor's
// columns, as a Segment Public API plan.json, or as a native plan.yaml. What the
// target cannot say is a located warning per event (the loader's warning channel).
import path from 'node:path';
import { EXIT_SUCCESS } from '../cli/exit-codes.js';
import { loadConfig } from '../config/load-config.js';
import { resolvePlanFile } from '../config/resolve-path-setting.js';
import type { CsvDelimiter, ExportTarget } from '../convert/formats.js';
import type { RowOwner } from '../convert/plan-to-rows.js';
import { refuseHandWritten, WRITTEN_BY } from '../convert/replaceable-output.js';
import { PlanError } from '../errors.js';
import { printWarning } from '../load/load-warnings.js';
import { displayPath } from '../messages/display-path.js';
import { errorAt, locateError } from '../model/located-error.js';
import type { PlanFormat, PlanModel, SourceRef } from '../model/types.js';

export interface ExportArgs {
  readonly to: ExportTarget;
  readonly plan?: string;
  readonly out: string;
  readonly delimiter?: CsvDelimiter;
  readonly config?: string;
  readonly inputFormat?: PlanFormat;
}

export async function run(args: ExportArgs, cwd: string = process.cwd()): Promise<number> {
  const loaded = await loadConfig({ cwd, ...(args.config !== undefined ? { file: args.config } : {}) });
  const planFile = resolvePlanFile(args.plan, loaded, cwd);
  const out = path.resolve(cwd, args.out);
  if (out === planFile) throw new PlanError({ file: displayPath(out, cwd) }, 'the output would overwrite the plan itself', 'Pass another --out');
  const format = args.inputFormat ?? loaded?.config.inputFormat;
  const { loadPlan } = await import('../load/load-plan.js');
  const { model, locator } = await loadPlan(displayPath(planFile, cwd), format !== undefined ? { format } : {});
  const warn = (source: SourceRef, problem: string, fix: string) => printWarning(locateError(errorAt(source, problem, fix), locator));

  let text: string;
  if (args.to === 'segment-public-api') {
    const { modelToRules } = await import('../convert/model-to-rules.js');
    const { planFileText } = await import('../segment-api/plan-file.js');
    text = planFileText({ name: model.name, ...(model.description !== undefined ? { description: model.description } : {}) }, modelToRules(model));
  } else {
    const { modelToNativePlan } = await import('../convert/native-plan.js');
    const native = modelToNativePlan(model, warn);
    // The spreadsheet's import writes a native plan too.
    warnStandardPageProperties(model, warn);
    if (args.to === 'plangen') {
      const { nativePlanYaml } = await import('../convert/plan-yaml.js');
      text = nativePlanYaml(native, `${WRITTEN_BY} export --to plangen from ${displayPath(planFile, cwd)}.`);
    } else {
      const { planToRows } = await import('../convert/plan-to-rows.js');
      const { writeCsv } = await import('../convert/write-csv.js');
      const rows = planToRows(
        native,
        (owner, keywords) =>
          warn(
            ownerSource(model, owner),
            `${describeOwner(owner)}: kept in the "JSON Schema" column, which the editor's columns do not show: ${keywords.join(', ')}`,
            'Edit them there; import reads them back',
          ),
        (owner, what) => warn(ownerSource(model, owner), `${describeOwner(owner)}: the spreadsheet cannot hold ${what}`, 'Write a description, or remove the empty one'),
      );
      text = writeCsv(rows, args.delimiter);
    }
  }
  // An existing file at --out is replaced only when plangen wrote it: never a hand-written plan or sheet.
  const { nodeWriter } = await import('../write/writer.js');
  refuseHandWritten(await nodeWriter.readFile(out), args.to, displayPath(out, cwd));
  const { writeFileAtomic } = await import('../write/write-file-atomic.js');
  await writeFileAtomic(out, text);
  process.stdout.write(`Exported ${displayPath(planFile, cwd)} to ${displayPath(out, cwd)} (${args.to}).\n`);
  return EXIT_SUCCESS;
}

function ownerSource(model: PlanModel, owner: RowOwner): SourceRef {
  if ('call' in owner) return owner.call === 'plan' ? { file: model.file, pointer: '' } : owner.call === 'common' ? model.common!.source : model[owner.call]!.source;
  const event = model.events.find((candidate) => candidate.name === owner.event)!;
  return (owner.version !== undefined ? event.versions.find((version) => version.version === owner.version)?.source : undefined) ?? event.source;
}

function describeOwner(owner: RowOwner): string {
  if ('call' in owner) return owner.call === 'plan' ? 'the plan' : owner.call;
  return `event ${JSON.stringify(owner.event)}${owner.version !== undefined ? ` v${owner.version}` : ''}`;
}

/** A native plan's page and screen schemas let Segment's standard properties through (docs/plan-format.md); a Segment plan's did not. */
function warnStandardPageProperties(model: PlanModel, warn: (source: SourceRef, problem: string, fix: string) => void): void {
  if (model.format === 'plangen') return;
  for (const kind of ['page', 'screen'] as const) {
    const call = model[kind];
    if (call !== undefined) {
      warn(call.source, `${kind}: the native format adds Segment's standard ${kind} properties (name, category...) to the ${kind} schema, which this plan does not list`, `Define them in the exported plan's ${kind} schema to constrain them`);
    }
  }
}

