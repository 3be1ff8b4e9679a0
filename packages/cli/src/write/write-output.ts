// Atomic, recoverable write of generated files. Everything is staged in a
// staging folder beside the real output folder (same file system, so renames
// are atomic); then a journal is flushed to disk, and only then are replaced
// and removed files moved aside into the staging folder and the new ones moved
// in. Removing the journal is the commit point. A failure before it rolls
// back in process; a kill before it leaves the journal, from which the next
// run restores the previous output before doing anything else (journal.ts).
import path from 'node:path';
import { PlanError } from '../errors.js';
import type { GeneratedFile } from '../generate/options.js';
import { displayPath } from '../messages/display-path.js';
import { describeFileSystemError } from './file-system-error.js';
import { InterruptedError, interruptible, watchSignals } from './interrupt-signals.js';
import { backupPath, JOURNAL_FILE, removeCreatedAbove, rollBack, stagedPath, writeJournal, type Journal } from './journal.js';
import { MANIFEST_FILE, serializeManifest, type GenerationRecord } from './manifest.js';
import { locateOutputFolder, shownPath, type OutputFolder } from './output-folder.js';
import { resolveOutputPath } from './output-path.js';
import { readOutputState, type OutputState } from './read-output-state.js';
import { recoverOutput } from './recover-output.js';
import { createStagingFolder, releaseStagingFolder } from './staging-folder.js';
import { nodeWriter, type Writer } from './writer.js';

export interface WriteOptions {
  /** File-system operations; tests inject failures here. */
  readonly writer?: Writer;
  /** What the output was generated from: the manifest records it with the hash of every file (fast-path/). */
  readonly fingerprint?: GenerationRecord;
}

export interface WriteResult {
  /** Paths written because they were new or changed, sorted. */
  readonly written: readonly string[];
  /** Paths left alone because their content was already right (mtime kept). */
  readonly unchanged: readonly string[];
  /** Paths generated last time and removed now. */
  readonly removed: readonly string[];
}

export interface Move {
  readonly path: string;
  readonly content: string;
  readonly exists: boolean;
}

export async function writeOutput(outDir: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const base = options.writer ?? nodeWriter;
  const signals = watchSignals();
  // Until the commit point, a SIGINT or SIGTERM stops the write at its next operation and rolls it back.
  const writer = interruptible(base, signals);
  let folder: OutputFolder = { shown: path.resolve(outDir), real: path.resolve(outDir), exists: false };
  try {
    const planned = await planWrite(outDir, files, writer, (located) => (folder = located), options.fingerprint);
    if (planned.transaction === undefined) return planned.result;
    await stageAndCommit(planned.transaction, writer, base);
    const signal = signals.received();
    if (signal !== undefined) throw new InterruptedError(signal, `${shownPath(folder, '.')} was written completely`);
    return planned.result;
  } catch (error) {
    throw describeFileSystemError(error, folder, undefined, 'nothing was changed');
  } finally {
    signals.stop();
  }
}

/** One output folder's write, from its plan to its commit; writeOutputs holds several at once. */
export interface WriteTransaction {
  readonly folder: OutputFolder;
  readonly moves: readonly Move[];
  readonly removed: readonly string[];
  createdAbove: string | null;
  staging?: string;
  /** Set while the journal is on disk: the folder may be half-committed, and rollBack can restore it. */
  journal?: Journal;
}

export interface PlannedWrite {
  readonly result: WriteResult;
  /** Undefined when the folder already holds exactly these files. */
  readonly transaction: WriteTransaction | undefined;
}

