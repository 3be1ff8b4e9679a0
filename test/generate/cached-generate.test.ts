// Output with the cache is byte for byte the output without it, for every
// golden case: cold (computed and stored), warm from disk (a new process),
// warm from memory (--watch), and with one cache shared by every case (no two
// inputs share an entry).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskStore } from '../../packages/cli/src/cache/disk-store.js';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import type { GeneratedFile } from '../../packages/cli/src/generate/options.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { REPO_ROOT } from './compile-in-memory.js';
import { GOLDEN_CASES } from './golden-cases.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-cached-goldens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IDENTITY = 'plangen@test build cached-goldens';
const asObject = (files: readonly GeneratedFile[]) => Object.fromEntries(files.map((file) => [file.path, file.content]));

describe('generate with the cache', () => {
  const shared = new LayeredCache(IDENTITY, diskStore(path.join(dir, 'shared')));

  for (const [index, golden] of GOLDEN_CASES.entries()) {
    it(`${golden.out}: cold, warm from disk, warm in memory and shared all equal the uncached output`, async () => {
      const { model, locator } = await loadPlan(`${REPO_ROOT}${golden.plan}`);
      const uncached = asObject(await generate(model, golden.options, locator));
      const folder = path.join(dir, String(index));

      const cold = new LayeredCache(IDENTITY, diskStore(folder));
      expect(asObject(await generate(model, golden.options, locator, undefined, cold))).toEqual(uncached);
      expect(cold.stats.hits).toBe(0);
      expect(asObject(await generate(model, golden.options, locator, undefined, cold))).toEqual(uncached);

      const fromDisk = new LayeredCache(IDENTITY, diskStore(folder));
      expect(asObject(await generate(model, golden.options, locator, undefined, fromDisk))).toEqual(uncached);
      // Everything from disk: the whole validators and types, and the laid-out pieces of the index files (lay-out-typescript.ts).
      expect(fromDisk.stats.misses).toBe(0);
      expect(fromDisk.stats.hits).toBeGreaterThan(golden.options.mode === 'development' ? 2 : 1);

      expect(asObject(await generate(model, golden.options, locator, undefined, shared))).toEqual(uncached);
    });
  }
});
