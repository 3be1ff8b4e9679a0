// The cache generate memoizes through: one computation per distinct input,
// never shared between plangen builds or between kinds, a corrupt entry
// recomputed, and a --watch session's memory bounded to what its last run used.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFolder } from '../../packages/cli/src/cache/cache-folder.js';
import { diskStore } from '../../packages/cli/src/cache/disk-store.js';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { openCache } from '../../packages/cli/src/cache/open-cache.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-layered-'));
  made.push(dir);
  return dir;
}

function counting<T>(value: T) {
  const calls = { count: 0 };
  return { calls, compute: async () => (calls.count++, value) };
}

describe('LayeredCache', () => {
  it('computes once per distinct input, in memory and then from disk in a new process', async () => {
    const dir = tempDir();
    const { calls, compute } = counting({ code: 'x', list: [1, 2] });
    const first = new LayeredCache('plangen@1 build a', diskStore(dir));
    expect(await first.memo('types', { schema: { a: 1 } }, compute)).toEqual({ code: 'x', list: [1, 2] });
    expect(await first.memo('types', { schema: { a: 1 } }, compute)).toEqual({ code: 'x', list: [1, 2] });
    expect(calls.count).toBe(1);
    const second = new LayeredCache('plangen@1 build a', diskStore(dir));
    expect(await second.memo('types', { schema: { a: 1 } }, compute)).toEqual({ code: 'x', list: [1, 2] });
    expect(calls.count).toBe(1);
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
  });

  it('keys on the identity, the kind and the exact input, key order included', async () => {
    const dir = tempDir();
    const { calls, compute } = counting('v');
    await new LayeredCache('plangen@1 build a', diskStore(dir)).memo('types', { a: 1, b: 2 }, compute);
    await new LayeredCache('plangen@1 build b', diskStore(dir)).memo('types', { a: 1, b: 2 }, compute);
    await new LayeredCache('plangen@1 build a', diskStore(dir)).memo('validators', { a: 1, b: 2 }, compute);
    await new LayeredCache('plangen@1 build a', diskStore(dir)).memo('types', { b: 2, a: 1 }, compute);
    await new LayeredCache('plangen@1 build a', diskStore(dir)).memo('types', { a: 1, b: 3 }, compute);
    expect(calls.count).toBe(5);
  });

  it('recomputes when the entry on disk is corrupt', async () => {
    const dir = tempDir();
    const { calls, compute } = counting('value');
    await new LayeredCache('id', diskStore(dir)).memo('types', 1, compute);
    for (const file of readdirSync(dir)) writeFileSync(path.join(dir, file), 'garbage');
    expect(await new LayeredCache('id', diskStore(dir)).memo('types', 1, compute)).toBe('value');
    expect(calls.count).toBe(2);
  });

  it('keeps in memory only what the last run used (a long --watch session stays bounded)', async () => {
    const cache = new LayeredCache('id', undefined);
    const a = counting('a');
    const b = counting('b');
    await cache.memo('types', 'a', a.compute);
    await cache.memo('types', 'b', b.compute);
    cache.endRun();
    await cache.memo('types', 'a', a.compute); // used again in the second run
    cache.endRun();
    await cache.memo('types', 'a', a.compute);
    await cache.memo('types', 'b', b.compute); // dropped after the second run
    expect([a.calls.count, b.calls.count]).toEqual([1, 2]);
  });

  it('serializes an input object once a run, for its get and its set, and again after the run', () => {
    let serialized = 0;
    const input = { toJSON: () => (serialized++, { schema: 'big' }) };
    const cache = new LayeredCache('plangen@1 build a', undefined);
    expect(cache.get('types-chunk', input)).toBeUndefined();
    cache.set('types-chunk', input, 'value');
    expect(cache.get('types-chunk', input)).toBe('value');
    expect(serialized).toBe(1);
    expect(cache.get('layout-piece', input)).toBeUndefined(); // another kind, another key
    expect(serialized).toBe(2);
    cache.endRun();
    expect(cache.get('types-chunk', input)).toBe('value');
    expect(serialized).toBe(3);
    // An equal object is keyed by its content, so it finds the same entry.
    expect(cache.get('types-chunk', { schema: 'big' })).toBe('value');
  });
});

describe('where the cache lives', () => {
  it('is node_modules/.cache/plangen at the project root, PLANGEN_CACHE_DIR when set, nowhere without node_modules', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'package.json'), '{}');
    const sub = path.join(root, 'packages', 'app');
    mkdirSync(sub, { recursive: true });
    expect(cacheFolder(sub, {})).toBeUndefined();
    mkdirSync(path.join(root, 'node_modules'));
    expect(cacheFolder(root, {})).toBe(path.join(root, 'node_modules', '.cache', 'plangen'));
    expect(cacheFolder(root, { PLANGEN_CACHE_DIR: 'c' })).toBe(path.join(root, 'c'));
  });

  it('--no-cache, or a plangen whose build cannot be told, computes everything', async () => {
    const { calls, compute } = counting('v');
    for (const cache of [openCache(tempDir(), 'id', false), openCache(tempDir(), undefined)]) {
      await cache.memo('types', 1, compute);
      await cache.memo('types', 1, compute);
    }
    expect(calls.count).toBe(4);
  });
});
