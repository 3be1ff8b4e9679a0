// The bin compiles the generate bundle from V8's code cache, saved by the build after a run:
// the bundle's exports are the same with the cache, without one, and with one V8 refuses or
// saved for other bytes of the bundle, which is never used.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { codeCacheFile, loadCodeCached, loadRecording, recordCodeCache, wrappedSource } from '../../packages/cli/src/fast-path/code-cached-bundle.js';

/**
 * Whether a fresh V8 isolate (a worker thread) takes `data` for `source`. In this process V8 would answer
 * a source it compiled before from its own compilation cache, and never read the data.
 */
async function takenByFreshV8(source: string, data: Buffer): Promise<boolean> {
  const worker = new Worker(
    "const { workerData, parentPort } = require('node:worker_threads'); const vm = require('node:vm');" +
      'const script = new vm.Script(workerData.source, { cachedData: Buffer.from(workerData.data) }); parentPort.postMessage(!script.cachedDataRejected);',
    { eval: true, workerData: { source, data } },
  );
  try {
    return await new Promise<boolean>((resolve, reject) => worker.once('message', resolve).once('error', reject));
  } finally {
    await worker.terminate();
  }
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A script bundle as scripts/build-cli.mjs makes them: it returns its exports, given require, __filename, __dirname. */
function bundle(answer = 42): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-code-cache-'));
  made.push(dir);
  const file = path.join(dir, 'bundle.cjs');
  writeFileSync(
    file,
    `var plangenBundle = { name: require('node:path').basename(__filename), dir: __dirname, answer: () => ${answer}, noModule: typeof module };\nreturn plangenBundle;\n`,
  );
  return file;
}

const seen = (loaded: { exports: unknown; cacheUsed: boolean }) => {
  const exports = loaded.exports as { name: string; dir: string; answer(): number; noModule: string };
  return { name: exports.name, dir: exports.dir, answer: exports.answer(), noModule: exports.noModule, cacheUsed: loaded.cacheUsed };
};

describe('a script bundle run from the code cache', () => {
  it('has the same exports without a cache and with the one recorded after a run', async () => {
    const file = bundle();
    const expected = { name: 'bundle.cjs', dir: path.dirname(file), answer: 42, noModule: 'undefined' };
    expect(seen(loadCodeCached(file))).toEqual({ ...expected, cacheUsed: false });
    let used = 0;
    await recordCodeCache(file, async (exports) => {
      used = (exports as { answer(): number }).answer();
    });
    expect(used).toBe(42);
    expect(readFileSync(codeCacheFile(file)).length).toBeGreaterThan(32);
    expect(seen(loadCodeCached(file))).toEqual({ ...expected, cacheUsed: true });
  });

  it('saves data a fresh V8 takes for this source, and only for it', async () => {
    const file = bundle(7);
    await recordCodeCache(file, async () => undefined);
    const saved = readFileSync(codeCacheFile(file));
    const { source, hash } = wrappedSource(file);
    expect(saved.subarray(0, 32).equals(hash)).toBe(true);
    expect(await takenByFreshV8(source, saved.subarray(32))).toBe(true);
    expect(await takenByFreshV8(`${source}\n// longer`, saved.subarray(32))).toBe(false);
  });

  it('ignores a cache saved for other bytes of the bundle, even of the same length', async () => {
    const file = bundle(42);
    await recordCodeCache(file, async () => undefined);
    // Same length, other code: V8's own check (the source's length) would take the old code.
    writeFileSync(file, readFileSync(file, 'utf8').replace('=> 42', '=> 43'));
    expect(seen(loadCodeCached(file))).toMatchObject({ answer: 43, cacheUsed: false });
  });

  it('records for a bundle whose work ends in no call of ours: each save holds the code compiled until then', async () => {
    // A worker thread's bundle (fast-path/code-cached-worker.ts): it answers through a module the recorder hands it.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-code-cache-'));
    made.push(dir);
    const file = path.join(dir, 'worker.cjs');
    const lazy = Array.from({ length: 40 }, (_, index) => `function f${index}(x) { return [x, ${index}].map((y) => y * 2).join('-'); }`).join('\n');
    writeFileSync(
      file,
      `${lazy}\nrequire('node:worker_threads').parentPort.answer(f0(1) + f39(2));\nvar plangenBundle = { all: () => [${Array.from({ length: 40 }, (_, index) => `f${index}(3)`).join(', ')}] };\nreturn plangenBundle;\n`,
    );
    const answers: string[] = [];
    const recording = loadRecording(file, (bundleRequire) => (id) =>
      id === 'node:worker_threads' ? { parentPort: { answer: (text: string) => answers.push(text) } } : bundleRequire(id),
    );
    expect(answers).toEqual(['2-04-78']);
    recording.save();
    const first = readFileSync(codeCacheFile(file));
    const { source, hash } = wrappedSource(file);
    expect(first.subarray(0, 32).equals(hash)).toBe(true);
    expect(await takenByFreshV8(source, first.subarray(32))).toBe(true);
    // The functions run since the first save are compiled in the second.
    expect((recording.exports as { all(): string[] }).all()).toHaveLength(40);
    recording.save();
    const second = readFileSync(codeCacheFile(file));
    expect(second.subarray(0, 32).equals(hash)).toBe(true);
    expect(second.length).toBeGreaterThan(first.length);
    expect(readdirSync(dir).sort()).toEqual(['worker.cjs', 'worker.cjs.v8cache']);
  });

  it('ignores a cache V8 refuses, and a file too short to hold one', () => {
    // Sources this process never compiled, so V8 reads the data rather than its own compilation cache.
    const garbage = bundle(1001);
    writeFileSync(codeCacheFile(garbage), Buffer.concat([wrappedSource(garbage).hash, Buffer.alloc(4096, 7)]));
    expect(seen(loadCodeCached(garbage))).toMatchObject({ answer: 1001, cacheUsed: false });
    const short = bundle(1002);
    writeFileSync(codeCacheFile(short), 'short');
    expect(seen(loadCodeCached(short))).toMatchObject({ answer: 1002, cacheUsed: false });
  });
});
