// Nothing lost: a write that fails at any single file-system operation leaves
// the output folder exactly as before (or, if only the clean-up failed, exactly
// as the new output); files plangen did not write are never touched; `--check`
// never writes; a write killed after any operation is repaired by the next run
// into the old or the new output; the same plan gives byte-identical files every time.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runGenerate } from '../../packages/cli/src/commands/generate.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import type { GeneratedFile } from '../../packages/cli/src/generate/options.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { checkOutput } from '../../packages/cli/src/write/check-output.js';
import { MANIFEST_FILE } from '../../packages/cli/src/write/manifest.js';
import { repairOutputFolder } from '../../packages/cli/src/write/recover-output.js';
import { writeOutput } from '../../packages/cli/src/write/write-output.js';
import { nodeWriter, type Writer } from '../../packages/cli/src/write/writer.js';
import { fuzzParameters } from './runs.js';

let root: string;
let cases = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'plangen-fuzz-write-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh parent folder per case, holding the output folder `out`. */
async function freshOut(): Promise<string> {
  const parent = path.join(root, `case${cases++}`);
  await mkdir(parent, { recursive: true });
  return path.join(parent, 'out');
}

interface Entry {
  readonly content: string;
  readonly mtimeMs: number;
}

/** Every file under `dir` (content and mtime), keyed by relative path; empty folders as `dir/`. */
async function snapshot(dir: string): Promise<Record<string, Entry | 'folder'>> {
  const result: Record<string, Entry | 'folder'> = {};
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return result;
  }
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, full).split(path.sep).join('/');
    if (entry.isFile()) result[key] = { content: await readFile(full, 'utf8'), mtimeMs: (await stat(full)).mtimeMs };
    else if (entry.isDirectory() && (await readdir(full)).length === 0) result[`${key}/`] = 'folder';
  }
  return result;
}

function contents(snap: Record<string, Entry | 'folder'>): Record<string, string> {
  return Object.fromEntries(Object.entries(snap).flatMap(([key, entry]) => (entry === 'folder' ? [] : [[key, entry.content]])));
}

const MUTATING: readonly (keyof Writer)[] = ['writeFile', 'mkdir', 'mkdtemp', 'rename', 'rm', 'rmdirIfEmpty'];

/** The real writer, except that mutating call number `failAt` (1-based, counted over all kinds) throws once. */
function failingOnce(failAt: number): Writer & { count: () => number } {
  let calls = 0;
  const writer = { ...nodeWriter } as Writer;
  for (const op of MUTATING) {
    const real = nodeWriter[op] as (...args: unknown[]) => Promise<unknown>;
    (writer as unknown as Record<string, unknown>)[op] = async (...args: unknown[]) => {
      calls++;
      if (calls === failAt) throw Object.assign(new Error(`injected failure of ${op}`), { code: 'EIO' });
      return real(...args);
    };
  }
  return Object.assign(writer, { count: () => calls });
}

/** The real writer until `n` operations of any kind have run; then every operation throws, as if the process were killed. */
function killedAfter(n: number): Writer {
  let calls = 0;
  const writer = {} as Record<keyof Writer, unknown>;
  for (const op of Object.keys(nodeWriter) as (keyof Writer)[]) {
    const real = nodeWriter[op] as (...args: unknown[]) => Promise<unknown>;
    writer[op] = async (...args: unknown[]) => {
      if (++calls > n) throw new Error('killed');
      return real(...args);
    };
  }
  return writer as unknown as Writer;
}

/** Contents and empty folders, without mtimes (a repaired file is the same file, renamed back). */
function withFolders(snap: Record<string, Entry | 'folder'>): Record<string, string> {
  return Object.fromEntries(Object.entries(snap).map(([key, entry]) => [key, entry === 'folder' ? '' : entry.content]));
}

/** Generated file sets: a pool of paths (nested ones too) with random contents. */
const PATHS = ['index.ts', 'validators.ts', 'index.js', 'index.d.ts', 'sub/types.ts', 'sub/deeper/more.ts', 'other/x.js'];
const fileSet: fc.Arbitrary<GeneratedFile[]> = fc
  .uniqueArray(fc.constantFrom(...PATHS), { minLength: 1, maxLength: PATHS.length })
  .chain((paths) => fc.tuple(...paths.map((file) => fc.string({ maxLength: 40, unit: 'grapheme' }).map((content) => ({ path: file, content: `${file}\n${content}` })))));

/** Files the user keeps in the output folder; never one of plangen's paths. */
const foreignFiles: fc.Arbitrary<Record<string, string>> = fc
  .uniqueArray(fc.constantFrom('README.md', 'notes/todo.txt', 'sub/mine.ts', '.env', 'sub/deeper/keep.json', 'index.test.ts', '.plangen-manifest.json.bak'), { maxLength: 4 })
  .chain((paths) => fc.tuple(...paths.map((file) => fc.string({ maxLength: 20 }).map((content) => [file, content] as const))))
  .map((entries) => Object.fromEntries(entries));

async function placeForeign(out: string, foreign: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(foreign)) {
    await mkdir(path.dirname(path.join(out, file)), { recursive: true });
    await writeFile(path.join(out, file), content);
  }
}

function expectForeignKept(after: Record<string, Entry | 'folder'>, before: Record<string, Entry | 'folder'>, foreign: Record<string, string>): void {
  for (const file of Object.keys(foreign)) expect(after[file], file).toEqual(before[file]);
}

