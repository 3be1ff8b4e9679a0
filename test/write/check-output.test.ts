import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutput, staleSummary } from '../../packages/cli/src/write/check-output.js';
import { writeOutput } from '../../packages/cli/src/write/write-output.js';
import { failingWriter, snapshot, tempDir } from './helpers.js';

describe('checkOutput', () => {
  it('finds nothing stale right after a write', async () => {
    const out = path.join(await tempDir(), 'out');
    const files = [{ path: 'index.ts', content: 'a\n' }];
    await writeOutput(out, files);
    expect(await checkOutput(out, files)).toEqual({ stale: [] });
  });

  it('diffs changed, missing and no-longer-generated files, ignores foreign extras, writes nothing', async () => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    await writeOutput(out, [
      { path: 'index.ts', content: 'one\ntwo\n' },
      { path: 'validators.ts', content: 'v\n' },
    ]);
    await writeFile(path.join(out, 'notes.md'), 'mine\n');
    const before = await snapshot(out);
    // Only reads: any write-side operation would throw.
    const writer = { ...failingWriter('writeFile', 1), mkdir: () => Promise.reject(new Error('mkdir')), rename: () => Promise.reject(new Error('rename')) };
    const { stale } = await checkOutput(out, [
      { path: 'index.ts', content: 'one\nthree\n' },
      { path: 'types.ts', content: 't\n' },
    ], { writer });
    expect(stale.map((file) => file.path)).toEqual(['index.ts', 'types.ts', 'validators.ts']);
    const name = path.join(out, 'index.ts');
    expect(stale[0]!.diff).toBe(
      `Index: ${name}\n===================================================================\n--- ${name}\ton disk\n+++ ${name}\tgenerated\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n`,
    );
    expect(stale[1]!.diff).toContain('\tmissing\n');
    expect(stale[2]!.diff).toContain('\tno longer generated\n@@ -1,1 +0,0 @@\n-v\n');
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(root)).toEqual(['out']);
  });

  it('regression: --check ends with the list of stale files, one a line with what is wrong, since the diffs alone scroll away', async () => {
    const out = path.join(await tempDir(), 'out');
    await writeOutput(out, [
      { path: 'index.ts', content: 'one\n' },
      { path: 'validators.ts', content: 'v\n' },
    ]);
    const { stale } = await checkOutput(out, [
      { path: 'index.ts', content: 'two\n' },
      { path: 'types.ts', content: 't\n' },
    ]);
    expect(staleSummary(stale)).toBe(
      `3 stale files:\n  ${path.join(out, 'index.ts')} (changed)\n  ${path.join(out, 'types.ts')} (missing)\n  ${path.join(out, 'validators.ts')} (no longer generated)\n`,
    );
    expect(staleSummary(stale.slice(0, 1))).toBe(`1 stale file:\n  ${path.join(out, 'index.ts')} (changed)\n`);
  });

  it('reports a folder that does not exist as all missing, without creating it', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'other'));
    const { stale } = await checkOutput(path.join(root, 'out'), [{ path: 'index.ts', content: 'x\n' }]);
    expect(stale.map((file) => file.path)).toEqual(['index.ts']);
    expect(await readdir(root)).toEqual(['other']);
  });
});
