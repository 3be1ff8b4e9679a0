// Turns a byte stream of recorded payloads into JSON values, one at a time, in
// constant memory. Three shapes are read, told apart by the first non-whitespace
// character and its line: a JSON array (`[`), streamed element by element; one
// pretty-printed JSON document (a line holding `{` alone, as JSON.stringify(x, null, 2),
// jq and request logs print a Segment batch body or an event), streamed whole; or
// JSON Lines (anything else), split on newlines and parsed line by line.
import { StringDecoder } from 'node:string_decoder';
import { JSONParser } from '@streamparser/json';

/**
 * How positions read: line numbers (`json-lines`, also for a pretty-printed document, located at the line
 * its `{` is on) or 0-based array indexes (`json-array`).
 */
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
  /**
   * A JSON Lines line of `length` characters, over `limit`: skipped unread. For an array element or a document,
   * `length` is what was read of it before the reader gave up on the rest of the input. Reported as unparsable when absent.
   */
  tooLong?(position: number, length: number, limit: number): void;
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Longest JSON Lines line, array element or pretty-printed document read, in characters: 16 MiB of ASCII.
 * Longer ones are malformed entries, never built whole.
 */
export const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

export interface ReadOptions {
  /** Characters (UTF-16 code units) a JSON Lines line, array element or document may hold; DEFAULT_MAX_LINE_LENGTH by default. */
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
    reader = openReader(pending, sink, options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH, false);
    if (reader === undefined) continue;
    if (!reader.write(pending.startsWith(BYTE_ORDER_MARK) ? pending.slice(1) : pending)) return;
    pending = '';
  }
  if (reader === undefined) {
    pending += decoder.end();
    reader = openReader(pending, sink, options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH, true);
    if (reader !== undefined && !reader.write(pending.startsWith(BYTE_ORDER_MARK) ? pending.slice(1) : pending)) return;
  } else if (!reader.write(decoder.end())) {
    return;
  }
  reader?.end();
}

/**
 * The reader for the input that starts with `text`, or undefined while the text cannot tell yet: only
 * whitespace so far, or a `{` with nothing after it on its line yet (`done`: the input ends there).
 */
function openReader(text: string, sink: PayloadSink, maxLength: number, done: boolean): TextReader | undefined {
  const start = firstContentIndex(text);
  if (start === -1) return undefined;
  if (text[start] === '[') return new ArrayReader(sink, maxLength);
  if (text[start] === '{') {
    // A line holding `{` alone never is a JSON Lines payload: it opens a pretty-printed document.
    const after = firstContentIndex(text, start + 1, true);
    if (after === -1 && !done) return undefined;
    if (after !== -1 && text[after] === '\n') return new DocumentReader(sink, maxLength, lineAt(text, start));
  }
  return new LinesReader(sink, maxLength);
}

/** 1-based line of text[index]. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * Index of the first character from `from` that is neither whitespace nor a byte order mark (with
 * `newlineCounts`, a `\n` counts as content); -1 when there is none yet.
 */
function firstContentIndex(text: string, from = 0, newlineCounts = false): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' && newlineCounts) return index;
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

/** Text is fed to @streamparser/json in slices this long, so a value's size is known to within one slice. */
const SLICE = 64 * 1024;

/**
 * Feeds a JSON stream to @streamparser/json, which builds each value it emits whole. A value counts
 * every character fed since the previous value ended (separators and whitespace included, to within
 * one SLICE); once that passes the limit, the value is one too-long entry and the rest of the input is
 * not read: the parser cannot skip a value, and keeping it would hold the whole value in memory.
 */
abstract class StreamedValuesReader implements TextReader {
  protected readonly parser: JSONParser;
  private sinceValue = 0;
  private broken = false;

  constructor(
    protected readonly sink: PayloadSink,
    private readonly maxLength: number,
    path: string,
  ) {
    this.parser = new JSONParser({ paths: [path], keepStack: false });
    keepByteOrderMarks(this.parser);
    this.parser.onValue = ({ value, key }) => {
      this.sinceValue = 0;
      this.value(value, key);
    };
  }

  /** Where the value being read is (what a problem is reported at). */
  protected abstract get position(): number;
  protected abstract value(value: unknown, key: number | string | undefined): void;

  write(text: string): boolean {
    for (let start = 0; start < text.length && !this.broken; start += SLICE) {
      const slice = text.slice(start, start + SLICE);
      this.sinceValue += slice.length;
      try {
        this.parser.write(slice);
      } catch (error) {
        this.fail(error);
      }
      if (!this.broken && this.sinceValue > this.maxLength && !this.parser.isEnded) {
        this.broken = true;
        if (this.sink.tooLong) this.sink.tooLong(this.position, this.sinceValue, this.maxLength);
        else this.sink.unparsable(this.position, `the value holds more than ${this.maxLength} characters`);
      }
    }
    return !this.broken;
  }

  end(): void {
    // The parser ends by itself at the end of the array or document.
    if (this.broken || this.parser.isEnded) return;
    try {
      this.parser.end();
    } catch (error) {
      this.fail(error);
    }
  }

  // The parser cannot resynchronise, so the rest of the input is one unparsable entry.
  private fail(error: unknown): void {
    this.broken = true;
    this.sink.unparsable(this.position, (error as Error).message);
  }
}

class ArrayReader extends StreamedValuesReader {
  private next = 0;

  constructor(sink: PayloadSink, maxLength: number) {
    super(sink, maxLength, '$.*');
    sink.begin('json-array');
  }

  protected get position(): number {
    return this.next;
  }

  protected value(value: unknown, key: number | string | undefined): void {
    this.next = (key as number) + 1;
    this.sink.payload(value, key as number);
  }
}

/** One pretty-printed document, reported at the line it starts on (so `body.json:1#/batch/2` locates a message of a body). */
class DocumentReader extends StreamedValuesReader {
  constructor(
    sink: PayloadSink,
    maxLength: number,
    private readonly line: number,
  ) {
    super(sink, maxLength, '$');
    sink.begin('json-lines');
  }

  protected get position(): number {
    return this.line;
  }

  protected value(value: unknown): void {
    this.sink.payload(value, this.line);
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
