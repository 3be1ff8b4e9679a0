// Where config discovery may look: from the working directory up to the
// project's root, the nearest folder with a package.json or .git. A config
// file is code (plangen.config.mjs runs), so discovery never climbs out of the
// project into a shared folder such as /tmp; outside any project it looks in
// the working directory alone.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** `.git` is a folder in a clone and a file in a worktree or submodule: either marks the root. */
const ROOT_MARKERS = ['package.json', '.git'] as const;

/** The folders to search, nearest first: `cwd` up to and including the project's root, or `cwd` alone without one. */
export function configSearchDirs(cwd: string): string[] {
  const dirs: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (ROOT_MARKERS.some((marker) => existsSync(path.join(dir, marker)))) return dirs;
    if (path.dirname(dir) === dir) return dirs.slice(0, 1);
  }
}
