// The content-addressed cache of the expensive parts of a generation
// (generate/stage-cache.ts says which parts and how they are keyed). Each entry
// is keyed by a hash of plangen's identity (version, build id, output-shaping
// packages: fast-path/plangen-build.ts), the part's kind and its whole input as
// JSON, so work is done once per distinct input and never reused across plangen
// builds. The JSON keeps the input's key order (not canonical-json.ts's sorted
// keys): ajv and json-schema-to-typescript emit code in that order, so two
// schemas equal as values may still give different bytes. Two layers: memory (what
// `--watch` keeps between runs) and an optional folder on disk (disk-store.ts).
// A value is kept as entry-text.ts's text (long strings unescaped); one that does not
// read back exactly as written is ignored and rebuilt.
import type { StageCache } from '../generate/stage-cache.js';
import { contentHash } from '../write/content-hash.js';
import type { DiskStore } from './disk-store.js';
import { decodeEntry, encodeEntry } from './entry-text.js';

export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * A cache for the runs of one process. Memory entries not used by a run are dropped at the next
 * `endRun()`, so a long `--watch` session holds about one generation's worth.
 */
export class LayeredCache implements StageCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  #memory = new Map<string, string>();
  #usedThisRun = new Set<string>();
  /** Keys of this run's inputs: a miss's `get` and its `set` serialize and hash the input once, not twice. */
  #keysThisRun = new WeakMap<object, Map<string, string>>();
  #stringKeysThisRun = new Map<string, Map<string, string>>();

  constructor(
    private readonly identity: string,
    private readonly disk: DiskStore | undefined,
  ) {}

  async memo<T>(kind: string, input: unknown, compute: () => Promise<T>): Promise<T> {
    // The key once: a whole plan's parts (`validators`, `types`) have megabytes of input to serialize and hash.
    const key = this.#key(kind, input);
    const cached = this.#lookup<T>(key);
    if (cached !== undefined) return cached.value;
    const value = await compute();
    this.#store(key, value);
    return value;
  }

  get<T>(kind: string, input: unknown): T | undefined {
    return this.#lookup<T>(this.#key(kind, input))?.value;
  }

  set(kind: string, input: unknown, value: unknown): void {
    this.#store(this.#key(kind, input), value);
  }

  #store(key: string, value: unknown): void {
    const text = encodeEntry(value);
    this.#memory.set(key, text);
    this.disk?.write(key, text);
  }

  #key(kind: string, input: unknown): string {
    // Inputs are values, never changed once handed over (stage-cache.ts), so an object's key holds for the run.
    const keys = typeof input === 'object' && input !== null ? this.#keysThisRun : typeof input === 'string' ? this.#stringKeysThisRun : undefined;
    const known = keys?.get(input as object & string);
    let key = known?.get(kind);
    if (key === undefined) {
      key = contentHash(JSON.stringify([this.identity, kind, input]));
      if (known !== undefined) known.set(kind, key);
      else keys?.set(input as object & string, new Map([[kind, key]]));
    }
    this.#usedThisRun.add(key);
    return key;
  }

  #lookup<T>(key: string): { value: T } | undefined {
    const text = this.#memory.get(key) ?? this.disk?.read(key);
    const cached = text === undefined ? undefined : decodeEntry<T>(text);
    if (cached === undefined) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.#memory.set(key, text!);
    return cached;
  }

  /** Drops memory entries this run did not use, and bounds the disk folder. */
  endRun(): void {
    for (const key of this.#memory.keys()) if (!this.#usedThisRun.has(key)) this.#memory.delete(key);
    this.#usedThisRun.clear();
    this.#keysThisRun = new WeakMap();
    this.#stringKeysThisRun.clear();
    this.disk?.evict();
  }
}
