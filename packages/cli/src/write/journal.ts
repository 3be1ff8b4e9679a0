// The commit journal: written (and flushed to disk) into the staging folder
// after every new file is staged and before the first rename in the output
// folder, removed once the commit is complete. While it exists, the output
// folder may be half-committed, and `rollBack` can always restore the previous
// output from what is on disk alone: a file's new content is always either in
// `new/` or in place, and its old content either in `old/` or in place. Every
// step checks the disk first, so a rollback stopped anywhere can be run again.
import path from 'node:path';
import type { OutputFolder } from './output-folder.js';
import { isSafeOutputPath, resolveOutputPath } from './output-path.js';
import type { Writer } from './writer.js';

export const JOURNAL_FILE = 'journal.json';

export interface Journal {
  readonly plangenJournal: 1;
  /** The real output folder. */
  readonly out: string;
  /** Files placed from `new/`, in order; `exists`: the previous file is moved to `old/` first. */
  readonly moves: readonly { readonly path: string; readonly exists: boolean }[];
  /** Files of the previous output moved to `old/` and not replaced. */
  readonly removed: readonly string[];
  /** Folders inside the output folder the commit creates (`.` is the output folder itself). */
  readonly createdFolders: readonly string[];
  /** The first folder above the output folder that this write created, if any. */
  readonly createdAbove: string | null;
}

export const stagedPath = (staging: string, file: string) => resolveOutputPath(path.join(staging, 'new'), file);
export const backupPath = (staging: string, file: string) => resolveOutputPath(path.join(staging, 'old'), file);

export async function writeJournal(staging: string, journal: Journal, writer: Writer): Promise<void> {
  await writer.writeFile(path.join(staging, JOURNAL_FILE), `${JSON.stringify(journal)}\n`);
}

/** The journal of a staging folder; undefined when it has none (or a partial one: then nothing was renamed yet). */
export async function readJournal(staging: string, writer: Writer): Promise<Journal | undefined> {
  const text = await writer.readFile(path.join(staging, JOURNAL_FILE));
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isJournal(json) ? json : undefined;
}

/** Puts the previous output back, from any state a commit or an earlier rollback stopped in. */
export async function rollBack(folder: OutputFolder, staging: string, journal: Journal, writer: Writer): Promise<void> {
  const place = (file: string) => resolveOutputPath(folder.real, file);
  for (const move of [...journal.moves].reverse()) {
    const staged = stagedPath(staging, move.path);
    // The staged file is gone only when it was placed: take it back.
    if ((await writer.kind(staged)) === undefined && (await writer.kind(place(move.path))) !== undefined) {
      await writer.rename(place(move.path), staged);
    }
    if (move.exists) await restore(move.path);
  }
  for (const file of [...journal.removed].reverse()) await restore(file);
  const deepestFirst = [...journal.createdFolders].sort((a, b) => depth(b) - depth(a) || (a < b ? 1 : -1));
  for (const dir of deepestFirst) await writer.rmdirIfEmpty(dir === '.' ? folder.real : place(dir));

  async function restore(file: string): Promise<void> {
    const backup = backupPath(staging, file);
    if ((await writer.kind(backup)) === undefined) return;
    // The commit may have removed the folder once it was empty.
    await writer.mkdir(path.dirname(place(file)));
    await writer.rename(backup, place(file));
  }
}

/** Removes the folders above the output folder that a write created, as far as they are empty. */
export async function removeCreatedAbove(folder: OutputFolder, createdAbove: string | null, writer: Writer): Promise<void> {
  if (createdAbove === null) return;
  for (let dir = path.dirname(folder.real); dir.startsWith(createdAbove); dir = path.dirname(dir)) {
    if (!(await writer.rmdirIfEmpty(dir)) || dir === createdAbove || path.dirname(dir) === dir) return;
  }
}

function depth(dir: string): number {
  return dir === '.' ? 0 : dir.split('/').length;
}

function isJournal(json: unknown): json is Journal {
  if (typeof json !== 'object' || json === null) return false;
  const j = json as Record<string, unknown>;
  const safe = (value: unknown) => typeof value === 'string' && isSafeOutputPath(value);
  return (
    j.plangenJournal === 1 &&
    typeof j.out === 'string' &&
    Array.isArray(j.moves) &&
    j.moves.every((m: unknown) => typeof m === 'object' && m !== null && safe((m as { path?: unknown }).path) && typeof (m as { exists?: unknown }).exists === 'boolean') &&
    Array.isArray(j.removed) &&
    j.removed.every(safe) &&
    Array.isArray(j.createdFolders) &&
    j.createdFolders.every((dir: unknown) => dir === '.' || safe(dir)) &&
    (j.createdAbove === null || typeof j.createdAbove === 'string')
  );
}
