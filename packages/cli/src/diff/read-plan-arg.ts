// A `plangen diff` argument is a plan file, or `REV:path` for the plan as it was
// in a git revision (`HEAD~1:plan.yaml`). An existing file always wins, so a
// file whose name contains a colon still reads as a file.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PlanError } from '../errors.js';
import type { LoadedPlan } from '../load/load-plan.js';
import type { PlanFormat, PlanModel } from '../model/types.js';
import { displayPath } from '../messages/display-path.js';

const run = promisify(execFile);

export interface PlanLoaders {
  loadPlan(file: string, options?: { format?: PlanFormat }): Promise<LoadedPlan>;
  /** The plan as `git show` prints it: bytes, in whatever encoding the file was committed. */
  loadPlanBytes(bytes: Uint8Array, file: string, options?: { format?: PlanFormat }): LoadedPlan;
}

export type PlanArg = { readonly kind: 'file'; readonly file: string } | { readonly kind: 'revision'; readonly revision: string; readonly file: string };

/** How an argument will be read; `REV:path` only when no file of that name exists. */
export function parsePlanArg(arg: string, cwd: string): PlanArg {
  const colon = arg.indexOf(':');
  if (colon <= 0 || existsSync(path.resolve(cwd, arg))) return { kind: 'file', file: arg };
  return { kind: 'revision', revision: arg.slice(0, colon), file: arg.slice(colon + 1) };
}

export async function readPlanArg(arg: string, loaders: PlanLoaders, options: { cwd: string; format?: PlanFormat }): Promise<PlanModel> {
  const format = options.format !== undefined ? { format: options.format } : {};
  const parsed = parsePlanArg(arg, options.cwd);
  if (parsed.kind === 'file') {
    const file = path.resolve(options.cwd, parsed.file);
    if (!existsSync(file)) {
      throw new PlanError({ file: arg }, 'no such file', 'Pass a plan file, or REV:path to read it from git (HEAD~1:plan.yaml)');
    }
    // Relative to the process's working directory, so plan errors read `plan.yaml:12:7`.
    return (await loaders.loadPlan(displayPath(file), format)).model;
  }
  const bytes = await gitShow(parsed.revision, parsed.file, arg, options.cwd);
  // diff reports changes by name, not by position: the model is all it reads.
  return loaders.loadPlanBytes(bytes, arg, format).model;
}

/** `git show REV:path`, with the path taken relative to the working directory like every other path the user types. */
async function gitShow(revision: string, file: string, arg: string, cwd: string): Promise<Buffer> {
  // What the user typed must never become an option of git (`--output=FILE:plan.yaml` would write FILE).
  if (revision.startsWith('-')) {
    throw new PlanError({ file: arg }, 'a git revision cannot start with "-"', 'Pass an existing file, or REV:path with a git revision such as HEAD~1 (HEAD~1:plan.yaml)');
  }
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd, arg)).toString('utf8');
  const repoPath = path.posix.normalize(path.posix.join(prefix.trim(), file.split(path.sep).join('/')));
  if (repoPath.startsWith('../')) {
    throw new PlanError({ file: arg }, `"${file}" is outside the git repository`, 'Give a path inside the repository, relative to the current folder');
  }
  return git(['show', '--end-of-options', `${revision}:${repoPath}`], cwd, arg);
}

async function git(args: readonly string[], cwd: string, arg: string): Promise<Buffer> {
  try {
    // Bytes, not text: the plan is decoded by the loader, so a UTF-16 plan or a bad byte reads as from a file.
    const { stdout } = await run('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
    return stdout;
  } catch (error) {
    const written = (error as { stderr?: unknown }).stderr;
    const stderr = Buffer.isBuffer(written) ? written.toString('utf8') : written;
    const reason = typeof stderr === 'string' && stderr.trim() !== '' ? (stderr.trim().split('\n')[0] ?? '') : (error as Error).message;
    throw new PlanError(
      { file: arg },
      `cannot read the plan from git: ${reason.replace(/^fatal: /, '').replace(/\.$/, '')}`,
      'Pass an existing file, or REV:path with a git revision and a path relative to the current folder (HEAD~1:plan.yaml)',
    );
  }
}
