// The file-system operations the write step uses, behind one seam so tests can
// make any single operation fail (or stop, as a kill would) and prove the
// previous output survives or is repaired by the next run.
import * as fs from 'node:fs/promises';
import { isCode } from '../errors.js';

/** What a path is, without following a symbolic link at its last component. */
export type EntryKind = 'file' | 'folder' | 'symlink' | 'other';

export interface Writer {
  /** Resolves to undefined when the file does not exist. */
  readFile(file: string): Promise<string | undefined>;
  /** Writes and flushes the file to disk (fsync), so a rename after it never exposes a partial file. */
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
  /** lstat: undefined when nothing is there (ENOENT, or ENOTDIR when a parent is a file). */
  kind(target: string): Promise<EntryKind | undefined>;
  /** The path with every symbolic link resolved; undefined when it (or a link's target) does not exist. */
  realpath(target: string): Promise<string | undefined>;
  /** The names in a folder, sorted; empty when the folder does not exist. */
  list(dir: string): Promise<string[]>;
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
  writeFile: (file, content) => fs.writeFile(file, content, { encoding: 'utf8', flush: true }),
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
  async kind(target) {
    try {
      const stats = await fs.lstat(target);
      if (stats.isSymbolicLink()) return 'symlink';
      return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  },
  async realpath(target) {
    try {
      return await fs.realpath(target);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return undefined;
      throw error;
    }
  },
  async list(dir) {
    try {
      return (await fs.readdir(dir)).sort();
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
      throw error;
    }
  },
};
