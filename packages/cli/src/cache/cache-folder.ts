// Where the cache lives: PLANGEN_CACHE_DIR when set, else the convention of
// build tools, node_modules/.cache/plangen in the project's root (the nearest
// folder with a package.json or .git, as config discovery finds it). Never
// inside --out. Without a node_modules folder there, nothing goes to disk.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { configSearchDirs } from '../config/project-root.js';

export function cacheFolder(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env['PLANGEN_CACHE_DIR'];
  if (chosen !== undefined && chosen !== '') return path.resolve(cwd, chosen);
  const root = configSearchDirs(cwd).at(-1)!;
  const modules = path.join(root, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'plangen') : undefined;
}
