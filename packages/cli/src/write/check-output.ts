// `--check`: compare the generated files with the output folder in memory and
// describe every difference as a unified diff. Writes nothing, reads nothing
// outside the output folder, and refuses to judge a half-committed folder.
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { GeneratedFile } from '../generate/options.js';
import { describeFileSystemError } from './file-system-error.js';
import { locateOutputFolder, shownPath, type OutputFolder } from './output-folder.js';
import { readOutputState } from './read-output-state.js';
import { refuseUnfinished } from './recover-output.js';
import { nodeWriter, type Writer } from './writer.js';

export type Staleness = 'changed' | 'missing' | 'no longer generated';

export interface StaleFile {
  /** Relative to the output folder. */
  readonly path: string;
  /** The path as the user wrote `--out`: what the diff and the summary print. */
  readonly shown: string;
  readonly staleness: Staleness;
  /** Unified diff from what is on disk to what would be generated. */
  readonly diff: string;
}

export interface CheckOptions {
  readonly writer?: Writer;
}

export async function checkOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  options: CheckOptions = {},
): Promise<{ stale: StaleFile[] }> {
  const writer = options.writer ?? nodeWriter;
  let folder: OutputFolder = { shown: path.resolve(outDir), real: path.resolve(outDir), exists: false };
  try {
    folder = await locateOutputFolder(outDir, writer);
    await refuseUnfinished(folder, writer);
    return { stale: await staleFiles(folder, files, writer) };
  } catch (error) {
    throw describeFileSystemError(error, folder, undefined, 'nothing was checked');
  }
}

async function staleFiles(folder: OutputFolder, files: readonly GeneratedFile[], writer: Writer): Promise<StaleFile[]> {
  const state = await readOutputState(folder, files, writer);
  const stale: StaleFile[] = [];
  const describe = (file: string, onDisk: string | undefined, generated: string | undefined) => {
    const name = shownPath(folder, file);
    const diff = createTwoFilesPatch(
      name,
      name,
      onDisk ?? '',
      generated ?? '',
      onDisk === undefined ? 'missing' : 'on disk',
      generated === undefined ? 'no longer generated' : 'generated',
    );
    const staleness = onDisk === undefined ? 'missing' : generated === undefined ? 'no longer generated' : 'changed';
    stale.push({ path: file, shown: name, staleness, diff });
  };
  for (const file of state.files) {
    if (file.current !== file.content) describe(file.path, file.current, file.content);
  }
  for (const extra of state.extras) describe(extra.path, extra.current, undefined);
  stale.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return stale;
}

/**
 * The list `--check` prints after the diffs, which scroll away: one stale file a line, sorted,
 * with what is wrong with it.
 */
export function staleSummary(stale: readonly StaleFile[]): string {
  const lines = stale.map((file) => `  ${file.shown} (${file.staleness})\n`);
  return `${stale.length === 1 ? '1 stale file' : `${stale.length} stale files`}:\n${lines.join('')}`;
}
