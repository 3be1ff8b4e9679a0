// What the end-to-end tests share: where things are, and running commands that must succeed.
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const root = path.join(import.meta.dirname, '../..');

/** The packages' build output, which the example apps and the packed tarballs use as a user would. */
export function requireBuilt(): void {
  for (const file of ['packages/cli/dist/cli.js', 'packages/core/dist/esm/index.js', 'packages/core/dist/cjs/index.js']) {
    if (!existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`pnpm build\` before the end-to-end tests`);
  }
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion and tells how it ended. Asynchronous, so the
 * ingest server living in this process keeps answering while the command sends to it.
 */
export function runStatus(command: string, args: readonly string[], options: SpawnOptions & { cwd: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { timeout: 240_000, ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a command that must succeed; a non-zero exit throws with everything it printed. */
export async function run(command: string, args: readonly string[], options: SpawnOptions & { cwd: string }): Promise<RunResult> {
  const result = await runStatus(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}) failed: exit ${String(result.code)}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** A bin of the workspace root's node_modules (tsc, publint, attw, esbuild), run with this Node. */
export function runBin(bin: string, args: readonly string[], options: SpawnOptions & { cwd: string }): Promise<RunResult> {
  return run(path.join(root, 'node_modules/.bin', bin), args, options);
}

/** `plangen` as a workspace app gets it: the package's bin over its build output. */
export const plangenBin = path.join(root, 'packages/cli/bin/plangen.js');

export function plangen(args: readonly string[], cwd: string): Promise<RunResult> {
  return run(process.execPath, [plangenBin, ...args], { cwd });
}

export const pnpm = (args: readonly string[], cwd: string): Promise<RunResult> => run('npx', ['-y', 'pnpm@9.15.9', ...args], { cwd });
