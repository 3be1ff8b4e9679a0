// No stack trace ever reaches the user for a file-system problem: each one is a
// single line naming the path, what is wrong and how to fix it, and the
// previous output is left as it was. Real conditions where a test can make
// them (ENOTDIR, EISDIR, EXDEV through /dev/shm); the Writer seam injects the
// rest (tests may run as root, where permissions do not block anything).
import { mkdir, readdir, stat, symlink, writeFile, rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runGenerateCommand } from '../../packages/cli/src/commands/generate.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { writeOutput } from '../../packages/cli/src/write/write-output.js';
import { nodeWriter, type Writer } from '../../packages/cli/src/write/writer.js';
import { asCli, captureOutput } from '../cli/helpers.js';
import { fakeStages } from '../cli/fake-stages.js';
import { snapshot, tempDir } from './helpers.js';

const runGenerate = asCli('generate', runGenerateCommand);

const v1 = [
  { path: 'index.ts', content: 'export const a = 1;\n' },
  { path: 'validators.ts', content: 'export const v = 1;\n' },
];
const v2 = [
  { path: 'index.ts', content: 'export const a = 2;\n' },
  { path: 'validators.ts', content: 'export const v = 2;\n' },
];

/** Node's own shape of a file-system error. */
function fsError(code: string, syscall: string, file: string, dest?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, ${syscall} '${file}'`), { code, syscall, path: file, ...(dest ? { dest } : {}) });
}

/** The real writer, except that `op` throws what `fail` returns (when it returns something). */
function writerFailing<K extends keyof Writer>(op: K, fail: (...args: Parameters<Writer[K]>) => Error | undefined): Writer {
  return {
    ...nodeWriter,
    [op]: async (...args: Parameters<Writer[K]>) => {
      const error = fail(...args);
      if (error) throw error;
      return (nodeWriter[op] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  };
}

async function message(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PlanError);
  return (error as Error).message;
}

describe('file-system problems are one-line errors', () => {
  it('ENOTDIR: --out is a file', async () => {
    const out = path.join(await tempDir(), 'out');
    await writeFile(out, 'a file\n');
    expect(await message(writeOutput(out, v1))).toBe(
      `${out}: --out is a file, not a folder. Choose a folder for --out (plangen creates it when missing), or move the file.`,
    );
  });

  it('ENOTDIR: --out is under a file', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'notes.txt'), 'a file\n');
    const out = path.join(root, 'notes.txt', 'src', 'out');
    expect(await message(writeOutput(out, v1))).toBe(
      `${path.join(root, 'notes.txt')}: this is a file, so --out ${out} cannot be created inside it. Choose another --out, or move the file.`,
    );
    expect(await readdir(root)).toEqual(['notes.txt']);
  });

  it('ENOTDIR: a generated file goes in a folder whose name is taken by a file', async () => {
    const out = path.join(await tempDir(), 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'sub'), 'mine\n');
    expect(await message(writeOutput(out, [{ path: 'sub/types.ts', content: 'x\n' }]))).toBe(
      `${path.join(out, 'sub')}: this is a file, but plangen generates "sub/types.ts" inside a folder of this name. Move or delete the file, or choose another --out.`,
    );
  });

  it('EISDIR: a generated file name is taken by a folder', async () => {
    const out = path.join(await tempDir(), 'out');
    await writeOutput(out, v1);
    await rm(path.join(out, 'validators.ts'));
    await mkdir(path.join(out, 'validators.ts'));
    const before = await snapshot(out);
    expect(await message(writeOutput(out, v2))).toBe(
      `${path.join(out, 'validators.ts')}: this is a folder, but plangen generates a file of this name. Move or delete the folder, or choose another --out.`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('EACCES: the parent of --out is read-only, so the staging folder cannot be made', async () => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    const writer = writerFailing('mkdtemp', (prefix) => fsError('EACCES', 'mkdtemp', `${prefix}XXXXXX`));
    expect(await message(writeOutput(out, v1, { writer }))).toBe(
      `${root}: permission denied while plangen stages files in this folder, beside --out; nothing was changed. Make ${root} writable for this user, or choose another --out.`,
    );
    expect(await readdir(root)).toEqual([]);
  });

  it('EPERM: an immutable generated file cannot be replaced, and the previous output is restored', async () => {
    const root = await tempDir();
    const out = path.join(root, 'out');
    await writeOutput(out, v1);
    const before = await snapshot(out);
    const immutable = path.join(out, 'validators.ts');
    const writer = writerFailing('rename', (from, to) => (from === immutable ? fsError('EPERM', 'rename', from, to) : undefined));
    expect(await message(writeOutput(out, v2, { writer }))).toBe(
      `${immutable}: operation not permitted (the file or its folder may be immutable, append-only or locked); the previous output was restored. Make it writable (for an immutable file: chattr -i), or choose another --out.`,
    );
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(root)).toEqual(['out']);
  });

  it('EXDEV: a symlinked --out on another file system is written (staged beside the real folder)', async () => {
    const root = await tempDir();
    // /dev/shm is a tmpfs, another file system than the temp folder; the test needs that to mean anything.
    const elsewhere = mkdtempSync('/dev/shm/plangen-exdev-');
    try {
      expect((await stat(elsewhere)).dev).not.toBe((await stat(root)).dev);
      await symlink(elsewhere, path.join(root, 'out'));
      await writeOutput(path.join(root, 'out'), v1);
      await writeOutput(path.join(root, 'out'), v2);
      expect(await snapshot(elsewhere)).toMatchObject({ 'index.ts': v2[0]!.content, 'validators.ts': v2[1]!.content });
      expect(await readdir(root)).toEqual(['out']);
      expect((await readdir('/dev/shm')).filter((name) => name.startsWith(`.plangen-tmp-${path.basename(elsewhere)}-`))).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('EXDEV: --out is a mount point, so nothing can be renamed into it from beside it', async () => {
    const out = path.join(await tempDir(), 'out');
    await writeOutput(out, v1);
    const before = await snapshot(out);
    const inOut = (file: string) => file.startsWith(`${out}${path.sep}`);
    // Every rename between the output folder and the staging folder beside it crosses file systems.
    const writer = writerFailing('rename', (from, to) => (inOut(from) !== inOut(to) ? fsError('EXDEV', 'rename', from, to) : undefined));
    expect(await message(writeOutput(out, v2, { writer }))).toBe(
      `${path.join(out, 'index.ts')}: the output folder is on another file system than the folder beside it, where plangen stages the files (a mount point?); the previous output was restored. Choose a folder inside that file system as --out.`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('plangen generate prints one line and exits 1, without a stack trace', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'plan.json'), JSON.stringify({ name: 'p', events: { 'Order Completed': 1 } }));
    await writeFile(path.join(root, 'out'), 'a file\n');
    const output = captureOutput();
    const code = await runGenerate({ plan: path.join(root, 'plan.json'), out: path.join(root, 'out'), client: 'generic', mode: 'development', language: 'ts' }, { stages: fakeStages, cwd: root });
    expect(code).toBe(1);
    expect(output.stderr()).toBe(`${path.join(root, 'out')}: --out is a file, not a folder. Choose a folder for --out (plangen creates it when missing), or move the file.\n`);
  });
});
