// What is on disk for a planned output: the manifest, the current content of
// every generated path, and the files plangen generated last time but not now.
// Nothing outside the output folder is read: paths that lead out through a
// symbolic link are refused before any read.
import { PlanError } from '../errors.js';
import type { GeneratedFile } from '../generate/options.js';
import { MANIFEST_FILE, readManifest } from './manifest.js';
import { checkInside, shownPath, type OutputFolder } from './output-folder.js';
import { isSafeOutputPath, resolveOutputPath } from './output-path.js';
import type { Writer } from './writer.js';

export interface FileState {
  readonly path: string;
  readonly content: string;
  /** Undefined when the file does not exist yet. */
  readonly current: string | undefined;
}

export interface OutputState {
  /** Paths listed in the manifest of the previous run. */
  readonly previous: ReadonlySet<string>;
  /** The manifest text on disk, if any. */
  readonly manifestText: string | undefined;
  readonly files: readonly FileState[];
  /** Listed in the manifest, no longer generated, still on disk. */
  readonly extras: readonly { readonly path: string; readonly current: string }[];
}

export async function readOutputState(folder: OutputFolder, files: readonly GeneratedFile[], writer: Writer): Promise<OutputState> {
  assertOutputPaths(files);
  const manifest = await readManifest(folder, writer);
  const fileStates: FileState[] = [];
  for (const file of files) {
    await refuseUnwritable(folder, file.path, writer);
    fileStates.push({ ...file, current: await writer.readFile(resolveOutputPath(folder.real, file.path)) });
  }
  const generated = new Set(files.map((file) => file.path));
  const extras: { path: string; current: string }[] = [];
  for (const old of [...manifest.files].sort()) {
    if (generated.has(old)) continue;
    // readManifest refused entries that lead outside; one that is not a file now is not ours to remove.
    const check = await checkInside(folder, old, writer);
    if (!check.ok || check.kind !== 'file') continue;
    const current = await writer.readFile(resolveOutputPath(folder.real, old));
    if (current !== undefined) extras.push({ path: old, current });
  }
  return { previous: manifest.files, manifestText: manifest.text, files: fileStates, extras };
}

/** A generated path must be absent or a regular file, reached without leaving the folder. */
async function refuseUnwritable(folder: OutputFolder, file: string, writer: Writer): Promise<void> {
  const check = await checkInside(folder, file, writer);
  if (check.ok && (check.kind === undefined || check.kind === 'file')) return;
  if (!check.ok && check.problem === 'leads outside') {
    throw new PlanError(
      { file: shownPath(folder, check.via) },
      `this is a symbolic link that leads outside the output folder, and plangen generates ${JSON.stringify(file)} ${check.via === file ? 'here' : 'through it'}`,
      'Replace the link with a real folder or file, or choose another --out',
    );
  }
  if (!check.ok) {
    throw new PlanError(
      { file: shownPath(folder, check.via) },
      `this is a file, but plangen generates ${JSON.stringify(file)} inside a folder of this name`,
      'Move or delete the file, or choose another --out',
    );
  }
  throw new PlanError(
    { file: shownPath(folder, file) },
    `this is ${check.kind === 'folder' ? 'a folder' : 'not a regular file'}, but plangen generates a file of this name`,
    `Move or delete the ${check.kind === 'folder' ? 'folder' : 'entry'}, or choose another --out`,
  );
}

// A bad path is a generator bug, so it is an Error, not a PlanError.
function assertOutputPaths(files: readonly GeneratedFile[]): void {
  const seen = new Set<string>();
  for (const { path: file } of files) {
    if (!isSafeOutputPath(file) || file === MANIFEST_FILE || seen.has(file)) {
      throw new Error(`plangen: the generator produced an invalid or duplicate output path "${file}"`);
    }
    seen.add(file);
  }
}
