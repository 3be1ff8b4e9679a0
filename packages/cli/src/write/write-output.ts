// Atomic write of generated files. Everything is staged in a temporary folder
// beside the output folder (same file system, so renames are atomic), then
// moved into place. Replaced and removed files are first moved aside into the
// same temporary folder, so a failure during the moves is rolled back too and
// the previous output is left exactly as it was.
import path from 'node:path';
import { PlanError } from '../errors.js';
import type { GeneratedFile } from '../generate/options.js';
import { displayPath } from './display-path.js';
import { MANIFEST_FILE, serializeManifest } from './manifest.js';
import { resolveOutputPath } from './output-path.js';
import { readOutputState, type OutputState } from './read-output-state.js';
import { nodeWriter, type Writer } from './writer.js';

export interface WriteOptions {
  /** File-system operations; tests inject failures here. */
  readonly writer?: Writer;
}

export interface WriteResult {
  /** Paths written because they were new or changed, sorted. */
  readonly written: readonly string[];
  /** Paths left alone because their content was already right (mtime kept). */
  readonly unchanged: readonly string[];
  /** Paths generated last time and removed now. */
  readonly removed: readonly string[];
}

interface Move {
  readonly path: string;
  readonly content: string;
  readonly exists: boolean;
}

export async function writeOutput(outDir: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const writer = options.writer ?? nodeWriter;
  const out = path.resolve(outDir);
  const state = await readOutputState(out, files, writer);
  refuseForeignFiles(out, state);

  const changed = state.files.filter((file) => file.current !== file.content);
  const moves: Move[] = changed.map((file) => ({ path: file.path, content: file.content, exists: file.current !== undefined }));
  const manifest = serializeManifest(files.map((file) => file.path));
  if (manifest !== state.manifestText) {
    moves.push({ path: MANIFEST_FILE, content: manifest, exists: state.manifestText !== undefined });
  }
  const result: WriteResult = {
    written: changed.map((file) => file.path).sort(),
    unchanged: state.files.filter((file) => file.current === file.content).map((file) => file.path).sort(),
    removed: state.extras.map((extra) => extra.path),
  };
  if (moves.length === 0 && state.extras.length === 0) return result;

  const createdParent = await writer.mkdir(path.dirname(out));
  let temp: string | undefined;
  let keepTemp = false;
  try {
    temp = await writer.mkdtemp(path.join(path.dirname(out), `.plangen-tmp-${path.basename(out)}-`));
    for (const move of moves) {
      const staged = resolveOutputPath(path.join(temp, 'new'), move.path);
      await writer.mkdir(path.dirname(staged));
      await writer.writeFile(staged, move.content);
    }
    await commit(out, temp, moves, result.removed, writer);
  } catch (error) {
    keepTemp = error instanceof RollbackFailedError;
    // The folders above the output folder that this write created go too, unless they hold the only copy of the previous files.
    if (temp !== undefined && !keepTemp) await writer.rm(temp);
    if (createdParent !== undefined && !keepTemp) await writer.rm(createdParent);
    throw error;
  }
  await writer.rm(temp);
  await removeEmptyFolders(out, result.removed, writer);
  return result;
}

function refuseForeignFiles(out: string, state: OutputState): void {
  const foreign = state.files
    .filter((file) => file.current !== undefined && file.current !== file.content && !state.previous.has(file.path))
    .map((file) => displayPath(resolveOutputPath(out, file.path)));
  const [first, ...others] = foreign;
  if (first === undefined) return;
  throw new PlanError(
    { file: first },
    `refusing to overwrite a file plangen did not generate${others.length > 0 ? ` (also: ${others.join(', ')})` : ''}`,
    'Delete it, or choose another --out',
  );
}

interface Done {
  readonly dest: string;
  readonly backup: string | undefined;
  placed: boolean;
}

/** Thrown when the temp folder holds the only copy of some previous files, so it must be kept. */
class RollbackFailedError extends Error {}

/** Moves staged files into place, and removed files aside; on failure, puts everything back. */
async function commit(out: string, temp: string, moves: readonly Move[], removed: readonly string[], writer: Writer): Promise<void> {
  const done: Done[] = [];
  // First folder each `mkdir` created in the output folder: a rollback removes them, so the folder is exactly as before.
  const createdFolders: string[] = [];
  const moveAside = async (file: string): Promise<string> => {
    const backup = resolveOutputPath(path.join(temp, 'old'), file);
    await writer.mkdir(path.dirname(backup));
    await writer.rename(resolveOutputPath(out, file), backup);
    return backup;
  };
  try {
    for (const move of moves) {
      const dest = resolveOutputPath(out, move.path);
      const created = await writer.mkdir(path.dirname(dest));
      if (created !== undefined) createdFolders.push(created);
      // Recorded before the move in, so a failure of that rename still restores the old file.
      const entry: Done = { dest, backup: move.exists ? await moveAside(move.path) : undefined, placed: false };
      done.push(entry);
      await writer.rename(resolveOutputPath(path.join(temp, 'new'), move.path), dest);
      entry.placed = true;
    }
    for (const file of removed) {
      done.push({ dest: resolveOutputPath(out, file), backup: await moveAside(file), placed: false });
    }
  } catch (error) {
    try {
      for (const entry of done.reverse()) {
        if (entry.placed) await writer.rm(entry.dest);
        if (entry.backup !== undefined) await writer.rename(entry.backup, entry.dest);
      }
      for (const folder of createdFolders.reverse()) await writer.rm(folder);
    } catch (rollbackError) {
      // Never delete the only copy of the previous output.
      const reason = rollbackError instanceof Error ? rollbackError.message : String(rollbackError);
      throw new RollbackFailedError(
        `plangen: writing ${displayPath(out)} failed and restoring the previous files failed too (${reason}); ` +
          `the previous files are in ${displayPath(path.join(temp, 'old'))}`,
        { cause: error },
      );
    }
    throw error;
  }
}

// A removed file may leave its generated subfolder empty; the output folder itself stays.
async function removeEmptyFolders(out: string, removed: readonly string[], writer: Writer): Promise<void> {
  const folders = new Set(removed.map((file) => path.posix.dirname(file)).filter((dir) => dir !== '.'));
  for (const folder of [...folders].sort().reverse()) {
    for (let dir = folder; dir !== '.'; dir = path.posix.dirname(dir)) {
      if (!(await writer.rmdirIfEmpty(resolveOutputPath(out, dir)))) break;
    }
  }
}
