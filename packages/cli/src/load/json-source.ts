// `.json` plans: strict JSON. JSON.parse builds the data; jsonc-parser scans the
// text for syntax errors and repeated keys (JSON.parse silently keeps the last)
// when there may be one (parseValid), and positions come from jsonc-parser's tree
// when an error, lint or diff asks for one. The YAML parser would take seconds on
// a 4 MB Segment export.
import { createScanner, parseTree, printParseErrorCode, visit, type Node } from 'jsonc-parser';
import { PlanError } from '../errors.js';
import { lineStarts, positionAt } from '../line-breaks.js';
import { MAX_DEPTH, tooDeep } from './check-depth.js';
import { quote } from '../messages/quote.js';
import type { Position, SourceDocument } from './source-document.js';

const PROBLEMS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence',
  InvalidCharacter: 'control character in a string',
};

export function readJson(text: string, file: string): SourceDocument {
  // An empty file is an empty document, as in YAML; detecting the format says what a plan needs.
  if (text.trim() === '') return { file, data: null, locate: () => undefined };
  const data = parseValid(text, file);
  let tree: Node | undefined | null = null;
  let lines: number[] | undefined;
  return {
    file,
    data,
    locate: (segments, at) => {
      if (tree === null) tree = parseTree(text);
      const offset = tree && offsetOf(tree, segments, at);
      if (offset === undefined) return undefined;
      lines ??= lineStarts(text);
      return positionAt(lines, offset);
    },
  };
}

/**
 * The data of a valid plan without jsonc-parser's scan, which took most of the time on large plans:
 * V8's JSON.parse (which needs no recursion) says whether the text is valid JSON; then a count of the
 * text's property names (never fewer than it holds) and a walk of the data (its nesting, its keys, its
 * numbers) say whether a mapping repeats a key, a number overflowed or the nesting is too deep. Only
 * then, or on invalid text, do the scans run (parseLocated), so every error is the one they always gave.
 */
function parseValid(text: string, file: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return parseLocated(text, file);
  }
  return matches(data, propertyNamesAtLeast(text)) ? data : parseLocated(text, file);
}

/** The scans, in their order, then the data: what every invalid or doubtful text goes through (exported as the tests' oracle). */
export function parseLocated(text: string, file: string): unknown {
  checkNesting(text, file);
  scan(text, file);
  return JSON.parse(text);
}

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = ':';

/**
 * In a valid JSON text, at least the number of property names it writes: each name is a string whose closing
 * quote is followed (after whitespace) by a `:`. A quote not escaped by an odd number of backslashes always
 * delimits a string, so every name's colon is counted; a colon inside a string that happens to follow an
 * opening quote (`[":"]`) is counted too, which can only send the text to the scans. Visiting only the colons
 * (indexOf) instead of every character keeps this cheap before V8 has optimized anything (a fresh process).
 */
function propertyNamesAtLeast(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(COLON); colon !== -1; colon = text.indexOf(COLON, colon + 1)) {
    let before = colon - 1;
    while (isJsonWhitespace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) !== QUOTE) continue;
    let backslashes = 0;
    while (text.charCodeAt(before - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/** Space, tab, line feed, carriage return: JSON's whitespace. */
function isJsonWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/**
 * True when the parsed data nests at most MAX_DEPTH deep (as its text does: one level per container), holds
 * only finite numbers and exactly `properties` keys in all (fewer means a key was written twice: JSON.parse
 * keeps the last). More keys than counted cannot happen; fewer may also be a count of a colon in a string.
 */
function matches(data: unknown, properties: number): boolean {
  let keys = 0;
  const stack: unknown[] = [data];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const value = stack.pop();
    const depth = depths.pop()! + 1;
    if (typeof value === 'number' && !Number.isFinite(value)) return false;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return false;
    if (Array.isArray(value)) {
      for (const item of value) {
        stack.push(item);
        depths.push(depth);
      }
    } else {
      const names = Object.keys(value);
      keys += names.length;
      for (const name of names) {
        stack.push((value as Record<string, unknown>)[name]);
        depths.push(depth);
      }
    }
  }
  return keys === properties;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const END = 17;

/** Refuses nesting deeper than MAX_DEPTH before anything recursive reads the text (the scanner is a loop). */
function checkNesting(text: string, file: string): void {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== END; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) depth += 1;
    else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth -= 1;
    if (depth > MAX_DEPTH) throw tooDeep({ file, line: scanner.getTokenStartLine() + 1, column: scanner.getTokenStartCharacter() + 1 });
  }
}

/** Throws the first syntax error or repeated key, located. */
function scan(text: string, file: string): void {
  const keys: Set<string>[] = [];
  let problem: PlanError | undefined;
  const report = (error: PlanError) => {
    problem ??= error;
  };
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (property, _offset, _length, line, character) => {
        const seen = keys.at(-1);
        if (seen?.has(property)) {
          report(new PlanError({ file, line: line + 1, column: character + 1 }, `the key ${quote(property)} is written twice in the same mapping`, 'Merge the two entries, or rename one'));
        }
        seen?.add(property);
      },
      // `1e400` is valid JSON text that no JavaScript number can hold: JSON.parse makes it Infinity, which later becomes null.
      onLiteralValue: (value, offset, length, line, character) => {
        if (typeof value !== 'number' || Number.isFinite(value)) return;
        const written = text.slice(offset, offset + length);
        report(new PlanError({ file, line: line + 1, column: character + 1 }, `the number ${quote(written)} is too large for a JavaScript number`, 'Write a number between -1.7976931348623157e308 and 1.7976931348623157e308'));
      },
      onError: (code, offset, _length, line, character) => {
        if (problem !== undefined) return;
        const comma = trailingCommaBefore(text, offset);
        if (comma !== undefined) {
          report(new PlanError({ file, ...positionAt(lineStarts(text), comma) }, 'syntax error: trailing comma', 'Remove the comma after the last entry'));
          return;
        }
        const name = printParseErrorCode(code);
        report(new PlanError({ file, line: line + 1, column: character + 1 }, `syntax error: ${PROBLEMS[name] ?? name}`, 'Fix the JSON at that position'));
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (problem !== undefined) throw problem;
}

/** jsonc-parser reports `{ "a": 1, }` as a missing name at the brace; the comma before it is the mistake. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  const before = text.slice(0, offset).trimEnd();
  return before.endsWith(',') ? before.length - 1 : undefined;
}

function offsetOf(root: Node, segments: readonly string[], at: 'element' | 'value'): number | undefined {
  let node: Node | undefined = root;
  let key: Node | undefined;
  for (const segment of segments) {
    if (node?.type === 'object') {
      const property: Node | undefined = node.children?.find((child) => child.children?.[0]?.value === segment);
      key = property?.children?.[0];
      node = property?.children?.[1];
    } else if (node?.type === 'array') {
      key = undefined;
      node = node.children?.[Number(segment)];
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  return at === 'element' ? (key ?? node)?.offset : node?.offset;
}

