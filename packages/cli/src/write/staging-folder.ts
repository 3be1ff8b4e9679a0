// The staging folder of a write: `.plangen-tmp-<name>-<pid>-XXXXXX` beside the
// real output folder (same file system, so every rename is atomic). The process
// id in its name tells a folder a running plangen is using from one a killed run
// left behind, so a run never repairs (or removes) another live run's work.
import path from 'node:path';
import type { OutputFolder } from './output-folder.js';
import { isCode } from '../errors.js';
import type { Writer } from './writer.js';

/**
 * Staging folders of writes still running in this process (tests stop writes without ending the process).
 * Process-level state on purpose, not pipeline state: it records a fact of the process, as the pid in the
 * folder names does, and only it tells this process's live folder from one an earlier write here left behind.
 */
const activeHere = new Set<string>();

export async function createStagingFolder(folder: OutputFolder, writer: Writer): Promise<string> {
  const dir = await writer.mkdtemp(path.join(path.dirname(folder.real), `${prefix(folder)}${process.pid}-`));
  activeHere.add(dir);
  return dir;
}

/** Called when the write that created `dir` has ended, whether or not `dir` is still there. */
export function releaseStagingFolder(dir: string): void {
  activeHere.delete(dir);
}

export interface Leftover {
  readonly dir: string;
  /** Undefined for folders of plangen versions before the process id was in the name. */
  readonly pid: number | undefined;
  /** A running plangen is still using it. */
  readonly live: boolean;
}

/** The staging folders beside this output folder, live or left behind. */
export async function findStagingFolders(folder: OutputFolder, writer: Writer): Promise<Leftover[]> {
  const parent = path.dirname(folder.real);
  const start = prefix(folder);
  const found: Leftover[] = [];
  for (const name of await writer.list(parent)) {
    if (!name.startsWith(start)) continue;
    // Exact shapes only: `.plangen-tmp-a-b-...` belongs to the output folder `a-b`, not `a`.
    const match = /^(?:(\d+)-)?[A-Za-z0-9]{6}$/.exec(name.slice(start.length));
    if (!match) continue;
    const dir = path.join(parent, name);
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    found.push({ dir, pid, live: pid !== undefined && isRunning(pid, dir) });
  }
  return found;
}

function prefix(folder: OutputFolder): string {
  return `.plangen-tmp-${path.basename(folder.real)}-`;
}

function isRunning(pid: number, dir: string): boolean {
  if (pid === process.pid) return activeHere.has(dir);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return !isCode(error, 'ESRCH');
  }
}
