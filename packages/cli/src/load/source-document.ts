// Reads plan text into plain data plus, on demand, a YAML document that knows
// where every node is. JSON is YAML, so one parser gives line:column for both;
// but the YAML parser is slow on big exports (seconds for a 4 MB Segment plan),
// so text that is valid JSON is read with JSON.parse and parsed as YAML only
// when a position is asked for (an error, lint, diff).
import { LineCounter, isScalar, parseDocument, visit, type Document } from 'yaml';
import { PlanError } from '../errors.js';
import { oneLine, quote } from './quote.js';

export interface Positions {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export interface SourceDocument {
  readonly file: string;
  /** The plain data (objects, arrays, strings, numbers, booleans, null). */
  readonly data: unknown;
  /** The YAML document with node positions; undefined if the text cannot be parsed as YAML. */
  positions(): Positions | undefined;
}

export function parseSource(text: string, file: string): SourceDocument {
  const json = parseJson(text);
  if (json.ok) {
    let positions: Positions | undefined | null = null;
    return {
      file,
      data: json.data,
      positions: () => {
        if (positions === null) positions = parseYaml(text, file).positions;
        return positions;
      },
    };
  }
  return readYaml(text, file);
}

function parseJson(text: string): { ok: true; data: unknown } | { ok: false } {
  if (!/^\s*[[{]/.test(text)) return { ok: false };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch {
    // Not JSON after all (YAML flow style, or a syntax error the YAML parser will locate).
    return { ok: false };
  }
}

function parseYaml(text: string, file: string): { positions: Positions | undefined; error?: PlanError } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error === undefined) return { positions: { document, lineCounter } };
  const { line, col } = lineCounter.linePos(error.pos[0]);
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyTextAt(text, error.pos[0]);
    return { positions: undefined, error: new PlanError({ file, line, column: col }, `the key ${key} is written twice in the same mapping`, 'Merge the two entries, or rename one') };
  }
  return { positions: undefined, error: new PlanError({ file, line, column: col }, `syntax error: ${oneLine(firstLine(error.message))}`, 'Fix the YAML/JSON at that position') };
}

function readYaml(text: string, file: string): SourceDocument {
  const { positions, error } = parseYaml(text, file);
  if (positions === undefined) throw error ?? new PlanError({ file }, 'the plan cannot be parsed', 'Check that it is YAML or JSON');
  rejectComplexKeys(positions.document, positions.lineCounter, file);
  let data: unknown;
  try {
    data = positions.document.toJS({ maxAliasCount: 1000 });
  } catch (cause) {
    // Only alias expansion can fail here (a "billion laughs" document).
    throw new PlanError({ file }, `cannot expand the YAML aliases: ${firstLine(String((cause as Error).message))}`, 'Write the repeated parts out instead of using so many aliases');
  }
  return { file, data, positions: () => positions };
}

/** Plans are JSON data: a list or mapping used as a key has no JSON meaning. */
function rejectComplexKeys(document: Document.Parsed, lineCounter: LineCounter, file: string): void {
  visit(document, {
    Pair(_, pair) {
      if (pair.key === null || isScalar(pair.key)) return;
      const offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
      const { line, col } = lineCounter.linePos(offset);
      throw new PlanError({ file, line, column: col }, 'a list or mapping is used as a key', 'Keys must be plain text, such as an event or property name');
    },
  });
}

/** The key written at `offset`, quoted, for the duplicate-key message (the parser reports only where it starts). */
function keyTextAt(text: string, offset: number): string {
  const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\n]*?)\s*:/.exec(text.slice(offset));
  const written = match?.[1]?.trim() ?? '';
  return written.startsWith('"') || written.startsWith("'") ? oneLine(written) : quote(written);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '');
}
