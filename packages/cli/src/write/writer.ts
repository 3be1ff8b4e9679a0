// The file-system operations the write step uses, behind one seam so tests can
// make any single operation fail and prove the previous output survives.
import * as fs from 'node:fs/promises';

export interface Writer {
  /** Resolves to undefined when the file does not exist. */
  readFile(file: string): Promise<string | undefined>;
  writeFile(file: string, content: string): Promise<void>;
  /** Creates the folder and any missing parents; resolves to the first folder it created, if any (as `fs.mkdir` recursive does). */
  mkdir(dir: string): Promise<string | undefined>;
  /** Creates a unique folder whose name starts with `prefix`; returns its path. */
  mkdtemp(prefix: string): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or folder tree; no error when it is absent. */
  rm(target: string): Promise<void>;
  /** Removes a folder only if it is empty; resolves to whether it did. */
  rmdirIfEmpty(dir: string): Promise<boolean>;
}

export const nodeWriter: Writer = {
  async readFile(file) {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return undefined;
      throw error;
    }
  },
  writeFile: (file, content) => fs.writeFile(file, content, 'utf8'),
  mkdir: (dir) => fs.mkdir(dir, { recursive: true }),
  mkdtemp: (prefix) => fs.mkdtemp(prefix),
  rename: (from, to) => fs.rename(from, to),
  rm: (target) => fs.rm(target, { recursive: true, force: true }),
  async rmdirIfEmpty(dir) {
    try {
      await fs.rmdir(dir);
      return true;
    } catch (error) {
      if (isCode(error, 'ENOTEMPTY') || isCode(error, 'EEXIST') || isCode(error, 'ENOENT')) return false;
      throw error;
    }
  },
};

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
