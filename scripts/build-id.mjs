// plangen's build id: a hash of everything a built package runs and reads (dist/,
// templates/, schema/, and so the packages bundled into it), written to
// dist/build-id.txt after a build, with a second line naming the packages left
// out of the bundle, whose installed versions plangen reads at run time. The
// nothing-changed fast path and the cache key on it (fast-path/plangen-build.ts),
// so output made by another build of plangen is never taken as up to date.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BUILD_ID_FILE = 'dist/build-id.txt';

/** Writes `<packageDir>/dist/build-id.txt` and returns the id. `external`: packages the bundle loads from node_modules. */
export function writeBuildId(packageDir, external = []) {
  const hash = createHash('sha256');
  for (const folder of ['dist', 'templates', 'schema']) {
    for (const file of filesUnder(path.join(packageDir, folder))) {
      const relative = path.relative(packageDir, file).split(path.sep).join('/');
      if (relative === BUILD_ID_FILE) continue;
      hash.update(`${relative}\0`).update(readFileSync(file)).update('\0');
    }
  }
  const id = hash.digest('hex').slice(0, 32);
  writeFileSync(path.join(packageDir, BUILD_ID_FILE), `${id}\nexternal ${[...external].sort().join(' ')}\n`);
  return id;
}

function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : entry.isFile() ? [path.join(dir, entry.name)] : []));
}
