// YAML plans through the `yaml` package: its document keeps every node's range
// and its LineCounter turns ranges into line:column.
import { LineCounter, Parser, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type CST, type Document, type Node } from 'yaml';
import { PlanError } from '../errors.js';
import { MAX_DEPTH, tooDeep } from './check-depth.js';
import { oneLine, quote } from './quote.js';
import type { Position, SourceDocument } from './source-document.js';

export function readYaml(text: string, file: string): SourceDocument {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const tooDeepAt = deepestCollection(text, lineCounter);
  if (tooDeepAt !== undefined) throw tooDeep(at(tooDeepAt));
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error !== undefined) throw syntaxError(error.code, error.message, text, error.pos[0], at(error.pos[0]));
  const unknownTag = document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag !== undefined) {
    const tag = text.slice(unknownTag.pos[0], unknownTag.pos[1]);
    throw new PlanError(at(unknownTag.pos[0]), `unknown YAML tag ${quote(tag)}`, 'Remove the tag: a plan is plain YAML data, and nothing is included from other files');
  }
  let data: unknown;
  try {
    rejectComplexKeys(document, at);
    data = document.toJS({ maxAliasCount: 1000 });
  } catch (cause) {
    if (cause instanceof PlanError) throw cause;
    if (cause instanceof RangeError) throw tooDeep({ file });
    // Otherwise alias expansion failed: a "billion laughs" document.
    const alias = firstAlias(document);
    throw new PlanError(
      alias === undefined ? { file } : at(alias),
      `cannot expand the YAML aliases: ${oneLine(firstLine(String((cause as Error).message)))}`,
      'Write the repeated parts out instead of using so many aliases',
    );
  }
  return {
    file,
    data,
    locate: (segments, where) => {
      const found = find(document, segments);
      const node = where === 'value' ? (found?.node ?? found?.key) : (found?.key ?? found?.node);
      const offset = node?.range?.[0];
      if (offset === undefined) return undefined;
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col } satisfies Position;
    },
  };
}

/**
 * The offset of the first collection nested deeper than MAX_DEPTH, found on the
 * parser's token tree without recursion. Composing such a document overflows the
 * stack, and repeated overflows inside the YAML composer can crash Node outright.
 */
function deepestCollection(text: string, lineCounter: LineCounter): number | undefined {
  const stack: { token: CST.Token | undefined; depth: number }[] = [];
  for (const token of new Parser(lineCounter.addNewLine).parse(text)) stack.push({ token, depth: 0 });
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { token, depth } = next;
    if (token === undefined) continue;
    if (token.type === 'document') stack.push({ token: token.value, depth });
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_DEPTH) return token.offset;
      for (const item of token.items) {
        stack.push({ token: 'key' in item ? (item.key ?? undefined) : undefined, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function syntaxError(code: string, message: string, text: string, offset: number, location: { file: string; line: number; column: number }): PlanError {
  if (code === 'DUPLICATE_KEY') {
    return new PlanError(location, `the key ${keyTextAt(text, offset)} is written twice in the same mapping`, 'Merge the two entries, or rename one');
  }
  // The parser turns its own stack overflow into an error at the node it was reading.
  if (/call stack/i.test(message)) return tooDeep(location);
  if (code === 'MULTIPLE_DOCS') return new PlanError(location, 'the file holds more than one YAML document', 'Keep one plan per file: remove the "---" line and what follows, or move it to its own file');
  return new PlanError(location, `syntax error: ${oneLine(firstLine(message))}`, 'Fix the YAML/JSON at that position');
}

function firstAlias(document: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, alias) {
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** Plans are JSON data: a list or mapping used as a key has no JSON meaning. */
function rejectComplexKeys(document: Document.Parsed, at: (offset: number) => { file: string; line: number; column: number }): void {
  visit(document, {
    Pair(_, pair) {
      if (pair.key === null || isScalar(pair.key)) return;
      const offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
      throw new PlanError(at(offset), 'a list or mapping is used as a key', 'Keys must be plain text, such as an event or property name');
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

/** The node at `segments` and, when it is a mapping entry, its key node. */
function find(document: Document.Parsed, segments: readonly string[]): { node: Node | undefined; key: Node | undefined } | undefined {
  let node: unknown = document.contents;
  let key: Node | undefined;
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (pair === undefined) return undefined;
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      key = undefined;
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  return { node: (node ?? undefined) as Node | undefined, key };
}
