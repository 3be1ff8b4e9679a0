// What the generate stage memoizes its expensive parts through (the validators
// module, the types block): generate stays pure and never touches the file
// system; the command hands it a cache (cache/layered-cache.ts) or NO_CACHE.
// A part's value must be a pure function of `input`, which the cache keys on
// together with the part's kind and plangen's identity. An input is a value:
// it must not change once handed over (a run keys each input object once).

export interface StageCache {
  /** `compute`'s value for this kind and input: a cached one when there is one, else computed and kept. Values must survive JSON. */
  memo<T>(kind: string, input: unknown, compute: () => Promise<T>): Promise<T>;
  /** The cached value, if any: for parts computed elsewhere (a batch on a worker thread), then kept with `set`. */
  get<T>(kind: string, input: unknown): T | undefined;
  set(kind: string, input: unknown, value: unknown): void;
  /** True when nothing is ever kept (`--no-cache`): a part may then skip the work that only serves keys. */
  readonly disabled?: boolean;
}

/** Whether `cache` keeps anything: NO_CACHE and copies of it (open-cache.ts adds `endRun` to one) do not. */
export function keepsParts(cache: StageCache): boolean {
  return cache.disabled !== true;
}

/** No caching: `--no-cache`, and the programmatic API unless a cache is passed. */
export const NO_CACHE: StageCache = {
  memo: (_kind, _input, compute) => compute(),
  get: () => undefined,
  set: () => undefined,
  disabled: true,
};
