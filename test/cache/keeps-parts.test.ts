// `--no-cache` hands generate a copy of NO_CACHE (with the run's endRun): parts must still see
// that nothing is kept, and skip the work that only serves cache keys (emit-types.ts).
import { describe, expect, it } from 'vitest';
import { openCache } from '../../packages/cli/src/cache/open-cache.js';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { keepsParts, NO_CACHE } from '../../packages/cli/src/generate/stage-cache.js';

describe('keepsParts', () => {
  it('is false for NO_CACHE and for the cache of a --no-cache run', () => {
    expect(keepsParts(NO_CACHE)).toBe(false);
    expect(keepsParts(openCache(process.cwd(), 'plangen@test build keeps-parts', false))).toBe(false);
    expect(keepsParts(openCache(process.cwd(), undefined))).toBe(false);
  });

  it('is true for a cache that keeps values', () => {
    expect(keepsParts(new LayeredCache('plangen@test build keeps-parts', undefined))).toBe(true);
  });
});
