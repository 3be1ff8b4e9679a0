// Before anything else, a run repairs what an interrupted run (killed, or out
// of power) left behind: a half-committed output folder is rolled back to the
// previous output from its journal, and staging folders without one (the run
// stopped before its first rename, or after its commit) are removed.
// Folders a running plangen is using are left alone.
import path from 'node:path';
import { PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';
import { JOURNAL_FILE, readJournal, removeCreatedAbove, rollBack } from './journal.js';
import { describeFileSystemError } from './file-system-error.js';
import { locateOutputFolder, type OutputFolder } from './output-folder.js';
import { findStagingFolders } from './staging-folder.js';
import { nodeWriter, type Writer } from './writer.js';

export interface Recovery {
  /** Staging folders whose journal was used to restore the previous output. */
  readonly restored: readonly string[];
  /** Staging folders removed because nothing in the output folder depended on them. */
  readonly removed: readonly string[];
}

/** What `plangen generate` runs first, before even loading the plan. */
export async function repairOutputFolder(outDir: string, writer: Writer = nodeWriter): Promise<Recovery> {
  let folder: OutputFolder = { shown: path.resolve(outDir), real: path.resolve(outDir), exists: false };
  try {
    folder = await locateOutputFolder(outDir, writer);
    return await recoverOutput(folder, writer);
  } catch (error) {
    throw describeFileSystemError(error, folder, undefined, 'the interrupted run could not be repaired');
  }
}

export async function recoverOutput(folder: OutputFolder, writer: Writer): Promise<Recovery> {
  const restored: string[] = [];
  const removed: string[] = [];
  for (const leftover of await findStagingFolders(folder, writer)) {
    if (leftover.live) continue;
    const journal = await readJournal(leftover.dir, writer);
    if (journal !== undefined && journal.out === folder.real) {
      await rollBack(folder, leftover.dir, journal, writer);
      // The journal goes first: without it, what is left of the staging folder is garbage.
      await writer.rm(path.join(leftover.dir, JOURNAL_FILE));
      await writer.rm(leftover.dir);
      await removeCreatedAbove(folder, journal.createdAbove, writer);
      restored.push(leftover.dir);
    } else if (journal === undefined && (leftover.pid !== undefined || (await writer.list(path.join(leftover.dir, 'old'))).length === 0)) {
      // An older plangen kept previous files in `old/` when its own rollback failed: never delete those.
      await writer.rm(leftover.dir);
      removed.push(leftover.dir);
    }
  }
  return { restored, removed };
}

/** For --check, which writes nothing: refuses to judge a folder that is half-committed or being written. */
export async function refuseUnfinished(folder: OutputFolder, writer: Writer): Promise<void> {
  for (const leftover of await findStagingFolders(folder, writer)) {
    const journal = await readJournal(leftover.dir, writer);
    if (journal === undefined || journal.out !== folder.real) continue;
    const shown = displayPath(folder.shown);
    if (leftover.live) {
      throw new PlanError(
        { file: shown },
        `another plangen run (process ${leftover.pid}) is writing this folder right now, so it cannot be checked`,
        'Run --check again when that run has finished',
      );
    }
    throw new PlanError(
      { file: shown },
      `an interrupted plangen run left this folder half-written (its journal is in ${displayPath(leftover.dir)}), so it cannot be checked`,
      'Run `plangen generate` to restore it, then --check again',
    );
  }
}
