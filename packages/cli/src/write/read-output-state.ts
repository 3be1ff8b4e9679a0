// What is on disk for a planned output: the manifest, the current content of
// every generated path, and the files plangen generated last time but not now.
import path from 'node:path';
import type { GeneratedFile } from '../generate/options.js';
import { MANIFEST_FILE, readManifest } from './manifest.js';
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

export async function readOutputState(outDir: string, files: readonly GeneratedFile[], writer: Writer): Promise<OutputState> {
  assertOutputPaths(files);
  const previous = await readManifest(outDir, writer);
  const manifestText = await writer.readFile(path.join(outDir, MANIFEST_FILE));
  const fileStates: FileState[] = [];
  for (const file of files) {
    fileStates.push({ ...file, current: await writer.readFile(resolveOutputPath(outDir, file.path)) });
  }
  const generated = new Set(files.map((file) => file.path));
  const extras: { path: string; current: string }[] = [];
  for (const old of [...previous].sort()) {
    if (generated.has(old)) continue;
    const current = await writer.readFile(resolveOutputPath(outDir, old));
    if (current !== undefined) extras.push({ path: old, current });
  }
  return { previous, manifestText, files: fileStates, extras };
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
