// `diff REV:path` hands git only a revision: `--end-of-options` before it, and a
// revision that starts with "-" is refused, so nothing typed becomes a git option.
import { execFileSync, type execFile as ExecFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPlanArg, type PlanLoaders } from '../../packages/cli/src/diff/read-plan-arg.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { NO_LOCATOR } from '../../packages/cli/src/model/locator.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';

const gitCalls = vi.hoisted(() => [] as string[][]);
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:child_process')>();
  const { promisify } = await import('node:util');
  const recording = (file: string, args: readonly string[], ...rest: unknown[]) => {
    gitCalls.push([file, ...args]);
    return (real.execFile as (...all: unknown[]) => unknown)(file, args, ...rest);
  };
  // read-plan-arg promisifies execFile, which resolves to { stdout, stderr } through this symbol.
  Object.assign(recording, {
    [promisify.custom]: (file: string, args: readonly string[], options: object) => {
      gitCalls.push([file, ...args]);
      return promisify(real.execFile)(file, args, options);
    },
  });
  return { ...real, execFile: recording as unknown as typeof ExecFile };
});

const dirs: string[] = [];
afterEach(async () => {
  gitCalls.length = 0;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function repo(): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'plangen-diff-git-')));
  dirs.push(dir);
  await writeFile(path.join(dir, 'plan.yaml'), 'name: Shop\nevents: {}\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=plangen', '-c', 'user.email=plangen@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'plan');
  return dir;
}

const loaders: PlanLoaders = {
  loadPlan: () => Promise.reject(new Error('not a file argument')),
  loadPlanBytes: (bytes, file) => ({ model: { name: Buffer.from(bytes).toString('utf8'), file } as unknown as PlanModel, locator: NO_LOCATOR }),
};

describe('diff REV:path and git options', () => {
  it('runs git show with --end-of-options before the revision', async () => {
    const dir = await repo();
    const model = await readPlanArg('HEAD:plan.yaml', loaders, { cwd: dir });
    expect(model.name).toBe('name: Shop\nevents: {}\n');
    expect(gitCalls.filter((call) => call[1] === 'show')).toEqual([['git', 'show', '--end-of-options', 'HEAD:plan.yaml']]);
  });

  it('a revision that starts with "-" cannot become a git option (--output= would write a file)', async () => {
    const dir = await repo();
    const marker = path.join(dir, 'marker');
    const arg = `--output=${marker}:plan.yaml`;
    const error = await readPlanArg(arg, loaders, { cwd: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).message).toBe(
      `${arg}: a git revision cannot start with "-". Pass an existing file, or REV:path with a git revision such as HEAD~1 (HEAD~1:plan.yaml).`,
    );
    expect(gitCalls.filter((call) => call[1] === 'show')).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(`${marker}:plan.yaml`)).toBe(false);
  });
});
