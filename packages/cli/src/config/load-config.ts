// Config loading with cosmiconfig: discovery (config-files.ts) lists the files
// from the working directory up to the project's root, and the first that holds
// a config wins. `--config` loads one file directly.
import path from 'node:path';
import { cosmiconfig, type CosmiconfigResult } from 'cosmiconfig';
import { isCode, PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';
import { configCandidates, SEARCH_PLACES } from './config-files.js';
import { loadJsFresh, loadTsClearly, NO_DEFAULT_EXPORT } from './loaders.js';
import type { PlangenConfig } from './types.js';
import { validateConfig } from './validate-config.js';

export { SEARCH_PLACES } from './config-files.js';

export interface LoadedConfig {
  readonly config: PlangenConfig;
  /** Absolute path of the file the config came from. */
  readonly filepath: string;
  /** Paths in the config are relative to this folder. */
  readonly dir: string;
}

export interface LoadConfigOptions {
  /** Where discovery starts; default `process.cwd()`. */
  readonly cwd?: string;
  /** A config file to load instead of discovering one (`--config`), relative to cwd. */
  readonly file?: string;
}

/** The validated config, or undefined when discovery finds none. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  const explorer = cosmiconfig('plangen', {
    searchPlaces: [...SEARCH_PLACES],
    // Discovery is config-files.ts's (shared with the fast path); cosmiconfig only loads.
    searchStrategy: 'none',
    cache: false,
    loaders: { '.js': loadJsFresh, '.mjs': loadJsFresh, '.cjs': loadJsFresh, '.ts': loadTsClearly },
  });

  let result: CosmiconfigResult;
  try {
    if (options.file !== undefined) result = await explorer.load(path.resolve(cwd, options.file));
    else {
      result = null;
      for (const candidate of configCandidates(cwd)) {
        const loaded = await explorer.load(candidate.filepath);
        // Skipped as cosmiconfig's own search skips them: no "plangen" key in package.json, a YAML file of comments.
        if (loaded !== null && loaded.isEmpty !== true) {
          result = loaded;
          break;
        }
      }
    }
  } catch (error) {
    if (error instanceof PlanError) throw error;
    if (options.file !== undefined && isCode(error, 'ENOENT')) {
      throw new PlanError(
        { file: options.file },
        'config file not found',
        'Check the --config path, or leave --config out to discover plangen.config.* from the working directory',
      );
    }
    // cosmiconfig's parse errors start with "JSON Error in /abs/file:\n".
    const message = error instanceof Error ? error.message : String(error);
    const match = /^\w+ Error in ([^\n]*):\n/.exec(message);
    const file = match?.[1] !== undefined ? displayPath(match[1], cwd) : (options.file ?? 'config');
    const reason = (match ? message.slice(match[0].length) : message).trim().replace(/\.$/, '');
    throw new PlanError({ file }, `cannot load the config: ${reason}`);
  }
  if (result === null) {
    if (options.file === undefined) return undefined;
    throw new PlanError({ file: options.file }, 'this file holds no plangen config', 'Add a "plangen" key to it, or pass another --config');
  }

  const file = displayPath(result.filepath, cwd);
  const inPackageJson = path.basename(result.filepath) === 'package.json';
  if (result.config === undefined || result.config === NO_DEFAULT_EXPORT || result.isEmpty === true) {
    throw new PlanError(
      { file },
      'the config file is empty or has no default export',
      'Write it like { "plan": "plan.yaml", "out": "src/analytics" }, or in JS/TS: export default defineConfig({ ... })',
    );
  }
  const config = validateConfig(result.config, file, inPackageJson ? '/plangen' : '');
  return { config, filepath: result.filepath, dir: path.dirname(result.filepath) };
}
