// The cache a `plangen generate` run uses: memory plus the folder of
// cache-folder.ts, keyed on this plangen's identity; none with `--no-cache` or
// when plangen's build cannot be told (then nothing could be safely reused).
import { NO_CACHE, type StageCache } from '../generate/stage-cache.js';
import { cacheFolder } from './cache-folder.js';
import { diskStore } from './disk-store.js';
import { LayeredCache } from './layered-cache.js';

export interface RunCache extends StageCache {
  /** After each run: drops what the run did not use from memory, bounds the folder. */
  endRun(): void;
}

export function openCache(cwd: string, identity: string | undefined, enabled = true): RunCache {
  if (!enabled || identity === undefined) return { ...NO_CACHE, endRun: () => undefined };
  const folder = cacheFolder(cwd);
  return new LayeredCache(identity, folder === undefined ? undefined : diskStore(folder));
}
