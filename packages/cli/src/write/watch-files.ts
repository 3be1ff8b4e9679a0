// Watch mode's file side: call `onChange` once per burst of changes to the
// watched files (debounced), never twice at the same time, and let the caller
// change what is watched (a config edit may point at another plan).
import { watch, type FSWatcher } from 'chokidar';

export interface FileWatch {
  /** Resolves when the initial scan is done and changes are being reported. */
  readonly ready: Promise<void>;
  setPaths(paths: readonly string[]): void;
  close(): Promise<void>;
}

export function watchFiles(paths: readonly string[], onChange: () => Promise<void>, debounceMs = 100): FileWatch {
  let watched = new Set(paths);
  const watcher: FSWatcher = watch([...watched], { ignoreInitial: true });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;

  const fire = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = onChange().finally(() => {
      running = undefined;
    });
    await running;
    if (pending) {
      pending = false;
      await fire();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounceMs);
  };
  watcher.on('change', schedule).on('add', schedule).on('unlink', schedule);

  return {
    ready: new Promise((resolve) => watcher.once('ready', () => resolve())),
    setPaths(next) {
      const nextSet = new Set(next);
      const removed = [...watched].filter((file) => !nextSet.has(file));
      const added = [...nextSet].filter((file) => !watched.has(file));
      if (removed.length > 0) watcher.unwatch(removed);
      if (added.length > 0) watcher.add(added);
      watched = nextSet;
    },
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
