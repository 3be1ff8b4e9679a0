// Splits ajv's standalone code (as build-validator-module.ts has rewritten it) into its top-level
// statements and finds where each one names an identifier, in one linear pass over the text.
// stable-layout.ts used to parse the ~9 MB module of a 500-event plan with the TypeScript compiler
// for this: 1.6 s and ~350 MiB of syntax tree on the worker, plus loading typescript there.
// ajv writes a fixed shape: `const name = value;` and `function name(...){...}` one after another,
// no comments and no template literals, plan text only in "..." strings and /.../ regex literals.
// Anything else stops generation with ajvTextChanged, like the other rewrites, so a new ajv that
// writes differently fails loudly in the tests instead of being laid out wrongly.
import { ajvTextChanged } from './ajv-text-changed.js';

export interface ScannedStatement {
  readonly name: string;
  readonly kind: 'function' | 'constant';
  /** Offsets of the statement: from its keyword to after its `;` or closing `}`. */
  readonly start: number;
  readonly end: number;
  /** A constant's value: from after `= ` to before the `;`. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /**
   * Identifiers that are not property names (`x` in `a.x` or `{x: 1}`), in source order: the
   * declared name itself, parameters, locals and references to other statements.
   */
  readonly identifiers: readonly ScannedIdentifier[];
}

export interface ScannedIdentifier {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** `x` in `{x}` or `{a, x}`: a key as well as a value, which renaming would change. */
  readonly shorthand: boolean;
}

const REWRITE = 'stable-layout';

const isIdentifierStart = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36;
const isIdentifierPart = (code: number): boolean => isIdentifierStart(code) || (code >= 48 && code <= 57);
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

// After one of these a `/` starts a regex literal; after an identifier, number, `)` or `]` it divides.
const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else']);

export function scanTopLevel(code: string): ScannedStatement[] {
  const statements: ScannedStatement[] = [];
  let at = skipSpace(code, 0);
  while (at < code.length) {
    const keyword = wordAt(code, at);
    if (keyword !== 'const' && keyword !== 'function') throw unexpected(code, at);
    const nameStart = skipSpace(code, at + keyword.length);
    const name = wordAt(code, nameStart);
    if (name === '') throw unexpected(code, at);
    const statement = scanStatement(code, at, keyword === 'const' ? 'constant' : 'function', name, nameStart + name.length);
    statements.push(statement);
    at = skipSpace(code, statement.end);
  }
  return statements;
}