describe('writing output', () => {
  it('fails at any single operation and leaves the folder as it was (or completely new), with foreign files untouched', async () => {
    const outcomes = { failed: 0, written: 0 };
    await fc.assert(
      fc.asyncProperty(fileSet, fileSet, foreignFiles, fc.nat(40), async (previous, next, foreign, failAt) => {
        const out = await freshOut();
        await placeForeign(out, foreign);
        await writeOutput(out, previous);
        const before = await snapshot(out);
        const writer = failingOnce(failAt + 1);
        const failed = await writeOutput(out, next, { writer }).then(
          () => false,
          () => true,
        );
        outcomes[failed ? 'failed' : 'written']++;
        const after = await snapshot(out);
        expectForeignKept(after, before, foreign);
        const expectedNew = { ...Object.fromEntries(Object.entries(foreign)), ...Object.fromEntries(next.map((file) => [file.path, file.content])) };
        if (!failed) {
          expect(Object.fromEntries(Object.entries(contents(after)).filter(([file]) => file !== MANIFEST_FILE))).toEqual(expectedNew);
          return;
        }
        const result = contents(after);
        delete result[MANIFEST_FILE];
        // Either nothing changed, or only the temp folder's clean-up failed after a complete write.
        if (JSON.stringify(contents(before)) !== JSON.stringify(contents(after))) expect(result).toEqual(expectedNew);
        else expect(after).toEqual(before);
        // No half-written files beside the output either (a failed clean-up may leave the temp folder).
        const beside = (await readdir(path.dirname(out))).filter((name) => name !== 'out');
        for (const name of beside) expect(name).toMatch(/^\.plangen-tmp-out-/);
      }),
      fuzzParameters(40),
    );
    // The injected failure hit real operations, and some writes got past it.
    expect(outcomes.failed).toBeGreaterThan(0);
    expect(outcomes.written).toBeGreaterThan(0);
  });

  it('killed after any operation (nothing after it runs, no clean-up), is repaired by the next run into exactly the old or the new output', async () => {
    const outcomes = { old: 0, new: 0 };
    await fc.assert(
      fc.asyncProperty(fileSet, fileSet, foreignFiles, fc.nat(60), async (previous, next, foreign, killAt) => {
        const out = await freshOut();
        await placeForeign(out, foreign);
        await writeOutput(out, previous);
        const old = withFolders(await snapshot(out));
        const writer = killedAfter(killAt + 1);
        await writeOutput(out, next, { writer }).catch(() => undefined);
        await repairOutputFolder(out);
        const repaired = withFolders(await snapshot(out));
        const expectedNew = { ...Object.fromEntries(Object.entries(foreign)), ...Object.fromEntries(next.map((file) => [file.path, file.content])) };
        if (JSON.stringify(repaired) === JSON.stringify(old)) outcomes.old++;
        else {
          expect(Object.fromEntries(Object.entries(repaired).filter(([file]) => file !== MANIFEST_FILE && !file.endsWith('/')))).toEqual(expectedNew);
          outcomes.new++;
        }
        expect(await readdir(path.dirname(out))).toEqual(['out']);
      }),
      fuzzParameters(40),
    );
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });

  it('refuses to overwrite a file it did not write, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fileSet, foreignFiles, fc.string({ maxLength: 20 }), async (files, foreign, mine) => {
        const out = await freshOut();
        const taken = files[0]!;
        await placeForeign(out, { ...foreign, [taken.path]: `${mine} (mine)` });
        const before = await snapshot(out);
        const error = await writeOutput(out, files).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(PlanError);
        expect((error as PlanError).message).toMatch(/refusing to overwrite a file plangen did not generate/);
        expect(await snapshot(out)).toEqual(before);
      }),
      fuzzParameters(20),
    );
  });

  it('never writes in --check, whatever is in the folder', async () => {
    await fc.assert(
      fc.asyncProperty(fileSet, fileSet, foreignFiles, async (previous, next, foreign) => {
        const out = await freshOut();
        await placeForeign(out, foreign);
        await writeOutput(out, previous);
        const before = await snapshot(out);
        const beside = await readdir(path.dirname(out));
        // A writer that fails every mutating call: check must not need one.
        const readOnly: Writer = { ...nodeWriter };
        for (const op of MUTATING) (readOnly as unknown as Record<string, unknown>)[op] = () => Promise.reject(new Error(`--check called ${op}`));
        const { stale } = await checkOutput(out, next, { writer: readOnly });
        const changed = new Set([...previous, ...next].filter((file) => previous.find((old) => old.path === file.path)?.content !== next.find((now) => now.path === file.path)?.content).map((file) => file.path));
        expect(stale.map((file) => file.path)).toEqual([...changed].sort());
        expect(await snapshot(out)).toEqual(before);
        expect(await readdir(path.dirname(out))).toEqual(beside);
      }),
      fuzzParameters(30),
    );
  });
});

describe('plangen generate on the shop plan', () => {
  it('gives byte-identical files on every run, and --check then finds nothing to do and writes nothing', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    const options = { client: 'analytics-node', mode: 'development', language: 'js' } as const;
    const first = await generate(model, options);
    expect(await generate((await loadPlan('fixtures/shop/plan.yaml')).model, options)).toEqual(first);

    const out = await freshOut();
    await placeForeign(out, { 'README.md': 'mine' });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const args = { plan: 'fixtures/shop/plan.yaml', out, ...options };
      expect(await runGenerate(args)).toBe(0);
      const written = await snapshot(out);
      expect(await runGenerate({ ...args, check: true })).toBe(0);
      expect(await runGenerate({ ...args, client: 'generic', check: true })).toBe(1);
      expect(await snapshot(out)).toEqual(written);
      // A second real run rewrites nothing: same bytes, same mtimes.
      expect(await runGenerate(args)).toBe(0);
      expect(await snapshot(out)).toEqual(written);
      expect(written['README.md']).toEqual(expect.objectContaining({ content: 'mine' }));
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });
});
