// The plan file and the output folder come from a flag or the config file: the
// flag (relative to the working directory) wins over the config's key (relative
// to the config file). One resolver, so `generate` and `validate` say the same
// thing when neither is given.
import path from 'node:path';
import { PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';
import type { LoadedConfig } from './load-config.js';

const SETTINGS = {
  plan: { missing: 'no tracking plan given', flag: '--plan <file>' },
  out: { missing: 'no output folder given', flag: '--out <folder>' },
} as const;

/** The absolute path of `--plan`, else of the config's `plan`; a located PlanError when neither is given. */
export function resolvePlanFile(flag: string | undefined, loaded: LoadedConfig | undefined, cwd: string): string {
  return resolvePathSetting('plan', flag, loaded, cwd);
}

/** The absolute path of `--out`, else of the config's `out`; a located PlanError when neither is given. */
export function resolveOutDir(flag: string | undefined, loaded: LoadedConfig | undefined, cwd: string): string {
  return resolvePathSetting('out', flag, loaded, cwd);
}

function resolvePathSetting(key: keyof typeof SETTINGS, flag: string | undefined, loaded: LoadedConfig | undefined, cwd: string): string {
  if (flag !== undefined) return path.resolve(cwd, flag);
  const value = loaded?.config[key];
  if (loaded !== undefined && value !== undefined) return path.resolve(loaded.dir, value);
  const { missing, flag: usage } = SETTINGS[key];
  if (loaded === undefined) {
    throw new PlanError({ file: 'plangen' }, missing, `Pass ${usage}, or set "${key}" in plangen.config.json (\`plangen init\` writes one)`);
  }
  const where = displayPath(loaded.filepath, cwd);
  throw new PlanError({ file: where }, missing, `Pass ${usage}, or set "${key}" in ${where}`);
}
