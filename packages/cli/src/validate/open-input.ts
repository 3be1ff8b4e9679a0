// Opens one payload input (a file, or `-` for stdin) as a stream of bytes,
// gunzipped when it starts with the gzip magic number (so `.gz` files and
// compressed stdin both work, whatever their name).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { PlanError } from '../errors.js';

export const STDIN = '-';

export interface PayloadInput {
  /** How reports name the input: the path as given, or `stdin`. */
  readonly name: string;
  /** Bytes on disk (compressed size for gzip); undefined for stdin. */
  readonly size: number | undefined;
  /** The decompressed bytes; `onRead` is told how many raw bytes each read took, for progress. */
  chunks(onRead?: (bytes: number) => void): AsyncIterable<Buffer>;
}

/** Checks that the input can be read (throws a PlanError now, not halfway through a run) and opens it lazily. */
export async function openInput(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<PayloadInput> {
  if (file === STDIN) return { name: 'stdin', size: undefined, chunks: (onRead) => decoded('stdin', stdin, onRead) };
  const size = await sizeOf(file);
  return {
    name: file,
    size,
    chunks: (onRead) => decoded(file, createReadStream(file, { highWaterMark: 256 * 1024 }), onRead),
  };
}

async function sizeOf(file: string): Promise<number> {
  try {
    const stats = await stat(file);
    if (stats.isDirectory()) throw new PlanError({ file }, 'this is a folder, not a payload file', 'Pass the files inside it, e.g. folder/*.jsonl');
    return stats.size;
  } catch (error) {
    if (error instanceof PlanError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PlanError({ file }, 'payload file not found', 'Check the path');
    throw new PlanError({ file }, `cannot read this payload file (${(error as Error).message})`);
  }
}

async function* decoded(name: string, stream: NodeJS.ReadableStream, onRead?: (bytes: number) => void): AsyncIterable<Buffer> {
  try {
    yield* gunzipIfCompressed(counted(stream, onRead));
  } catch (error) {
    throw new PlanError(
      { file: name },
      `cannot read this payload file (${(error as Error).message})`,
      'Check that the file is complete; gzip files must be whole',
    );
  }
}

async function* counted(stream: NodeJS.ReadableStream, onRead?: (bytes: number) => void): AsyncIterable<Buffer> {
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    onRead?.(bytes.length);
    yield bytes;
  }
}

async function* gunzipIfCompressed(raw: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const all = (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (first.value[0] !== 0x1f || first.value[1] !== 0x8b) {
    yield* all;
    return;
  }
  // Errors reach us through the gunzip stream we iterate, which pipeline destroys with them.
  yield* pipeline(Readable.from(all), createGunzip(), () => {});
}
