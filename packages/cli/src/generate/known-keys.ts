// A set of keys kept between runs as one cache entry: what a stage proved about
// its input in an earlier run, by the input's content (the schemas whose load
// checks passed, load/checked-schemas.ts; the schemas without a refused pattern,
// model/plan-patterns.ts). A key is only ever added for what was proved, so an
// old or partial set costs work, never correctness.
import { keepsParts, type StageCache } from './stage-cache.js';

export interface KnownKeys {
  /** True when an earlier run added `key`; this run keeps it. */
  has(key: string): boolean;
  add(key: string): void;
  /** Keeps the keys this run had or added (not the earlier run's others, so the set follows the plan). */
  save(): void;
}

/** Undefined under `--no-cache`: nothing would be kept, so the keys are not worth computing. */
export function knownKeys(cache: StageCache, kind: string, input: unknown): KnownKeys | undefined {
  if (!keepsParts(cache)) return undefined;
  const stored: unknown = cache.get(kind, input);
  const before = new Set(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : []);
  const now = new Set<string>();
  return {
    has(key) {
      if (!before.has(key)) return false;
      now.add(key);
      return true;
    },
    add(key) {
      now.add(key);
    },
    save() {
      if (now.size === before.size && [...now].every((key) => before.has(key))) return; // unchanged: nothing to write
      cache.set(kind, input, [...now].sort());
    },
  };
}
