import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { nodeWriter, type Writer } from '../../packages/cli/src/write/writer.js';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plangen-write-'));
  made.push(dir);
  return dir;
}

/** Every file under `dir` with its content, keyed by forward-slashed relative path. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, full).split(path.sep).join('/')] = await readFile(full, 'utf8');
  }
  return result;
}

export async function mtime(file: string): Promise<number> {
  return (await stat(file)).mtimeMs;
}

type Op = keyof Writer;

/** The real writer, except that the `nth` call (1-based) of `op` throws. */
export function failingWriter(op: Op, nth: number): Writer & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const wrap = <K extends Op>(name: K): Writer[K] =>
    (async (...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      if (name === op && calls[name] === nth) throw new Error(`injected ${name} failure`);
      return (nodeWriter[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as Writer[K];
  return {
    calls,
    readFile: wrap('readFile'),
    writeFile: wrap('writeFile'),
    mkdir: wrap('mkdir'),
    mkdtemp: wrap('mkdtemp'),
    rename: wrap('rename'),
    rm: wrap('rm'),
    rmdirIfEmpty: wrap('rmdirIfEmpty'),
    kind: wrap('kind'),
    realpath: wrap('realpath'),
    list: wrap('list'),
  };
}

/**
 * The real writer until `n` operations (of any kind, reads included) have run;
 * every later operation throws without touching the disk, as if the process had
 * been killed right after operation `n`: nothing after it runs, no clean-up.
 */
export function killedAfter(n: number, failAt?: number): Writer & { count: () => number; killed: () => boolean } {
  let calls = 0;
  const writer = {} as Record<Op, unknown>;
  for (const op of Object.keys(nodeWriter) as Op[]) {
    writer[op] = async (...args: unknown[]) => {
      calls++;
      if (calls > n) throw new Error(`killed after operation ${n}`);
      // Optionally, operation `failAt` fails first (as EIO would), so the kill can land in the rollback.
      if (calls === failAt) throw Object.assign(new Error(`injected failure of operation ${failAt}`), { code: 'EIO' });
      return (nodeWriter[op] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return Object.assign(writer as unknown as Writer, { count: () => calls, killed: () => calls > n });
}

/** The real writer, recording the kind of every operation in order. */
export function recording(): Writer & { ops: Op[] } {
  const ops: Op[] = [];
  const writer = {} as Record<Op, unknown>;
  for (const op of Object.keys(nodeWriter) as Op[]) {
    writer[op] = async (...args: unknown[]) => {
      ops.push(op);
      return (nodeWriter[op] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return Object.assign(writer as unknown as Writer, { ops });
}

/** Every file (content) and every empty folder (`dir/`) under `dir`; empty when `dir` does not exist. */
export async function tree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return result;
  }
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, full).split(path.sep).join('/');
    if (entry.isFile()) result[key] = await readFile(full, 'utf8');
    else if (entry.isDirectory() && (await readdir(full)).length === 0) result[`${key}/`] = '';
    else if (!entry.isDirectory()) result[key] = `<${entry.isSymbolicLink() ? 'symlink' : 'other'}>`;
  }
  return result;
}
