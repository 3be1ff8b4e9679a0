// A file-system error during a write becomes one line for the user (the path,
// what is wrong, how to fix it), never a stack trace. Paths inside the staging
// folder are reported as the folder plangen stages in, paths inside the output
// folder as the user wrote --out.
import path from 'node:path';
import { PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';
import type { OutputFolder } from './output-folder.js';

const PROBLEMS: Record<string, readonly [problem: string, fix: string]> = {
  EACCES: ['permission denied', 'Make it writable for this user, or choose another --out'],
  EPERM: [
    'operation not permitted (the file or its folder may be immutable, append-only or locked)',
    'Make it writable (for an immutable file: chattr -i), or choose another --out',
  ],
  EROFS: ['the file system is read-only', 'Choose another --out'],
  ENOSPC: ['no space left on the device', 'Free some space, then run plangen again'],
  EDQUOT: ['the disk quota is exhausted', 'Free some space, then run plangen again'],
  EXDEV: [
    'the output folder is on another file system than the folder beside it, where plangen stages the files (a mount point?)',
    'Choose a folder inside that file system as --out',
  ],
  ENOTDIR: ['a part of this path is a file, not a folder', 'Move or delete the file, or choose another --out'],
  EISDIR: ['this is a folder where plangen writes a file', 'Move or delete the folder, or choose another --out'],
  ENOENT: ['the file disappeared while plangen was writing (is another plangen run writing the same folder?)', 'Run plangen again'],
  ENAMETOOLONG: ['the path is too long', 'Choose a shorter --out'],
  EBUSY: ['the file is busy (in use by another program)', 'Close the program using it, then run plangen again'],
};

/** Errors with a file-system `code` become a PlanError; anything else is returned as it is (a bug, with its stack). */
export function describeFileSystemError(error: unknown, folder: OutputFolder, staging: string | undefined, outcome: string): unknown {
  if (typeof error !== 'object' || error === null || error instanceof PlanError) return error;
  const { code, syscall, path: from, dest } = error as { code?: unknown; syscall?: unknown; path?: unknown; dest?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return error;
  const [problem, fix] = PROBLEMS[code] ?? [`${typeof syscall === 'string' ? syscall : 'a file operation'} failed with ${code}`, 'Check the folder, then run plangen again'];
  // The rename's destination is the path the user knows (the source is in the staging folder).
  const raw = typeof dest === 'string' && !isUnder(staging, dest) ? dest : typeof from === 'string' ? from : folder.real;
  if (staging !== undefined && isUnder(staging, raw) || isStagingPrefix(folder, raw)) {
    const parent = displayPath(path.dirname(folder.real));
    return new PlanError({ file: parent }, `${problem} while plangen stages files in this folder, beside --out; ${outcome}`, fix.replace('Make it writable', `Make ${parent} writable`));
  }
  return new PlanError({ file: displayPath(shown(folder, raw)) }, `${problem}; ${outcome}`, fix);
}

function isUnder(dir: string | undefined, file: string): boolean {
  return dir !== undefined && (file === dir || file.startsWith(`${dir}${path.sep}`));
}

// mkdtemp reports its prefix, before the folder exists.
function isStagingPrefix(folder: OutputFolder, file: string): boolean {
  return path.dirname(file) === path.dirname(folder.real) && path.basename(file).startsWith('.plangen-tmp-');
}

/** A path under the real output folder, as it reads under --out as given. */
function shown(folder: OutputFolder, file: string): string {
  return isUnder(folder.real, file) ? path.join(folder.shown, path.relative(folder.real, file)) : file;
}
