// Turns a byte stream of recorded payloads into JSON values, one at a time, in
// constant memory. Two shapes are read, told apart by the first non-whitespace
// character: a JSON array (`[`), streamed element by element, or JSON Lines
// (anything else), split on newlines and parsed line by line.
import { StringDecoder } from 'node:string_decoder';
import { JSONParser } from '@streamparser/json';

export type PayloadShape = 'json-lines' | 'json-array';

/**
 * Receives what the reader finds, synchronously, so a million lines cost no
 * promise each. Positions are 1-based line numbers for JSON Lines and 0-based
 * element indexes for a JSON array.
 */
export interface PayloadSink {
  /** Called once, before anything else, when the shape is known (never for an empty input). */
  begin(shape: PayloadShape): void;
  payload(value: unknown, position: number): void;
  /** A line (or the rest of an array) that is not JSON; `detail` is the parser's message. */
  unparsable(position: number, detail: string): void;
  /** A JSON Lines line of `length` characters, over `limit`: skipped unread (reported as unparsable when absent). */
  tooLong?(position: number, length: number, limit: number): void;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Longest JSON Lines line read, in characters: 16 MiB of ASCII. Longer lines are malformed entries, never built whole. */
export const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

export interface ReadOptions {
  /** Characters (UTF-16 code units) a JSON Lines line may hold; DEFAULT_MAX_LINE_LENGTH by default. */
  readonly maxLineLength?: number;
}

export async function readPayloads(chunks: AsyncIterable<Buffer>, sink: PayloadSink, options: ReadOptions = {}): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let reader: TextReader | undefined;
  let pending = '';
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (reader) {
      if (!reader.write(text)) return;
      continue;
    }
    pending += text;
    const start = firstContentIndex(pending);
    if (start === -1) continue;
    reader = pending[start] === '[' ? new ArrayReader(sink) : new LinesReader(sink, options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH);
    if (!reader.write(pending.startsWith(BYTE_ORDER_MARK) ? pending.slice(1) : pending)) return;
    pending = '';
  }
  reader?.write(decoder.end());
  reader?.end();
}

/** Index of the first character that is neither whitespace nor a byte order mark; -1 when there is none yet. */
function firstContentIndex(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== BYTE_ORDER_MARK && char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') return index;
  }
  return -1;
}

interface TextReader {
  /** Returns false when the rest of the input cannot be read (a broken JSON array). */
  write(text: string): boolean;
  end(): void;
}

class LinesReader implements TextReader {
  private carry = '';
  private line = 0;
  /** Characters of the current line seen so far while it is too long: its text is dropped, only counted. */
  private overflow = 0;

  constructor(
    private readonly sink: PayloadSink,
    private readonly maxLength: number,
  ) {
    sink.begin('json-lines');
  }

  write(text: string): boolean {
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      this.endLine(text, start, newline);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    this.extend(text, start, text.length);
    return true;
  }

  end(): void {
    if (this.carry !== '' || this.overflow > 0) this.endLine('', 0, 0);
  }

  // The line ends at `end` of `text`: parse it, or report it as too long.
  private endLine(text: string, start: number, end: number): void {
    this.extend(text, start, end);
    if (this.overflow > 0) {
      this.line++;
      const length = this.overflow;
      this.overflow = 0;
      if (this.sink.tooLong) this.sink.tooLong(this.line, length, this.maxLength);
      else this.sink.unparsable(this.line, `the line holds ${length} characters, more than ${this.maxLength}`);
      return;
    }
    const line = this.carry;
    this.carry = '';
    this.take(line);
  }

  // Appends text[start, end) to the current line unless that makes it longer than the limit; from
  // then on the line is only counted, so a 600 MB line costs no more memory than a short one.
  private extend(text: string, start: number, end: number): void {
    if (start === end) return;
    if (this.overflow > 0) {
      this.overflow += end - start;
    } else if (this.carry.length + (end - start) > this.maxLength) {
      this.overflow = this.carry.length + (end - start);
      this.carry = '';
    } else {
      this.carry = this.carry === '' ? text.slice(start, end) : this.carry + text.slice(start, end);
    }
  }

  private take(line: string): void {
    this.line++;
    // Blank lines carry no payload; JSON.parse ignores surrounding whitespace, so
    // only lines that start with some need a second look.
    const first = line.charCodeAt(0);
    if (Number.isNaN(first) || (first <= 32 && line.trim() === '')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      this.sink.unparsable(this.line, (error as Error).message);
      return;
    }
    this.sink.payload(value, this.line);
  }
}

class ArrayReader implements TextReader {
  private readonly parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  private next = 0;
  private broken = false;

  constructor(private readonly sink: PayloadSink) {
    sink.begin('json-array');
    keepByteOrderMarks(this.parser);
    this.parser.onValue = ({ value, key }) => {
      this.next = (key as number) + 1;
      sink.payload(value, key as number);
    };
  }

  write(text: string): boolean {
    if (this.broken) return false;
    try {
      this.parser.write(text);
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  end(): void {
    // The parser ends by itself at the array's closing bracket.
    if (this.broken || this.parser.isEnded) return;
    try {
      this.parser.end();
    } catch (error) {
      this.fail(error);
    }
  }

  // The parser cannot resynchronise inside an array, so the rest of the input is one unparsable entry.
  private fail(error: unknown): void {
    this.broken = true;
    this.sink.unparsable(this.next, (error as Error).message);
  }
}

interface StringBuilderInternals {
  decoder?: unknown;
}

/**
 * @streamparser/json (0.0.26) decodes each piece of a string with a TextDecoder
 * that drops a leading U+FEFF, so `"a\ufeffb"` would read as `ab` and a payload
 * would be checked with text that was never sent. Its string builders get a
 * decoder that keeps every character; the fuzz suite (validate-input) guards it.
 */
function keepByteOrderMarks(parser: JSONParser): void {
  const tokenizer = (parser as unknown as { tokenizer?: Record<string, StringBuilderInternals | undefined> }).tokenizer;
  for (const builder of [tokenizer?.['bufferedString'], tokenizer?.['bufferedNumber']]) {
    if (builder?.decoder === undefined) throw new Error('plangen: @streamparser/json changed its internals; update keepByteOrderMarks');
    builder.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  }
}
