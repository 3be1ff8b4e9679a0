import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openInput } from '../../packages/cli/src/validate/open-input.js';
import { readPayloads, type PayloadShape } from '../../packages/cli/src/validate/read-payloads.js';

type Seen = { shape?: PayloadShape; payloads: [number, unknown][]; unparsable: [number, string][]; tooLong?: [number, number, number][] };

async function read(chunks: (string | Buffer)[], maxLineLength?: number): Promise<Seen> {
  const seen: Seen = { payloads: [], unparsable: [] };
  async function* source() {
    for (const chunk of chunks) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
  }
  await readPayloads(source(), {
    begin: (shape) => (seen.shape = shape),
    payload: (value, position) => seen.payloads.push([position, value]),
    unparsable: (position, detail) => seen.unparsable.push([position, detail]),
    ...(maxLineLength !== undefined ? { tooLong: (position: number, length: number, limit: number) => (seen.tooLong ??= []).push([position, length, limit]) } : {}),
  }, maxLineLength !== undefined ? { maxLineLength } : {});
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

describe('readPayloads: one pretty-printed document (a saved /v1/batch body was one malformed entry per line)', () => {
  const body = { batch: [{ type: 'track', event: 'A' }, { type: 'identify', userId: 'u' }], sentAt: '2024-01-01T00:00:00Z' };

  it('reads a pretty-printed batch body as one document, at the line of its {, whatever the chunking', async () => {
    const text = `\n\n${JSON.stringify(body, null, 2)}\n`;
    const seen = await read([text.slice(0, 3), text.slice(3, 40), text.slice(40)]);
    expect(seen).toEqual({ shape: 'json-lines', payloads: [[3, body]], unparsable: [] });
  });

  it('reads a pretty-printed single event, and a { alone with CRLF endings', async () => {
    const event = { type: 'track', event: 'Order Completed', properties: { total: 1 } };
    expect((await read([JSON.stringify(event, null, 4)])).payloads).toEqual([[1, event]]);
    expect((await read([JSON.stringify(event, null, 2).replace(/\n/g, '\r\n')])).payloads).toEqual([[1, event]]);
  });

  it('keeps JSON Lines whose first line is an object, or a broken object, as JSON Lines', async () => {
    expect((await read(['{"a":1}\n{"a":2}\n'])).payloads).toEqual([
      [1, { a: 1 }],
      [2, { a: 2 }],
    ]);
    const broken = await read(['{ "a":\n{"a":2}\n']);
    expect(broken.payloads).toEqual([[2, { a: 2 }]]);
    expect(broken.unparsable.map(([line]) => line)).toEqual([1]);
  });

  it('reports a broken document once at its line, and content after it', async () => {
    const cut = await read(['{\n  "a": \n']);
    expect(cut.payloads).toEqual([]);
    expect(cut.unparsable.map(([line]) => line)).toEqual([1]);
    const twice = await read(['{\n"a": 1\n}\n{"b": 2}\n']);
    expect(twice.payloads).toEqual([[1, { a: 1 }]]);
    expect(twice.unparsable.map(([line]) => line)).toEqual([1]);
  });
});

describe('readPayloads: the length limit applies to array elements and documents too (an element was buffered whole)', () => {
  it('an array element over the limit is one too-long entry at its index, and the rest is not read', async () => {
    const big = JSON.stringify({ type: 'track', event: 'x'.repeat(300_000) });
    const seen = await read(['[{"a":1},', big, ',{"a":3}]'], 100_000);
    expect(seen.payloads).toEqual([[0, { a: 1 }]]);
    expect(seen.unparsable).toEqual([]);
    expect(seen.tooLong).toHaveLength(1);
    const [position, length, limit] = seen.tooLong![0]!;
    expect([position, limit]).toEqual([1, 100_000]);
    // Given up on within one 64 Ki slice of the limit, not after reading the whole element.
    expect(length).toBeGreaterThan(100_000);
    expect(length).toBeLessThanOrEqual(100_000 + 64 * 1024);
  });

  it('elements under the limit are read however long the array is', async () => {
    const element = JSON.stringify({ v: 'y'.repeat(500) });
    const seen = await read([`[${Array.from({ length: 400 }, () => element).join(',')}]`], 1_000);
    expect(seen.payloads).toHaveLength(400);
    expect(seen.tooLong).toBeUndefined();
  });

  it('a pretty-printed document over the limit is one too-long entry at its line', async () => {
    const seen = await read([`\n{\n  "batch": [${Array.from({ length: 5_000 }, () => '{"type":"track","event":"A"}').join(',\n')}]\n}\n`], 10_000);
    expect(seen.payloads).toEqual([]);
    expect(seen.tooLong?.map(([line, , limit]) => [line, limit])).toEqual([[2, 10_000]]);
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
