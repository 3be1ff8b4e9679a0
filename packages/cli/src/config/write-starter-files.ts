// `plangen init` writes its files all or nothing: every target is checked
// before the first write, and if a write still fails, the files already
// written are put back as they were (restored, or removed if they were new).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isCode, PlanError } from '../errors.js';

export interface StarterFile {
  /** Relative to the folder init runs in. */
  readonly file: string;
  readonly content: string;
}

export interface StarterWriteDeps {
  readonly writeFile: (file: string, content: string) => Promise<void>;
}

const nodeDeps: StarterWriteDeps = { writeFile: (file, content) => fs.writeFile(file, content, 'utf8') };

const PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EISDIR: 'this is a folder, where plangen init writes a file',
};

/** Refuses before anything is written: a target that is a folder (or not a file), or an existing file without --force. */
export async function checkStarterTargets(cwd: string, files: readonly StarterFile[], force: boolean): Promise<void> {
  for (const { file } of files) {
    const stats = await fs.stat(path.join(cwd, file)).catch((error: unknown) => {
      if (isCode(error, 'ENOENT')) return undefined;
      throw fileError(error, file);
    });
    if (stats === undefined) continue;
    if (stats.isDirectory()) {
      throw new PlanError({ file }, 'this is a folder, where plangen init writes a file', 'Move or rename the folder, or run `plangen init` in another folder');
    }
    if (!stats.isFile()) throw new PlanError({ file }, 'this is not a regular file', 'Move it, or run `plangen init` in another folder');
    if (!force) throw new PlanError({ file }, 'the file already exists', 'Pass --force to overwrite it, or edit it instead');
  }
}

/** Writes every file, or on a failure puts back the ones written so far and throws a one-line PlanError. */
export async function writeStarterFiles(cwd: string, files: readonly StarterFile[], deps: StarterWriteDeps = nodeDeps): Promise<void> {
  const written: { file: string; before: string | undefined }[] = [];
  for (const { file, content } of files) {
    const target = path.join(cwd, file);
    const before = await fs.readFile(target, 'utf8').catch(() => undefined);
    written.push({ file: target, before });
    try {
      await deps.writeFile(target, content);
    } catch (error) {
      for (const undo of written.reverse()) {
        // Best effort: the error that stopped init is the one to report.
        await (undo.before === undefined ? fs.rm(undo.file, { force: true }) : fs.writeFile(undo.file, undo.before, 'utf8')).catch(() => undefined);
      }
      throw fileError(error, file);
    }
  }
}

function fileError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  return new PlanError({ file }, `cannot write it: ${PROBLEMS[code] ?? code}; nothing was written`, 'Fix the folder, then run `plangen init` again');
}
