// Plan files are bytes: UTF-8 (with or without a byte-order mark), or UTF-16
// when a byte-order mark says so (what Windows editors write as "Unicode").
// Bytes that are not text in that encoding are an error at the first bad byte:
// decoding them as U+FFFD would silently change names and permitted values.
import { PlanError } from '../errors.js';

const FIX_UTF8 = 'Save the file as UTF-8 (for a Latin-1 file: iconv -f latin1 -t utf-8)';

export function decodePlanText(bytes: Uint8Array, file: string): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16 !== undefined) return decodeUtf16(bytes, utf16, file);
  try {
    // The decoder drops a UTF-8 byte-order mark itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstBadUtf8Byte(bytes);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new PlanError({ file, ...utf8Position(bytes, offset) }, `the file is not valid UTF-8: byte 0x${byte} does not belong to a character`, FIX_UTF8);
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    // A lone surrogate or an odd last byte: the replacement character marks the first one.
    const text = new TextDecoder(encoding).decode(bytes);
    const index = text.indexOf('\uFFFD');
    const before = text.slice(0, index === -1 ? text.length : index);
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    throw new PlanError(
      { file, line, column: before.length - lineStart + 1 },
      `the file starts with a ${name} byte-order mark but is not valid ${name}`,
      'Save the file as UTF-8',
    );
  }
}

/**
 * The offset of the first byte that is not part of a well-formed character. The
 * lenient decoder's text, encoded again, equals the input up to the first bad
 * sequence, where it holds U+FFFD instead: the character of the re-encoded text
 * at the first difference starts where the bad sequence starts.
 */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  const again = Buffer.from(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf8');
  let offset = 0;
  while (offset < bytes.length && bytes[offset] === again[offset]) offset += 1;
  // Continuation bytes are 10xxxxxx; the lead byte of the character is before them.
  while (offset > 0 && ((again[offset] ?? 0) & 0xc0) === 0x80) offset -= 1;
  return offset;
}

/** Line and column (in UTF-16 code units, as every other position plangen reports) of a byte offset. */
function utf8Position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  const bom = line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { line, column: new TextDecoder('utf-8').decode(bytes.subarray(lineStart + bom, offset)).length + 1 };
}
