// A StageCache that records the kind of every part kept through it (a part is kept when it was computed):
// tests of the cached stages assert what a run computed again.
import type { StageCache } from '../../packages/cli/src/generate/stage-cache.js';

export function recording(cache: StageCache): { spy: StageCache; computed: string[] } {
  const computed: string[] = [];
  const spy: StageCache = {
    memo: (kind, input, compute) => cache.memo(kind, input, compute),
    get: (kind, input) => cache.get(kind, input),
    set: (kind, input, value) => (computed.push(kind), cache.set(kind, input, value)),
  };
  return { spy, computed };
}