function scanStatement(code: string, start: number, kind: 'function' | 'constant', name: string, afterName: number): ScannedStatement {
  const identifiers: ScannedIdentifier[] = [{ start: afterName - name.length, end: afterName, text: name, shorthand: false }];
  let valueStart = -1;
  if (kind === 'constant') {
    const equals = skipSpace(code, afterName);
    if (code.charCodeAt(equals) !== 61 || code.charCodeAt(equals + 1) === 61) throw unexpected(code, start);
    valueStart = skipSpace(code, equals + 1);
  }
  // Open brackets, innermost last; the statement ends at `;` (constant) or `}` (function) outside all of them.
  const open: string[] = [];
  // What came before the current token: 'value' (identifier, number, literal, `)` or `]`: a `/` divides),
  // 'dot' (the next identifier is a property name), or the punctuator or keyword itself.
  let previous = kind === 'constant' ? '=' : 'name';
  let at = kind === 'constant' ? valueStart : afterName;
  // A function's parameters may hold `{...}` too (`{instancePath=""}={}`); its body comes after them.
  let inBody = false;
  while (at < code.length) {
    const char = code.charCodeAt(at);
    if (isSpace(char)) {
      at++;
      continue;
    }
    if (isIdentifierStart(char)) {
      let end = at + 1;
      while (end < code.length && isIdentifierPart(code.charCodeAt(end))) end++;
      const text = code.slice(at, end);
      if (previous !== 'dot' && !isPropertyKey(code, end, previous, open)) {
        const shorthand = open[open.length - 1] === '{' && (previous === '{' || previous === ',') && isCommaOrBrace(code.charCodeAt(skipSpace(code, end)));
        identifiers.push({ start: at, end, text, shorthand });
      }
      previous = KEYWORDS_BEFORE_EXPRESSION.has(text) ? text : 'value';
      at = end;
      continue;
    }
    if (char >= 48 && char <= 57) {
      at++;
      while (at < code.length && (isIdentifierPart(code.charCodeAt(at)) || code.charCodeAt(at) === 46)) at++;
      previous = 'value';
      continue;
    }
    if (char === 34 || char === 39) {
      at = endOfString(code, at);
      previous = 'value';
      continue;
    }
    if (char === 96) throw unexpected(code, at);
    if (char === 47) {
      const next = code.charCodeAt(at + 1);
      if (next === 47 || next === 42) throw unexpected(code, at);
      if (previous === 'value') {
        previous = '/';
        at++;
      } else {
        at = endOfRegex(code, at);
        previous = 'value';
      }
      continue;
    }
    if (char === 46 && code.charCodeAt(at + 1) !== 46) {
      previous = 'dot';
      at++;
      continue;
    }
    if (char === 40 || char === 91 || char === 123) {
      open.push(code[at]!);
      previous = code[at]!;
      at++;
      continue;
    }
    if (char === 41 || char === 93 || char === 125) {
      const opener = open.pop();
      // No lookup object here: one was made for every closing bracket.
      if (opener !== (char === 41 ? '(' : char === 93 ? '[' : '{')) throw unexpected(code, at);
      at++;
      if (kind === 'function' && char === 125 && open.length === 0 && inBody) {
        return { name, kind, start, end: at, valueStart: -1, valueEnd: -1, identifiers };
      }
      if (kind === 'function' && char === 41 && open.length === 0) inBody = true;
      previous = char === 125 ? '}' : 'value';
      continue;
    }
    if (char === 59 && open.length === 0) {
      if (kind !== 'constant') throw unexpected(code, at);
      let valueEnd = at;
      while (valueEnd > valueStart && isSpace(code.charCodeAt(valueEnd - 1))) valueEnd--;
      return { name, kind, start, end: at + 1, valueStart, valueEnd, identifiers };
    }
    // One constant a statement (`const a = 1, b = 2;` would be two).
    if (char === 44 && open.length === 0) throw unexpected(code, at);
    if (char > 127) throw unexpected(code, at);
    previous = code[at]!;
    at++;
  }
  throw unexpected(code, start);
}

// `key` in `{key: value}`; not `b` in `a ? b : c`.
function isPropertyKey(code: string, end: number, previous: string, open: readonly string[]): boolean {
  return open[open.length - 1] === '{' && (previous === '{' || previous === ',') && code.charCodeAt(skipSpace(code, end)) === 58;
}

const isCommaOrBrace = (code: number): boolean => code === 44 || code === 125;

function endOfString(code: string, start: number): number {
  const quote = code.charCodeAt(start);
  for (let at = start + 1; at < code.length; at++) {
    const char = code.charCodeAt(at);
    if (char === 92) at++;
    else if (char === quote) return at + 1;
    else if (char === 10 || char === 13) break;
  }
  throw unexpected(code, start);
}

function endOfRegex(code: string, start: number): number {
  let inClass = false;
  for (let at = start + 1; at < code.length; at++) {
    const char = code.charCodeAt(at);
    if (char === 92) at++;
    else if (char === 10 || char === 13) break;
    else if (char === 91) inClass = true;
    else if (char === 93) inClass = false;
    else if (char === 47 && !inClass) {
      let end = at + 1;
      while (end < code.length && isIdentifierPart(code.charCodeAt(end))) end++;
      return end;
    }
  }
  throw unexpected(code, start);
}

function skipSpace(code: string, at: number): number {
  while (at < code.length && isSpace(code.charCodeAt(at))) at++;
  return at;
}

function wordAt(code: string, at: number): string {
  let end = at;
  while (end < code.length && isIdentifierPart(code.charCodeAt(end))) end++;
  return isIdentifierStart(code.charCodeAt(at)) ? code.slice(at, end) : '';
}

function unexpected(code: string, at: number): Error {
  return ajvTextChanged(REWRITE, `met something other than a top-level const or function, a string or a regex literal (${JSON.stringify(code.slice(at, at + 80))})`);
}
