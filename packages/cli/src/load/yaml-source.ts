// YAML plans through the `yaml` package: its document keeps every node's range
// and its LineCounter turns ranges into line:column.
import { LineCounter, Parser, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type CST, type Document, type Node, type Scalar } from 'yaml';
import { PlanError } from '../errors.js';
import { MAX_DEPTH, tooDeep } from './check-depth.js';
import { oneLine, quote } from '../messages/quote.js';
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
    rejectNonJsonNodes(document, text, at);
    data = document.toJS({ maxAliasCount: 1000 });
  } catch (cause) {
    if (cause instanceof PlanError) throw cause;
    if (cause instanceof RangeError) throw tooDeep({ file });
    // Every alias refers to an anchor (checked above), so expansion failed on size: a "billion laughs" document.
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
  if (code === 'MULTIPLE_DOCS') {
    return new PlanError(
      location,
      'the plan must be a single YAML document',
      `Remove the "---" separator at ${location.line}:${location.column} and the document after it, or move that document to its own file`,
    );
  }
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

/** The tags whose values are JSON data; `!` is the non-specific tag of a plain YAML value. */
const JSON_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`).concat('!'));

type At = (offset: number) => { file: string; line: number; column: number };

/**
 * Plans are JSON data: a list or mapping used as a key, a missing or null key, a
 * tag such as `!!binary` or `!!timestamp`, an alias to no anchor, or a number
 * JSON cannot hold (`.inf`, `.nan`) has no JSON meaning, and `toJS` (or a later
 * JSON.stringify) would silently turn it into something else.
 */
function rejectNonJsonNodes(document: Document.Parsed, text: string, at: At): void {
  visit(document, {
    Pair(_, pair) {
      const key = pair.key;
      if (key === null || isScalar(key)) {
        checkKey(key, text, at);
        return;
      }
      const offset = (key as { range?: [number, number, number] }).range?.[0] ?? 0;
      throw new PlanError(at(offset), 'a list or mapping is used as a key', 'Keys must be plain text, such as an event or property name');
    },
    Alias(_, alias) {
      if (alias.resolve(document) !== undefined) return;
      const name = oneLine(alias.source);
      throw new PlanError(at(alias.range?.[0] ?? 0), `the alias *${name} refers to no anchor`, `Define &${name} before it, or write the value out`);
    },
    Node(_, node) {
      if (isScalar(node)) checkFinite(node, at);
      if (node.tag === undefined || JSON_TAGS.has(node.tag)) return;
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      throw new PlanError(
        at(tagOffset(text, tag, node.range?.[0] ?? 0)),
        `the YAML tag ${quote(tag)} makes a value that is not JSON data`,
        'Remove the tag and write the value as text, a number, true/false, null, a list or a mapping',
      );
    },
  });
}

/** Where the tag is written before its value (the node's range starts after it), else the value. */
function tagOffset(text: string, tag: string, valueOffset: number): number {
  const found = text.lastIndexOf(tag, valueOffset);
  return found !== -1 && /^\s*$/.test(text.slice(found + tag.length, valueOffset)) ? found : valueOffset;
}

/** `.inf`, `-.inf`, `.nan` and `1e400` have no JSON form: `toJS` keeps them, JSON (and the generated code) makes them null. */
function checkFinite(scalar: Scalar, at: At): void {
  if (typeof scalar.value !== 'number' || Number.isFinite(scalar.value)) return;
  const written = oneLine(scalar.source ?? String(scalar.value));
  const where = at(scalar.range?.[0] ?? 0);
  if (/^[-+]?\.(?:inf|nan)$/i.test(written)) {
    throw new PlanError(where, `the number ${quote(written)} is not JSON data: JSON has no infinity or NaN`, `Write a finite number, or quote it ("${written}") if it is text`);
  }
  throw new PlanError(where, `the number ${quote(written)} is too large for a JavaScript number`, 'Write a number between -1.7976931348623157e308 and 1.7976931348623157e308');
}

function checkKey(key: Scalar | null, text: string, at: At): void {
  if (key !== null && (key.value !== null || key.type !== 'PLAIN')) return;
  const offset = key?.range?.[0] ?? 0;
  if (key === null || !key.source) {
    const colon = text.indexOf(':', offset);
    throw new PlanError(at(colon === -1 ? offset : colon), 'a key is missing before the colon', 'Write the key, or remove the entry');
  }
  const written = key.source ?? '';
  throw new PlanError(at(offset), `the key ${quote(written)} is YAML null, not text`, `Quote it if it is a name: "${oneLine(written)}"`);
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
