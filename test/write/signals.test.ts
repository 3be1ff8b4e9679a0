// The built CLI, interrupted for real in the middle of its commit: SIGINT and
// SIGTERM roll back, remove the staging folder and exit 130/143; a SIGKILL
// leaves a half-committed folder that --check reports and the next run repairs.
// test/write/slow-renames.mjs (a preload, not a plangen hook) makes each rename
// wait, so the signal lands between two renames. Needs `pnpm build`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tree } from './helpers.js';

const repo = path.join(import.meta.dirname, '../..');
const bin = path.join(repo, 'packages/cli/bin/plangen.js');
const preload = path.join(import.meta.dirname, 'slow-renames.mjs');

/** A project with the shop plan and its output generated for the generic client, made once and copied per test. */
let template = '';
/** The same project after a clean run for analytics-node: what an interrupted run must end in once repaired. */
let expected = '';
beforeAll(async () => {
  if (!existsSync(path.join(repo, 'packages/cli/dist/cli.js'))) throw new Error('run `pnpm build` first: this test runs the built CLI');
  // Not tempDir(): those go after each test.
  template = mkdtempSync(path.join(os.tmpdir(), 'plangen-signals-'));
  writeFileSync(path.join(template, 'package.json'), '{ "name": "app" }\n');
  cpSync(path.join(repo, 'fixtures/shop/plan.yaml'), path.join(template, 'plan.yaml'));
  expect(plangen(template, 'generic').status).toBe(0);
  expected = mkdtempSync(path.join(os.tmpdir(), 'plangen-signals-'));
  cpSync(template, expected, { recursive: true });
  expect(plangen(expected, 'analytics-node').status).toBe(0);
});

afterAll(() => {
  for (const dir of [template, expected]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function project(): Promise<string> {
  const app = await tempDir();
  cpSync(template, app, { recursive: true });
  return app;
}

function plangen(app: string, client: string, ...more: string[]) {
  return spawnSync(process.execPath, [bin, 'generate', '--plan', 'plan.yaml', '--out', 'src/sdk', '--client', client, ...more], { cwd: app, encoding: 'utf8' });
}

/** Runs a slowed generation for another client and sends `signal` when the `nth` rename starts. */
function interrupt(app: string, signal: NodeJS.Signals, nth: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', preload, bin, 'generate', '--plan', 'plan.yaml', '--out', 'src/sdk', '--client', 'analytics-node'], { cwd: app });
  let stderr = '';
  let renames = 0;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    renames = (stderr.match(/^slow-renames: /gm) ?? []).length;
    if (renames >= nth && !child.killed) child.kill(signal);
  });
  return new Promise((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig, stderr })));
}

const staging = (names: string[]) => names.filter((name) => name.startsWith('.plangen-tmp-'));

describe('plangen generate interrupted during its commit', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s rolls back, removes the staging folder and exits %i', async (signal, exitCode) => {
    const app = await project();
    const before = await tree(path.join(app, 'src'));
    // Rename 1 moves the old index.ts aside, 2 moves the new one in; the signal lands while 2 waits.
    const result = await interrupt(app, signal, 2);
    expect(result.code).toBe(exitCode);
    expect(result.stderr.split('\n').filter((line) => !line.startsWith('slow-renames: '))).toEqual([`plangen: interrupted by ${signal}; nothing was changed`, '']);
    expect(await tree(path.join(app, 'src'))).toEqual(before);
  });

  it('SIGKILL leaves a half-committed folder: --check says so, the next run restores it first and then writes', async () => {
    const app = await project();

    const killed = await interrupt(app, 'SIGKILL', 2);
    expect(killed.signal).toBe('SIGKILL');
    const leftover = staging(Object.keys(await tree(app)).map((key) => key.split('/')[1] ?? ''));
    expect(leftover.length).toBeGreaterThan(0);

    const check = plangen(app, 'analytics-node', '--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^src\/sdk: an interrupted plangen run left this folder half-written \(its journal is in src\/\.plangen-tmp-sdk-\d+-\w{6}\), so it cannot be checked\. Run `plangen generate` to restore it, then --check again\.\n$/);

    const next = plangen(app, 'analytics-node');
    expect(next.status).toBe(0);
    expect(next.stderr).toMatch(/^plangen: an interrupted run had left src\/sdk half-written; the previous files are restored\nplangen: wrote /);
    expect(await tree(path.join(app, 'src'))).toEqual(await tree(path.join(expected, 'src')));
  });
});
