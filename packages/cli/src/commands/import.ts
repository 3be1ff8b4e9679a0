// `plangen import --from csv FILE --out plan.yaml`: a spreadsheet of the plan
// (docs/sync-and-spreadsheets.md) as a native plan. Bad CSV is one located error
// and nothing is written; the written plan is loaded before it is written, so
// what import writes is a plan every command reads.
import path from 'node:path';
import { EXIT_SUCCESS } from '../cli/exit-codes.js';
import type { CsvDelimiter, ImportSource } from '../convert/formats.js';
import { PlanError } from '../errors.js';
import { refuseHandWritten, WRITTEN_BY } from '../convert/replaceable-output.js';
import { printWarning } from '../load/load-warnings.js';
import { displayPath } from '../messages/display-path.js';

export interface ImportArgs {
  readonly from: ImportSource;
  readonly file: string;
  readonly out: string;
  readonly delimiter?: CsvDelimiter;
}

export async function run(args: ImportArgs, cwd: string = process.cwd()): Promise<number> {
  const file = displayPath(path.resolve(cwd, args.file), cwd);
  const out = path.resolve(cwd, args.out);
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, args.file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new PlanError({ file }, `cannot read the CSV: ${reason}`, 'Check the path');
  }
  const { readCsv } = await import('../convert/read-csv.js');
  const { rowsToPlan } = await import('../convert/rows-to-plan.js');
  const { nativePlanYaml } = await import('../convert/plan-yaml.js');
  const plan = rowsToPlan(readCsv(text, file, args.delimiter), file, path.basename(file, path.extname(file)), printWarning);
  const yaml = nativePlanYaml(plan, `${WRITTEN_BY} import --from csv ${file}.`);
  const { loadPlanText } = await import('../load/load-plan.js');
  loadPlanText(yaml, displayPath(out, cwd), { format: 'plangen' });
  const { nodeWriter } = await import('../write/writer.js');
  refuseHandWritten(await nodeWriter.readFile(out), 'plangen', displayPath(out, cwd));
  const { writeFileAtomic } = await import('../write/write-file-atomic.js');
  await writeFileAtomic(out, yaml);
  process.stdout.write(`Imported ${file} into ${displayPath(out, cwd)}.\n`);
  return EXIT_SUCCESS;
}
