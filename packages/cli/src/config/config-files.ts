// Which file config discovery reads, without loading any: from the working
// directory up to the project's root (project-root.ts), the first of
// SEARCH_PLACES in the nearest folder that exists and is not blank. Light on
// purpose (node:fs only): load-config.ts loads the candidates with cosmiconfig,
// and the nothing-changed fast path (fast-path/) reads the same candidates
// without loading cosmiconfig, so the two can never disagree on which file counts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isCode } from '../errors.js';
import { configSearchDirs } from './project-root.js';

export const SEARCH_PLACES = [
  'plangen.config.ts',
  'plangen.config.js',
  'plangen.config.mjs',
  'plangen.config.cjs',
  'plangen.config.json',
  'plangen.config.yaml',
  'plangen.config.yml',
  '.plangenrc',
  '.plangenrc.json',
  '.plangenrc.yaml',
  '.plangenrc.yml',
  'package.json',
] as const;

export interface ConfigCandidate {
  /** Absolute. */
  readonly filepath: string;
  /** The file's bytes as read, so a caller can hash exactly what it decided on. */
  readonly bytes: Buffer;
}

/**
 * The config files discovery would consider, nearest first, in SEARCH_PLACES order. Missing, unreadable
 * and blank files are skipped as cosmiconfig's search skips them; a candidate whose content holds no
 * config (a package.json without a "plangen" key, a YAML file of comments) is the caller's to skip.
 */
export function* configCandidates(cwd: string): Generator<ConfigCandidate> {
  for (const dir of configSearchDirs(cwd)) {
    for (const place of SEARCH_PLACES) {
      const filepath = path.join(dir, place);
      const bytes = readIfFile(filepath);
      if (bytes !== undefined && bytes.toString('utf8').trim() !== '') yield { filepath, bytes };
    }
  }
}

function readIfFile(filepath: string): Buffer | undefined {
  try {
    return readFileSync(filepath);
  } catch (error) {
    // As cosmiconfig's search: these mean "no config here"; anything else is a real problem.
    if (['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES'].some((code) => isCode(error, code))) return undefined;
    throw error;
  }
}
