// Where the output folder really is, and where each path in it really leads.
// Every operation works on the real path of --out (a symlinked --out is the
// user's choice), and no path of the output or the manifest may follow a
// symbolic link out of it: plangen never reads, writes or deletes outside.
import path from 'node:path';
import { PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';
import { resolveOutputPath } from './output-path.js';
import type { EntryKind, Writer } from './writer.js';

export interface OutputFolder {
  /** Absolute, as the user gave it: for messages. */
  readonly shown: string;
  /** Absolute, every symbolic link resolved: for every file-system operation. */
  readonly real: string;
  readonly exists: boolean;
}

/** Resolves --out; refuses one that is, or would be created inside, a file (ENOTDIR). */
export async function locateOutputFolder(outDir: string, writer: Writer): Promise<OutputFolder> {
  const shown = path.resolve(outDir);
  const missing: string[] = [];
  for (let at = shown; ; ) {
    const kind = await writer.kind(at);
    if (kind !== undefined) {
      const real = kind === 'symlink' || kind === 'folder' ? await writer.realpath(at) : undefined;
      const realKind = real === undefined ? kind : await writer.kind(real);
      if (real === undefined || realKind !== 'folder') {
        const isOut = missing.length === 0;
        throw new PlanError(
          { file: displayPath(at) },
          isOut
            ? `--out is ${kind === 'symlink' && real === undefined ? 'a symbolic link to nothing' : 'a file'}, not a folder`
            : `this is ${kind === 'symlink' && real === undefined ? 'a symbolic link to nothing' : 'a file'}, so --out ${displayPath(shown)} cannot be created inside it`,
          isOut ? 'Choose a folder for --out (plangen creates it when missing), or move the file' : 'Choose another --out, or move the file',
        );
      }
      return { shown, real: path.join(real, ...missing), exists: missing.length === 0 };
    }
    const parent = path.dirname(at);
    if (parent === at) return { shown, real: shown, exists: false };
    missing.unshift(path.basename(at));
    at = parent;
  }
}

/** The message form of a path inside the output folder. */
export function shownPath(folder: OutputFolder, file: string): string {
  return displayPath(resolveOutputPath(folder.shown, file));
}

export type PathCheck =
  | { readonly ok: true; readonly kind: Exclude<EntryKind, 'symlink'> | undefined }
  /** `via` is the first part of the path (relative to the folder) that is the problem. */
  | { readonly ok: false; readonly via: string; readonly problem: 'leads outside' | 'not a folder' };

/**
 * What `file` (relative, forward-slashed) is in the output folder, following
 * symbolic links only while they stay inside it.
 */
export async function checkInside(folder: OutputFolder, file: string, writer: Writer): Promise<PathCheck> {
  if (!folder.exists) return { ok: true, kind: undefined };
  const parts = file.split('/');
  let at = folder.real;
  for (let index = 0; index < parts.length; index++) {
    const via = parts.slice(0, index + 1).join('/');
    const next = path.join(at, parts[index]!);
    let kind = await writer.kind(next);
    if (kind === undefined) return { ok: true, kind: undefined };
    let real = next;
    if (kind === 'symlink') {
      const target = await writer.realpath(next);
      if (target === undefined || !isInside(folder.real, target)) return { ok: false, via, problem: 'leads outside' };
      real = target;
      kind = await writer.kind(target);
      if (kind === undefined || kind === 'symlink') return { ok: false, via, problem: 'leads outside' };
    }
    if (index === parts.length - 1) return { ok: true, kind };
    if (kind !== 'folder') return { ok: false, via, problem: 'not a folder' };
    at = real;
  }
  return { ok: true, kind: undefined };
}

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}
