// The cache's folder on disk: one file per entry, named by its key. Each file
// starts with a header naming the format and a checksum of its value, so a
// truncated, corrupt or foreign file reads as missing (and is rebuilt). The
// checksum is CRC-32 (zlib's, Node >= 20.15), or SHA-256 on older Nodes: it
// guards against damage, not tampering (the key is the content address), and a
// rerun at 500 events checks 13 MB of entries, ~10 ms of SHA-256 against ~3. Writes
// go to a temporary file renamed into place, so a reader never sees half an
// entry, even from another plangen running at the same time. The folder is
// bounded: past `maxBytes`, the least recently used entries are removed. Its size
// is recorded in SIZE_FILE, so a run that keeps it under the bound adds what it
// wrote instead of listing every entry (~10-30 ms of a rerun at 500 events).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { contentHash } from '../write/content-hash.js';

const HEADER = 'plangen-cache 2';
const NEWLINE = 0x0a;
const ENTRY_NAME = /^[0-9a-f]{64}$/;
/** A write's temporary file (`<key>.<pid>.<random>.tmp`), left behind only by a run that crashed mid-write. */
const TEMPORARY_NAME = /^[0-9a-f]{64}\.\d+\.[0-9a-z]+\.tmp$/;
/** Entries and temporary files of crashed writes older than this are fair game for eviction. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/**
 * The folder's size in bytes as of the last eviction, plus what runs wrote since. Overwritten entries and entries
 * removed by hand make it too large, which only brings the next listing sooner; two runs adding at once may lose
 * one's bytes, which the next listing (at the latest when the bound seems reached) corrects.
 */
export const SIZE_FILE = 'plangen-cache-size';

export interface DiskStore {
  read(key: string): string | undefined;
  write(key: string, value: string): void;
  /** Removes the least recently used entries until the folder holds at most maxBytes. */
  evict(): void;
}

export function diskStore(dir: string, maxBytes: number = DEFAULT_MAX_BYTES): DiskStore {
  let written = 0; // bytes this store wrote since its last evict
  // Joined once: a rerun reads hundreds of entries, and path.join normalizes the whole path each time.
  const folder = path.join(dir, 'x').slice(0, -1); // what path.join(dir, key) puts before a key
  const file = (key: string) => folder + key;
  return {
    read(key) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file(key));
      } catch {
        return undefined;
      }
      // The checksum is checked on the bytes as read: the value is decoded once, never encoded again to be checked.
      const first = bytes.indexOf(NEWLINE);
      const second = first < 0 ? -1 : bytes.indexOf(NEWLINE, first + 1);
      if (first < 0 || second < 0 || bytes.toString('latin1', 0, first) !== HEADER) return undefined;
      const value = bytes.subarray(second + 1);
      const line = bytes.toString('latin1', first + 1, second);
      if (line !== checksumLine(value, line.slice(0, line.indexOf(' ')))) return undefined;
      try {
        const now = new Date();
        utimesSync(file(key), now, now); // recently used: evicted last
      } catch {
        // read-only cache folder: still usable
      }
      return value.toString('utf8');
    },
    write(key, value) {
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${file(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        // Encoded once, for both the checksum and the file: the same bytes as the text `${HEADER}\n${checksum}\n${value}`.
        const body = Buffer.from(value, 'utf8');
        const bytes = Buffer.concat([Buffer.from(`${HEADER}\n${checksumLine(body)}\n`, 'latin1'), body]);
        writeFileSync(temporary, bytes);
        renameSync(temporary, file(key));
        written += bytes.length;
      } catch {
        // A cache that cannot be written is only slower; generation never fails because of it.
      }
    },
    evict() {
      const added = written;
      written = 0;
      const recorded = recordedSize(dir);
      if (recorded !== undefined && recorded + added <= maxBytes) {
        if (added > 0) recordSize(dir, recorded + added);
        return;
      }
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      const now = Date.now();
      const entries = names.flatMap((name) => {
        try {
          const stat = statSync(path.join(dir, name));
          return stat.isFile() ? [{ name, size: stat.size, used: stat.mtimeMs }] : [];
        } catch {
          return [];
        }
      });
      let total = entries.reduce((sum, entry) => sum + entry.size, 0);
      // Only plangen's own files: anything else in the folder (PLANGEN_CACHE_DIR may be shared) stays.
      const removable = entries.filter((entry) => ENTRY_NAME.test(entry.name) || (TEMPORARY_NAME.test(entry.name) && now - entry.used > STALE_TEMPORARY_MS));
      for (const entry of removable.sort((a, b) => a.used - b.used)) {
        if (total <= maxBytes) break;
        try {
          rmSync(path.join(dir, entry.name), { force: true });
          total -= entry.size;
        } catch {
          // another run removed or uses it
        }
      }
      recordSize(dir, total);
    },
  };
}

/**
 * zlib's crc32, or null on a Node without it (it came with 20.15; the engines field allows any Node 20). Loaded at
 * the first checksum, not with this module: a generation without a cache never pays zlib's load (~1.5 ms).
 */
let crc32: ((data: Uint8Array) => number) | null | undefined;

function zlibCrc32(): ((data: Uint8Array) => number) | null {
  crc32 ??= (createRequire(import.meta.url)('node:zlib') as { crc32?: (data: Uint8Array) => number }).crc32 ?? null;
  return crc32;
}

/**
 * An entry's second line: `crc32 <8 hex>`, or `sha256 <64 hex>` where Node has no zlib.crc32. An entry is read
 * with the algorithm it names, so a folder shared by two Nodes stays valid for both.
 */
function checksumLine(value: Uint8Array, algorithm: string = zlibCrc32() ? 'crc32' : 'sha256'): string | undefined {
  if (algorithm === 'sha256') return `sha256 ${contentHash(value)}`;
  const crc = algorithm === 'crc32' ? zlibCrc32() : null;
  return crc ? `crc32 ${crc(value).toString(16).padStart(8, '0')}` : undefined;
}

function recordedSize(dir: string): number | undefined {
  try {
    const text = readFileSync(path.join(dir, SIZE_FILE), 'latin1');
    return /^\d+\n$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined; // none yet, or unreadable: the folder is listed
  }
}

/** Written in place: a torn or garbled record reads as none, and the next run lists the folder. */
function recordSize(dir: string, bytes: number): void {
  try {
    writeFileSync(path.join(dir, SIZE_FILE), `${bytes}\n`);
  } catch {
    // read-only cache folder: the next run lists it again
  }
}
