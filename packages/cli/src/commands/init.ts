// `plangen init`: write a starter config and plan into the working directory,
// never over existing files unless --force, and never beside another config
// that discovery would pick instead.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SEARCH_PLACES } from '../config/load-config.js';
import { STARTER_CONFIG_FILE, STARTER_OUT, STARTER_PLAN, STARTER_PLAN_FILE, starterConfig } from '../config/starter-files.js';
import { PlanError } from '../errors.js';
import { DEFAULT_GENERATE_OPTIONS, type ClientKind } from '../generate/options.js';
import { nodeWriter } from '../write/writer.js';

export interface InitArgs {
  readonly force?: boolean;
  readonly client?: ClientKind;
}

export async function run(args: InitArgs, cwd: string = process.cwd()): Promise<number> {
  try {
    await refuseOtherConfigs(cwd);
    if (!args.force) {
      for (const file of [STARTER_CONFIG_FILE, STARTER_PLAN_FILE]) {
        if ((await nodeWriter.readFile(path.join(cwd, file))) !== undefined) {
          throw new PlanError({ file }, 'the file already exists', 'Pass --force to overwrite it, or edit it instead');
        }
      }
    }
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  await writeFile(path.join(cwd, STARTER_CONFIG_FILE), starterConfig(args.client ?? DEFAULT_GENERATE_OPTIONS.client));
  await writeFile(path.join(cwd, STARTER_PLAN_FILE), STARTER_PLAN);
  process.stdout.write(
    [
      `plangen: wrote ${STARTER_CONFIG_FILE} and ${STARTER_PLAN_FILE}`,
      '',
      'Next steps:',
      `  1. Describe your events in ${STARTER_PLAN_FILE}.`,
      `  2. Run \`npx plangen\` to generate the typed SDK into ${STARTER_OUT}.`,
      `  3. Import the track functions from ./${STARTER_OUT}/index.js in your app.`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** A config found before plangen.config.json would silently win over the one we write. */
async function refuseOtherConfigs(cwd: string): Promise<void> {
  for (const place of SEARCH_PLACES) {
    if (place === STARTER_CONFIG_FILE) continue;
    const text = await nodeWriter.readFile(path.join(cwd, place));
    if (text === undefined) continue;
    if (place === 'package.json' && !hasPlangenKey(text)) continue;
    const where = place === 'package.json' ? 'package.json#plangen' : place;
    throw new PlanError({ file: where }, 'a plangen config already exists here', 'Edit it instead, or delete it and run `plangen init` again');
  }
}

function hasPlangenKey(packageJson: string): boolean {
  try {
    const json: unknown = JSON.parse(packageJson);
    return typeof json === 'object' && json !== null && 'plangen' in json;
  } catch {
    return false;
  }
}
