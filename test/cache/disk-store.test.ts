// The cache folder: entries read back exactly as written, anything else
// (truncated, edited, foreign, a half-written temporary file) reads as missing,
// and the folder stays under its bound, least recently used entries first.
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { diskStore, SIZE_FILE } from '../../packages/cli/src/cache/disk-store.js';
import { contentHash } from '../../packages/cli/src/write/content-hash.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-cache-'));
  made.push(dir);
  return path.join(dir, 'nested', 'cache'); // created on first write
}

const key = (name: string) => contentHash(name);

describe('the cache folder', () => {
  it('reads back what was written, including line breaks and any text', () => {
    const dir = folder();
    const store = diskStore(dir);
    const value = '{"value":"line 1\\nline 2 \u2028 </script> `x` */"}\n\n';
    expect(store.read(key('a'))).toBeUndefined();
    store.write(key('a'), value);
    expect(store.read(key('a'))).toBe(value);
    expect(diskStore(dir).read(key('a'))).toBe(value); // another process
    expect(readdirSync(dir)).toEqual([key('a')]); // no temporary file left
  });

  it('writes and reads the one format, header, checksum of the UTF-8 value, value, for any text', () => {
    const dir = folder();
    const store = diskStore(dir);
    for (const [name, value] of [['ascii', '{"value":"plain"}'], ['wide', '{"value":"é 😀 \u2028 中"}'], ['lone', '{"value":"\ud800 half"}']] as const) {
      store.write(key(name), value);
      const bytes = readFileSync(path.join(dir, key(name)));
      const encoded = Buffer.from(value, 'utf8');
      const crc = zlib.crc32(encoded).toString(16).padStart(8, '0');
      expect(bytes.equals(Buffer.concat([Buffer.from(`plangen-cache 2\ncrc32 ${crc}\n`), encoded]))).toBe(true);
      // What it reads is the text the bytes decode to (a lone surrogate was written as U+FFFD, as any file write does).
      expect(store.read(key(name))).toBe(encoded.toString('utf8'));
    }
    // A byte of a character changed into one that is no UTF-8: the checksum no longer matches.
    const file = path.join(dir, key('wide'));
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] = 0xff;
    writeFileSync(file, bytes);
    expect(store.read(key('wide'))).toBeUndefined();
  });

  it('reads an entry checked by SHA-256 (a Node without zlib.crc32 wrote it), and refuses one whose check fails or is unknown', () => {
    const dir = folder();
    const store = diskStore(dir);
    const value = '{"value":"from an older Node"}';
    const file = path.join(dir, key('sha'));
    store.write(key('sha'), 'placeholder'); // creates the folder
    writeFileSync(file, `plangen-cache 2\nsha256 ${contentHash(value)}\n${value}`);
    expect(store.read(key('sha'))).toBe(value);
    writeFileSync(file, `plangen-cache 2\nsha256 ${contentHash(`${value} `)}\n${value}`);
    expect(store.read(key('sha'))).toBeUndefined();
    writeFileSync(file, `plangen-cache 2\nmd5 ${contentHash(value)}\n${value}`);
    expect(store.read(key('sha'))).toBeUndefined();
    // The format before checksums were named: read as missing, and rebuilt.
    writeFileSync(file, `plangen-cache 1\n${contentHash(value)}\n${value}`);
    expect(store.read(key('sha'))).toBeUndefined();
  });

  it('ignores a truncated, edited or foreign entry (and a later write replaces it)', () => {
    const dir = folder();
    const store = diskStore(dir);
    store.write(key('a'), '{"value":"right"}');
    const file = path.join(dir, key('a'));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, -3));
    expect(store.read(key('a'))).toBeUndefined();
    writeFileSync(file, text.replace('right', 'wrong'));
    expect(store.read(key('a'))).toBeUndefined();
    writeFileSync(file, '{"value":"right"}');
    expect(store.read(key('a'))).toBeUndefined();
    writeFileSync(file, '');
    expect(store.read(key('a'))).toBeUndefined();
    store.write(key('a'), '{"value":"rebuilt"}');
    expect(store.read(key('a'))).toBe('{"value":"rebuilt"}');
  });

  it('evicts the least recently used entries beyond its bound (and a crashed write\'s old temporary file), and leaves other files alone', () => {
    const dir = folder();
    const store = diskStore(dir, 2500);
    const value = 'x'.repeat(1000);
    for (const name of ['old', 'used', 'new']) store.write(key(name), value);
    writeFileSync(path.join(dir, 'README'), 'not ours, and old');
    const at = (seconds: number) => new Date(Date.now() - seconds * 1000);
    utimesSync(path.join(dir, 'README'), at(86_400), at(86_400));
    const crashed = `${key('crashed')}.4242.abc123.tmp`;
    writeFileSync(path.join(dir, crashed), 'half an entry');
    utimesSync(path.join(dir, crashed), at(7200), at(7200));
    utimesSync(path.join(dir, key('old')), at(300), at(300));
    utimesSync(path.join(dir, key('used')), at(200), at(200));
    utimesSync(path.join(dir, key('new')), at(100), at(100));
    expect(store.read(key('used'))).toBe(value); // reading makes it the most recently used
    store.evict();
    expect(readdirSync(dir).sort()).toEqual([key('new'), key('used'), 'README', SIZE_FILE].sort());
    store.evict();
    expect(readdirSync(dir)).toHaveLength(4);
  });

  it('records its size, so a run under the bound lists nothing, and still evicts once later writes pass the bound', () => {
    const dir = folder();
    const value = 'x'.repeat(1000);
    const first = diskStore(dir, 2500);
    first.write(key('old'), value);
    first.evict(); // lists the folder: one entry, recorded
    const recorded = Number(readFileSync(path.join(dir, SIZE_FILE), 'utf8'));
    expect(recorded).toBeGreaterThan(1000);
    // An entry another process wrote is not in the record: a run that stays under the bound by the record keeps it.
    writeFileSync(path.join(dir, key('foreign')), value);
    const second = diskStore(dir, 2500);
    second.evict();
    expect(readdirSync(dir)).toContain(key('foreign'));
    // The next run's writes pass the bound by the record: it lists the folder and removes the oldest entries.
    const at = (seconds: number) => new Date(Date.now() - seconds * 1000);
    utimesSync(path.join(dir, key('old')), at(300), at(300));
    utimesSync(path.join(dir, key('foreign')), at(200), at(200));
    const third = diskStore(dir, 2500);
    third.write(key('new'), value);
    third.write(key('newer'), value);
    third.evict();
    expect(readdirSync(dir).sort()).toEqual([key('new'), key('newer'), SIZE_FILE].sort());
    expect(Number(readFileSync(path.join(dir, SIZE_FILE), 'utf8'))).toBeLessThanOrEqual(2500);
  });

  it('never fails a run: an unwritable folder just caches nothing', () => {
    const dir = folder();
    writeFileSync(path.dirname(path.dirname(dir)) + '/nested', 'a file where the folder should be');
    const store = diskStore(dir);
    store.write(key('a'), 'value');
    expect(store.read(key('a'))).toBeUndefined();
    expect(() => store.evict()).not.toThrow();
  });
});
