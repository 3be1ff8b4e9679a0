// `plangen init`: write a starter config and plan into the working directory,
// all or nothing, never over existing files unless --force, and never beside
// another config that discovery would pick instead. The client is --client, or
// the one the project's package.json depends on.
import path from 'node:path';
import { EXIT_SUCCESS } from '../cli/exit-codes.js';
import { chooseClient, installedClientPackages } from '../config/detect-client.js';
import { initNextSteps } from '../config/init-next-steps.js';
import { SEARCH_PLACES } from '../config/load-config.js';
import { STARTER_CONFIG_FILE, STARTER_PLAN, STARTER_PLAN_FILE, starterConfig } from '../config/starter-files.js';
import { checkStarterTargets, writeStarterFiles, type StarterWriteDeps } from '../config/write-starter-files.js';
import { PlanError } from '../errors.js';
import type { ClientKind } from '../generate/options.js';
import { nodeWriter } from '../write/writer.js';

export interface InitArgs {
  readonly force?: boolean;
  readonly client?: ClientKind;
}

export async function run(args: InitArgs, cwd: string = process.cwd(), deps?: StarterWriteDeps): Promise<number> {
  await refuseOtherConfigs(cwd);
  const choice = chooseClient(args.client, installedClientPackages(cwd));
  const files = [
    { file: STARTER_CONFIG_FILE, content: starterConfig(choice.client) },
    { file: STARTER_PLAN_FILE, content: STARTER_PLAN },
  ];
  await checkStarterTargets(cwd, files, args.force === true);
  await writeStarterFiles(cwd, files, deps);
  process.stdout.write(initNextSteps(choice));
  return EXIT_SUCCESS;
}

/** A config found before plangen.config.json would silently win over the one we write. */
async function refuseOtherConfigs(cwd: string): Promise<void> {
  for (const place of SEARCH_PLACES) {
    if (place === STARTER_CONFIG_FILE) continue;
    const text = await nodeWriter.readFile(path.join(cwd, place)).catch(() => undefined);
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
