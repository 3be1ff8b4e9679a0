import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, vi } from 'vitest';
import { runCommand } from '../../packages/cli/src/cli/run-command.js';

const made: string[] = [];
const startCwd = process.cwd();
afterEach(async () => {
  process.chdir(startCwd);
  vi.restoreAllMocks();
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A temp project (with package.json so config discovery stops there), made the working directory. */
export async function project(files: Record<string, string> = {}): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'plangen-cli-')));
  made.push(dir);
  await writeFile(path.join(dir, 'package.json'), '{ "name": "app" }\n');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  process.chdir(dir);
  return dir;
}

/** Captures what is written to stdout and stderr. */
export function captureOutput(): { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  return { stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Replaces the varying "in 12 ms" of summary lines. */
export const stripTime = (text: string) => text.replace(/ in \d+ ms/g, ' in N ms');

/**
 * A command's `run` as the CLI runs it: a thrown PlanError (or interrupt) becomes its line on
 * stderr and its exit code (cli/run-command.ts), so tests of one command see what a user sees.
 */
export function asCli<Args extends unknown[]>(command: string, run: (...args: Args) => Promise<number>): (...args: Args) => Promise<number> {
  return (...args) => runCommand(command, () => run(...args));
}
