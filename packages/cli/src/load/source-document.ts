// Reads plan text into a YAML document that remembers where every node is. JSON
// is YAML, so one parser serves both and JSON errors get line:column too.
import { LineCounter, isScalar, parseDocument, visit, type Document } from 'yaml';
import { PlanError } from '../errors.js';

export interface SourceDocument {
  readonly file: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain data (objects, arrays, strings, numbers, booleans, null). */
  readonly data: unknown;
}

export function parseSource(text: string, file: string): SourceDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error !== undefined) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = keyTextAt(text, error.pos[0]);
      throw new PlanError({ file, line, column: col }, `the key ${key} is written twice in the same mapping`, 'Merge the two entries, or rename one');
    }
    throw new PlanError({ file, line, column: col }, `syntax error: ${firstLine(error.message)}`, 'Fix the YAML/JSON at that position');
  }
  rejectComplexKeys(document, lineCounter, file);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 1000 });
  } catch (cause) {
    // Only alias expansion can fail here (a "billion laughs" document).
    throw new PlanError({ file }, `cannot expand the YAML aliases: ${firstLine(String((cause as Error).message))}`, 'Write the repeated parts out instead of using so many aliases');
  }
  return { file, document, lineCounter, data };
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
  return written.startsWith('"') || written.startsWith("'") ? written : JSON.stringify(written);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '');
}
