import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openInput } from '../../packages/cli/src/validate/open-input.js';
import { readPayloads, type PayloadShape } from '../../packages/cli/src/validate/read-payloads.js';

type Seen = { shape?: PayloadShape; payloads: [number, unknown][]; unparsable: [number, string][] };

async function read(chunks: (string | Buffer)[]): Promise<Seen> {
  const seen: Seen = { payloads: [], unparsable: [] };
  async function* source() {
    for (const chunk of chunks) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
  }
  await readPayloads(source(), {
    begin: (shape) => (seen.shape = shape),
    payload: (value, position) => seen.payloads.push([position, value]),
    unparsable: (position, detail) => seen.unparsable.push([position, detail]),
  });
  return seen;
}

describe('readPayloads: JSON Lines', () => {
  it('numbers lines from 1 and skips blank ones without losing count', async () => {
    const seen = await read(['{"a":1}\n\n  \n{"a":2}\r\n{"a":3}']);
    expect(seen.shape).toBe('json-lines');
    expect(seen.payloads).toEqual([
      [1, { a: 1 }],
      [4, { a: 2 }],
      [5, { a: 3 }],
    ]);
    expect(seen.unparsable).toEqual([]);
  });

  it('joins lines split across chunks, even inside a multi-byte character', async () => {
    const text = Buffer.from('{"name":"Zoë"}\n{"n":2}\n');
    const split = text.indexOf(Buffer.from('ë')) + 1;
    const seen = await read([text.subarray(0, 3), text.subarray(3, split), text.subarray(split)]);
    expect(seen.payloads).toEqual([
      [1, { name: 'Zoë' }],
      [2, { n: 2 }],
    ]);
  });

  it('reports a line that is not JSON with its line number and keeps reading', async () => {
    const seen = await read(['{"a":1}\n{"a":\n[1,2]\n"text"\n{"a":3}\n']);
    expect(seen.payloads).toEqual([
      [1, { a: 1 }],
      [3, [1, 2]],
      [4, 'text'],
      [5, { a: 3 }],
    ]);
    expect(seen.unparsable).toHaveLength(1);
    expect(seen.unparsable[0]![0]).toBe(2);
    expect(seen.unparsable[0]![1]).toMatch(/JSON/);
  });

  it('ignores a byte order mark', async () => {
    const seen = await read(['\uFEFF{"a":1}\n']);
    expect(seen.payloads).toEqual([[1, { a: 1 }]]);
  });

  it('reads nothing from an empty or blank input', async () => {
    expect(await read([])).toEqual({ payloads: [], unparsable: [] });
    expect(await read(['\n  \n'])).toEqual({ payloads: [], unparsable: [] });
  });
});

describe('readPayloads: JSON array', () => {
  it('streams elements with their 0-based indexes, whatever the chunking', async () => {
    const seen = await read(['  \n', '[{"a":1},', ' {"a":[2', ']}, 3, ', 'null]\n']);
    expect(seen.shape).toBe('json-array');
    expect(seen.payloads).toEqual([
      [0, { a: 1 }],
      [1, { a: [2] }],
      [2, 3],
      [3, null],
    ]);
    expect(seen.unparsable).toEqual([]);
  });

  it('reports a broken array once, at the element where it broke, and stops', async () => {
    const seen = await read(['[{"a":1}, {"a":2}, {"a" 3}, {"a":4}]']);
    expect(seen.payloads).toEqual([
      [0, { a: 1 }],
      [1, { a: 2 }],
    ]);
    expect(seen.unparsable).toHaveLength(1);
    expect(seen.unparsable[0]![0]).toBe(2);
  });

  it('keeps U+FEFF inside strings, raw or escaped, as JSON.parse does (fuzz F18)', async () => {
    const text = '[{"event":"Order\\ufeffCompleted","raw":"\ufeffa\ufeffb"}]';
    const seen = await read([text]);
    expect(seen.payloads).toEqual([[0, JSON.parse(text)[0]]]);
    expect(seen.payloads[0]![1]).toEqual({ event: 'Order\uFEFFCompleted', raw: '\uFEFFa\uFEFFb' });
  });

  it('reports an array cut short', async () => {
    const seen = await read(['[{"a":1}, {"a":']);
    expect(seen.payloads).toEqual([[0, { a: 1 }]]);
    expect(seen.unparsable.map(([position]) => position)).toEqual([1]);
  });
});

describe('openInput', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function collect(chunks: AsyncIterable<Buffer>): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    return Buffer.concat(parts).toString();
  }

  it('gunzips by content, for files and stdin alike, and counts raw bytes read', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plangen-validate-'));
    const compressed = gzipSync('{"a":1}\n');
    const file = path.join(dir, 'events.jsonl.gz');
    await writeFile(file, compressed);
    const input = await openInput(file);
    expect(input.size).toBe(compressed.length);
    let read = 0;
    expect(await collect(input.chunks((bytes) => (read += bytes)))).toBe('{"a":1}\n');
    expect(read).toBe(compressed.length);

    const stdin = new PassThrough();
    stdin.end(gzipSync('[1]'));
    const piped = await openInput('-', stdin);
    expect(piped.name).toBe('stdin');
    expect(piped.size).toBeUndefined();
    expect(await collect(piped.chunks())).toBe('[1]');
  });

  it('passes plain bytes through', async () => {
    const stdin = new PassThrough();
    stdin.end('{"a":1}\n');
    expect(await collect((await openInput('-', stdin)).chunks())).toBe('{"a":1}\n');
  });

  it('rejects a missing file and a folder before reading anything', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plangen-validate-'));
    await expect(openInput(path.join(dir, 'nope.jsonl'))).rejects.toThrow(`${path.join(dir, 'nope.jsonl')}: payload file not found. Check the path.`);
    await expect(openInput(dir)).rejects.toThrow(`${dir}: this is a folder, not a payload file. Pass the files inside it, e.g. folder/*.jsonl.`);
  });

  it('turns a truncated gzip file into one clear error', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plangen-validate-'));
    const file = path.join(dir, 'cut.jsonl.gz');
    const whole = gzipSync('{"a":1}\n'.repeat(1000));
    await writeFile(file, whole.subarray(0, whole.length - 10));
    const input = await openInput(file);
    await expect(collect(input.chunks())).rejects.toThrow(
      `${file}: cannot read this payload file (unexpected end of file). Check that the file is complete; gzip files must be whole.`,
    );
  });
});

describe('readPayloads: after a JSON array', () => {
  it('reports data after the closing bracket', async () => {
    const seen = await read(['[{"a":1}]\n{"a":2}\n']);
    expect(seen.payloads).toEqual([[0, { a: 1 }]]);
    expect(seen.unparsable.map(([position]) => position)).toEqual([1]);
  });
});
