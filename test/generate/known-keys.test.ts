// What a stage proved about its input, kept as one cache entry between runs
// (generate/known-keys.ts): the load checks' passed schemas.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskStore } from '../../packages/cli/src/cache/disk-store.js';
import { knownKeys } from '../../packages/cli/src/generate/known-keys.js';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { NO_CACHE } from '../../packages/cli/src/generate/stage-cache.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cacheIn(dir: string, identity = 'plangen@1 build a'): LayeredCache {
  return new LayeredCache(identity, diskStore(dir));
}

describe('knownKeys', () => {
  it('keeps the keys a run had or added for the next process, and drops the ones the run did not see', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-known-keys-'));
    made.push(dir);
    const first = knownKeys(cacheIn(dir), 'checked-schemas', { plan: 'a' })!;
    expect(first.has('x')).toBe(false);
    first.add('x');
    first.add('y');
    first.save();
    const second = knownKeys(cacheIn(dir), 'checked-schemas', { plan: 'a' })!;
    expect(second.has('x')).toBe(true);
    second.add('z');
    second.save();
    const third = knownKeys(cacheIn(dir), 'checked-schemas', { plan: 'a' })!;
    expect(['x', 'y', 'z'].map((key) => third.has(key))).toEqual([true, false, true]);
    // Another input, another plangen build: nothing known.
    expect(knownKeys(cacheIn(dir), 'checked-schemas', { plan: 'b' })!.has('x')).toBe(false);
    expect(knownKeys(cacheIn(dir, 'plangen@1 build b'), 'checked-schemas', { plan: 'a' })!.has('x')).toBe(false);
  });

  it('a value that is not a list of keys knows nothing; --no-cache computes no keys at all', () => {
    const cache = new LayeredCache('plangen@1 build a', undefined);
    cache.set('checked-schemas', { plan: 'a' }, { x: true });
    expect(knownKeys(cache, 'checked-schemas', { plan: 'a' })!.has('x')).toBe(false);
    cache.set('checked-schemas', { plan: 'a' }, ['x', 1]);
    expect(knownKeys(cache, 'checked-schemas', { plan: 'a' })!.has('x')).toBe(true);
    expect(knownKeys(NO_CACHE, 'checked-schemas', { plan: 'a' })).toBeUndefined();
  });
});