/** Reads the folder (after repairing an interrupted run) and decides what to write; changes nothing but that repair. */
export async function planWrite(
  outDir: string,
  files: readonly GeneratedFile[],
  writer: Writer,
  located?: (folder: OutputFolder) => void,
  fingerprint?: GenerationRecord,
): Promise<PlannedWrite> {
  const folder = await locateOutputFolder(outDir, writer);
  located?.(folder);
  await recoverOutput(folder, writer);
  const state = await readOutputState(folder, files, writer);
  refuseForeignFiles(folder, state);

  const changed = state.files.filter((file) => file.current !== file.content);
  const moves: Move[] = changed.map((file) => ({ path: file.path, content: file.content, exists: file.current !== undefined }));
  const manifest = serializeManifest(files, fingerprint);
  if (manifest !== state.manifestText) {
    moves.push({ path: MANIFEST_FILE, content: manifest, exists: state.manifestText !== undefined });
  }
  const result: WriteResult = {
    written: changed.map((file) => file.path).sort(),
    unchanged: state.files.filter((file) => file.current === file.content).map((file) => file.path).sort(),
    removed: state.extras.map((extra) => extra.path),
  };
  if (moves.length === 0 && state.extras.length === 0) return { result, transaction: undefined };
  return { result, transaction: { folder, moves, removed: result.removed, createdAbove: null } };
}

async function stageAndCommit(transaction: WriteTransaction, writer: Writer, base: Writer): Promise<void> {
  try {
    await stageWrite(transaction, writer);
    await placeWrite(transaction, writer);
    await commitWrite(transaction, writer);
  } catch (error) {
    throw await abandonWrite(transaction, error, base);
  } finally {
    if (transaction.staging !== undefined) releaseStagingFolder(transaction.staging);
  }
  // After the commit point the new output is complete; a staging folder left by a failure here is removed by the next run.
  await base.rm(transaction.staging!).catch(() => undefined);
}

