import { readdir, readFile, writeFile, mkdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { MANIFEST_FILE } from '../../packages/cli/src/write/manifest.js';
import { writeOutput } from '../../packages/cli/src/write/write-output.js';
import { failingWriter, mtime, snapshot, tempDir } from './helpers.js';

const v1 = [
  { path: 'index.ts', content: 'export const a = 1;\n' },
  { path: 'validators.ts', content: 'export const v = 1;\n' },
];
const v2 = [
  { path: 'index.ts', content: 'export const a = 2;\n' },
  { path: 'validators.ts', content: 'export const v = 2;\n' },
  { path: 'nested/extra.ts', content: 'export {};\n' },
];

describe('writeOutput', () => {
  it('writes the files and a sorted manifest, creating the folder', async () => {
    const out = path.join(await tempDir(), 'src', 'analytics');
    const result = await writeOutput(out, [...v2].reverse());
    expect(result).toEqual({ written: ['index.ts', 'nested/extra.ts', 'validators.ts'], unchanged: [], removed: [] });
    expect(await snapshot(out)).toEqual({
      'index.ts': 'export const a = 2;\n',
      'validators.ts': 'export const v = 2;\n',
      'nested/extra.ts': 'export {};\n',
      [MANIFEST_FILE]: '{\n  "generatedBy": "plangen",\n  "files": [\n    "index.ts",\n    "nested/extra.ts",\n    "validators.ts"\n  ]\n}\n',
    });
  });

  it('leaves unchanged files untouched, keeping their mtime', async () => {
    const out = path.join(await tempDir(), 'out');
    await writeOutput(out, v1);
    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(path.join(out, 'index.ts'), old, old);
    await utimes(path.join(out, MANIFEST_FILE), old, old);
    const result = await writeOutput(out, [v1[0]!, { path: 'validators.ts', content: 'changed\n' }]);
    expect(result).toEqual({ written: ['validators.ts'], unchanged: ['index.ts'], removed: [] });
    expect(await mtime(path.join(out, 'index.ts'))).toBe(old.getTime());
    expect(await mtime(path.join(out, MANIFEST_FILE))).toBe(old.getTime());
    expect(await readFile(path.join(out, 'validators.ts'), 'utf8')).toBe('changed\n');
  });

  it('touches nothing and creates no temp folder when everything is up to date', async () => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    await writeOutput(out, v1);
    const writer = failingWriter('mkdtemp', 1);
    expect(await writeOutput(out, v1, { writer })).toEqual({ written: [], unchanged: ['index.ts', 'validators.ts'], removed: [] });
    expect(writer.calls.mkdtemp).toBeUndefined();
    expect((await readdir(root)).sort()).toEqual(['out']);
  });

  it('removes a file it generated last time and no longer generates, and its emptied folder', async () => {
    const out = path.join(await tempDir(), 'out');
    await writeOutput(out, v2);
    const result = await writeOutput(out, [v2[0]!]);
    expect(result.removed).toEqual(['nested/extra.ts', 'validators.ts']);
    expect(Object.keys(await snapshot(out)).sort()).toEqual([MANIFEST_FILE, 'index.ts']);
    expect(await readdir(out)).not.toContain('nested');
  });

  it('never deletes files it did not generate', async () => {
    const out = path.join(await tempDir(), 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'mine.ts'), 'user code\n');
    await writeOutput(out, v1);
    await writeOutput(out, [v1[0]!]);
    expect(await snapshot(out)).toMatchObject({ 'mine.ts': 'user code\n', 'index.ts': v1[0]!.content });
    expect(Object.keys(await snapshot(out))).not.toContain('validators.ts');
  });

  it('refuses to overwrite a different file it did not generate, and writes nothing', async () => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'index.ts'), 'hand written\n');
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const error = await writeOutput(out, v1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlanError);
      expect((error as Error).message).toBe(
        'out/index.ts: refusing to overwrite a file plangen did not generate. Delete it, or choose another --out.',
      );
    } finally {
      process.chdir(cwd);
    }
    expect(await snapshot(out)).toEqual({ 'index.ts': 'hand written\n' });
    expect((await readdir(root)).sort()).toEqual(['out']);
  });

  it('adopts an identical file it did not generate', async () => {
    const out = path.join(await tempDir(), 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'index.ts'), v1[0]!.content);
    const result = await writeOutput(out, v1);
    expect(result.unchanged).toEqual(['index.ts']);
    expect(JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8')).files).toEqual(['index.ts', 'validators.ts']);
  });

  it('rejects a malformed manifest with a way out', async () => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    await mkdir(out);
    await writeFile(path.join(out, MANIFEST_FILE), '{"generatedBy":"plangen","files":["../../etc/passwd"]}');
    const error = await writeOutput(out, v1).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `${path.join(out, MANIFEST_FILE)}: this is not a valid plangen manifest. Delete it (plangen will then refuse to replace files it did not record), or choose another --out.`,
    );
  });

  it('rejects invalid generated paths', async () => {
    const out = path.join(await tempDir(), 'out');
    for (const bad of ['../x.ts', '/abs.ts', 'a/../b.ts', MANIFEST_FILE]) {
      await expect(writeOutput(out, [{ path: bad, content: '' }])).rejects.toThrow(
        `plangen: the generator produced an invalid or duplicate output path "${bad}"`,
      );
    }
  });

  // Every operation the write performs after reading, failed in turn: the
  // previous output must survive byte for byte and no temp folder may remain.
  const failurePoints: [Parameters<typeof failingWriter>[0], number][] = [
    ['mkdtemp', 1],
    ['writeFile', 1],
    ['writeFile', 3],
    ['writeFile', 4],
    ['mkdir', 3],
    ['rename', 1],
    ['rename', 2],
    ['rename', 3],
    ['rename', 5],
    ['rename', 7],
    ['rename', 8],
  ];
  it.each(failurePoints)('keeps the previous output intact when %s call %i fails', async (op, nth) => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    await writeOutput(out, [...v1, { path: 'old/gone.ts', content: 'gone\n' }]);
    await writeFile(path.join(out, 'mine.ts'), 'user code\n');
    const before = await snapshot(out);
    const writer = failingWriter(op, nth);
    await expect(writeOutput(out, v2, { writer })).rejects.toThrow(`injected ${op} failure`);
    expect(await snapshot(out)).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(['out']);
    // and the next run succeeds from there
    await writeOutput(out, v2);
    expect(await snapshot(out)).toMatchObject({ 'index.ts': v2[0]!.content, 'mine.ts': 'user code\n' });
  });

  it('removes the folders a failed write created, in the output folder and above it', async () => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    await writeOutput(out, v1);
    const before = (await readdir(out, { recursive: true })).sort();
    // rename 1: index.ts aside, 2: new index.ts in, 3: sub/deeper/more.ts in (creating sub/deeper), 4: validators.ts aside (fails)
    const files = [v2[0]!, { path: 'sub/deeper/more.ts', content: 'more\n' }, v2[1]!];
    await expect(writeOutput(out, files, { writer: failingWriter('rename', 4) })).rejects.toThrow('injected rename failure');
    expect((await readdir(out, { recursive: true })).sort()).toEqual(before);

    const deepOut = path.join(root, 'new', 'deeper', 'out');
    await expect(writeOutput(deepOut, v1, { writer: failingWriter('rename', 2) })).rejects.toThrow('injected rename failure');
    expect((await readdir(root)).sort()).toEqual(['out']);
  });

  it('keeps the staging folder and names it when restoring the previous files fails, and the next run restores them', async () => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    await writeOutput(out, v1);
    const before = await snapshot(out);
    // rename 1: index.ts aside, 2: new index.ts in, 3: validators.ts aside (fails), 4: new index.ts taken back (fails)
    const writer = failingWriter('rename', 3);
    const original = writer.rename;
    let renames = 0;
    writer.rename = async (from, to) => {
      renames += 1;
      if (renames === 4) throw new Error('injected restore failure');
      return original(from, to);
    };
    const error = (await writeOutput(out, v2, { writer }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(PlanError);
    const temp = (await readdir(root)).find((name) => name.startsWith('.plangen-tmp-out-'));
    expect(temp).toBeDefined();
    expect(error.message).toBe(
      `${out}: writing failed (injected rename failure) and restoring the previous files failed too (injected restore failure); they are kept in ${path.join(root, temp!)}. Run plangen again: it restores them before anything else.`,
    );
    expect(await readFile(path.join(root, temp!, 'old', 'index.ts'), 'utf8')).toBe(v1[0]!.content);
    // The next run puts the previous output back first (here: a run that then finds v1 up to date).
    expect(await writeOutput(out, v1)).toEqual({ written: [], unchanged: ['index.ts', 'validators.ts'], removed: [] });
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(root)).toEqual(['out']);
  });
});
