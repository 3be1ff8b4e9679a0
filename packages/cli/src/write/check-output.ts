// `--check`: compare the generated files with the output folder in memory and
// describe every difference as a unified diff. Writes nothing.
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { GeneratedFile } from '../generate/options.js';
import { displayPath } from './display-path.js';
import { resolveOutputPath } from './output-path.js';
import { readOutputState } from './read-output-state.js';
import { nodeWriter, type Writer } from './writer.js';

export interface StaleFile {
  /** Relative to the output folder. */
  readonly path: string;
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
  const out = path.resolve(outDir);
  const state = await readOutputState(out, files, options.writer ?? nodeWriter);
  const stale: StaleFile[] = [];
  const describe = (file: string, onDisk: string | undefined, generated: string | undefined) => {
    const name = displayPath(resolveOutputPath(out, file));
    const diff = createTwoFilesPatch(
      name,
      name,
      onDisk ?? '',
      generated ?? '',
      onDisk === undefined ? 'missing' : 'on disk',
      generated === undefined ? 'no longer generated' : 'generated',
    );
    stale.push({ path: file, diff });
  };
  for (const file of state.files) {
    if (file.current !== file.content) describe(file.path, file.current, file.content);
  }
  for (const extra of state.extras) describe(extra.path, extra.current, undefined);
  stale.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { stale };
}