/** Stages every new file beside the output folder and writes the journal; the output folder is not touched yet. */
export async function stageWrite(transaction: WriteTransaction, writer: Writer): Promise<void> {
  const { folder, moves, removed } = transaction;
  transaction.createdAbove = (await writer.mkdir(path.dirname(folder.real))) ?? null;
  const staging = await createStagingFolder(folder, writer);
  transaction.staging = staging;
  const staged = moves.map((move) => stagedPath(staging, move.path));
  for (const dir of new Set(staged.map((file) => path.dirname(file)))) await writer.mkdir(dir);
  // Side by side: each write ends with its flush to disk, and flushes that wait together take about as long as one
  // (one after another, they were most of a small plan's write). Every write has ended before a failure is reported,
  // so none lands in a staging folder that is being removed.
  const writes = await Promise.allSettled(moves.map((move, index) => writer.writeFile(staged[index]!, move.content)));
  const failed = writes.find((write) => write.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  // Folders for the moved-aside files exist before the journal, so the commit only renames.
  const asideFolders = new Set([...moves.filter((move) => move.exists).map((move) => move.path), ...removed].map((file) => path.dirname(backupPath(staging, file))));
  for (const dir of [...asideFolders].sort()) await writer.mkdir(dir);
  const planned: Journal = {
    plangenJournal: 1,
    out: folder.real,
    moves: moves.map((move) => ({ path: move.path, exists: move.exists })),
    removed,
    createdFolders: await foldersToCreate(folder, moves, writer),
    createdAbove: transaction.createdAbove,
  };
  await writeJournal(staging, planned, writer);
  transaction.journal = planned;
}

/** Moves the staged files in and the replaced ones aside; the journal stays, so this can still be rolled back. */
export async function placeWrite(transaction: WriteTransaction, writer: Writer): Promise<void> {
  await commit(transaction.folder, transaction.staging!, transaction.moves, transaction.removed, writer);
  await removeEmptyFolders(transaction.folder, transaction.removed, writer);
}

/** Removes the journal: the commit point, after which the new output stays. */
export async function commitWrite(transaction: WriteTransaction, writer: Writer): Promise<void> {
  await writer.rm(path.join(transaction.staging!, JOURNAL_FILE));
  transaction.journal = undefined;
}

/** After a failure: rolls back what was placed, removes the staging folder; resolves to the error to throw. */
export async function abandonWrite(transaction: WriteTransaction, error: unknown, base: Writer, outcome?: string): Promise<unknown> {
  const { folder, staging, journal } = transaction;
  const said = outcome ?? (journal === undefined ? 'nothing was changed' : 'the previous output was restored');
  try {
    if (staging !== undefined && journal !== undefined) await undo(folder, staging, journal, error, base);
  } catch (undoError) {
    return undoError;
  }
  try {
    if (staging !== undefined) await base.rm(staging);
    await removeCreatedAbove(folder, transaction.createdAbove, base);
  } catch {
    // What is left is a staging folder without a journal, or empty folders above --out: the next run removes the first.
  }
  return describeFileSystemError(error, folder, staging, said);
}

/** Rolls back in process; if that fails too, the journal stays for the next run. */
async function undo(folder: OutputFolder, staging: string, journal: Journal, error: unknown, writer: Writer): Promise<void> {
  try {
    await rollBack(folder, staging, journal, writer);
    await writer.rm(path.join(staging, JOURNAL_FILE));
  } catch (rollbackError) {
    releaseStagingFolder(staging);
    const reason = (thrown: unknown) => (thrown instanceof Error ? thrown.message : String(thrown)).replace(/\s+/g, ' ');
    throw new PlanError(
      { file: shownPath(folder, '.') },
      `writing failed (${reason(error)}) and restoring the previous files failed too (${reason(rollbackError)}); they are kept in ${displayPath(staging)}`,
      'Run plangen again: it restores them before anything else',
    );
  }
}

async function commit(folder: OutputFolder, staging: string, moves: readonly Move[], removed: readonly string[], writer: Writer): Promise<void> {
  for (const move of moves) {
    const dest = resolveOutputPath(folder.real, move.path);
    await writer.mkdir(path.dirname(dest));
    if (move.exists) await writer.rename(dest, backupPath(staging, move.path));
    await writer.rename(stagedPath(staging, move.path), dest);
  }
  for (const file of removed) await writer.rename(resolveOutputPath(folder.real, file), backupPath(staging, file));
}

/** The folders inside the output folder that placing `moves` creates, so a rollback can remove them again. */
async function foldersToCreate(folder: OutputFolder, moves: readonly Move[], writer: Writer): Promise<string[]> {
  const created = new Set<string>(folder.exists ? [] : ['.']);
  const existing = new Set<string>();
  for (const move of moves) {
    const parts = move.path.split('/').slice(0, -1);
    for (let index = 1; index <= parts.length; index++) {
      const dir = parts.slice(0, index).join('/');
      if (created.has(dir) || existing.has(dir)) continue;
      const missing = !folder.exists || (await writer.kind(resolveOutputPath(folder.real, dir))) === undefined;
      (missing ? created : existing).add(dir);
    }
  }
  return [...created].sort();
}

function refuseForeignFiles(folder: OutputFolder, state: OutputState): void {
  const foreign = state.files
    .filter((file) => file.current !== undefined && file.current !== file.content && !state.previous.has(file.path))
    .map((file) => shownPath(folder, file.path));
  const [first, ...others] = foreign;
  if (first === undefined) return;
  throw new PlanError(
    { file: first },
    `refusing to overwrite a file plangen did not generate${others.length > 0 ? ` (also: ${others.join(', ')})` : ''}`,
    'Delete it, or choose another --out',
  );
}

// A removed file may leave its generated subfolder empty; the output folder itself stays.
async function removeEmptyFolders(folder: OutputFolder, removed: readonly string[], writer: Writer): Promise<void> {
  const folders = new Set(removed.map((file) => path.posix.dirname(file)).filter((dir) => dir !== '.'));
  for (const dir of [...folders].sort().reverse()) {
    for (let at = dir; at !== '.'; at = path.posix.dirname(at)) {
      if (!(await writer.rmdirIfEmpty(resolveOutputPath(folder.real, at)))) break;
    }
  }
}
