// Lays out the generated index.ts without a formatter: running prettier over it
// was about 300 ms of every cold `plangen generate` of a 25-event plan (its load,
// then its first, unoptimised run), more than the rest of the generation. The
// code it gets is the template's and json-schema-to-typescript's, whose shapes are
// known, so a line-based pass does what prettier did for them:
// - each line indented two spaces per unclosed bracket opened on an earlier line
//   (a line opening `({` counts once), closing lines at their opener's indent;
// - a code line longer than 120 characters has its first bracket group that holds
//   top-level commas broken into one item a line, with a trailing comma;
// - `{` followed by an empty line and `}` (an empty object type) becomes `{}`;
//   at most one blank line in a row, none after an opening or before a closing line.
// Only whitespace changes, plus the trailing commas of broken groups: strings,
// comments and code stay byte for byte (test/generate/lay-out-typescript.test.ts).
// With a cache, the file is laid out in pieces of several hundred lines, each
// kept laid out with the state it starts and ends in (open brackets, inside a
// comment): one changed event lays out its piece again, not the 80,000 lines of
// 500 events. A piece starts at an `export` line chosen by its text (so an
// inserted line moves no later cut), never at a blank or closing line, so the
// passes that look across lines (empty braces, blank lines) see the same thing
// on either side of a cut, and the pieces put together are the one pass's text.

import { keepsParts, NO_CACHE, type StageCache } from './stage-cache.js';
import { textDigest } from './text-digest.js';

const WIDTH = 120;
const INDENT = '  ';
const OPENERS = '([{';
const CLOSERS = ')]}';
// What the scan stops at: brackets, quotes and slashes (a string or a comment may start there).
const INTERESTING = /["'`/()[\]{}]/g;

/** What a line holds, read with the state its predecessors left (an open block comment). */
interface LineScan {
  /** Brackets of code (not strings or comments), in order, with their offsets. */
  readonly brackets: { readonly char: string; readonly at: number }[];
  /** The line ends inside a block comment. */
  readonly inComment: boolean;
  /** The line starts inside a block comment. */
  readonly startsInComment: boolean;
}

/** What laying out a line depends on from the lines before it. */
interface LayoutState {
  /** Each unclosed bracket and the indent of the line that opened it. */
  open: { char: string; indent: number }[];
  inComment: boolean;
}

/** A piece of a file laid out, with the state after it: what layOutPieces keeps. */
interface LaidOutPiece {
  readonly text: string;
  readonly open: LayoutState['open'];
  readonly inComment: boolean;
}

/** Characters a piece has at least (about 500 lines of index.ts), and past which, without such an `export` line, a line after a blank one starts the next. */
const PIECE_CHARS = 16_000;
const LONGEST_PIECE = 64_000;
/** One `export` line in this many (by a hash of its text) starts a piece, once the piece has PIECE_CHARS. */
const CUT_ONE_IN = 8;
// A line (as split('\n') cuts them) whose text starts `export `; and a blank line followed by one that is neither
// blank nor closing. `[^\S\n]` is what trim() removes, short of the line's end.
const EXPORT_LINE = /\n[^\S\n]*export /g;
const AFTER_BLANK_LINE = /\n[^\S\n]*\n[^\S\n]*(?=[^\s)\]}])/g;

/** `cache`: each piece is laid out once per distinct text and state (a changed event lays out its piece). */
export function layOutTypeScript(source: string, cache: StageCache = NO_CACHE): string {
  if (keepsParts(cache)) return `${layOutPieces(source, cache).trim()}\n`;
  const lines = joinEmptyBraces(source.split('\n').map((line) => line.trim()));
  const out = layOutLines(lines, { open: [], inComment: false });
  return `${dropExtraBlankLines(out, false).join('\n').trim()}\n`;
}

function layOutPieces(source: string, cache: StageCache): string {
  const texts: string[] = [];
  const state: LayoutState = { open: [], inComment: false };
  const cuts = pieceStarts(source);
  for (let index = 0; index < cuts.length; index++) {
    const last = index === cuts.length - 1;
    const raw = source.slice(cuts[index], last ? source.length : cuts[index + 1]! - 1);
    // The text's digest: the cache would escape and hash the whole text as JSON (text-digest.ts).
    const input = { text: textDigest(raw), open: state.open, inComment: state.inComment, last };
    let piece = cache.get<LaidOutPiece>('layout-piece', input);
    if (typeof piece?.text !== 'string' || !Array.isArray(piece.open) || typeof piece.inComment !== 'boolean') {
      const lines = joinEmptyBraces(raw.split('\n').map((line) => line.trim()));
      // A piece but the last is followed by a line that is neither blank nor closing (pieceStarts).
      const text = dropExtraBlankLines(layOutLines(lines, state), !last).join('\n');
      piece = { text, open: state.open, inComment: state.inComment };
      cache.set('layout-piece', input, piece);
    }
    state.open = piece.open.map(({ char, indent }) => ({ char, indent }));
    state.inComment = piece.inComment;
    if (piece.text !== '') texts.push(piece.text);
  }
  return texts.join('\n');
}

/**
 * The offsets at which pieces start: 0, then each line (PIECE_CHARS or more after its piece's start) whose text
 * starts `export ` and hashes to a cut, or, LONGEST_PIECE after the start, any line after a blank one; so never
 * a blank line or one starting with a closing bracket. Regex scans: a fresh process runs this once over 3 MB.
 */
function pieceStarts(source: string): number[] {
  const starts = [0];
  for (let cut = nextCut(source, 0); cut !== undefined; cut = nextCut(source, cut)) starts.push(cut);
  return starts;
}

function nextCut(source: string, start: number): number | undefined {
  EXPORT_LINE.lastIndex = start + PIECE_CHARS - 1;
  for (let match = EXPORT_LINE.exec(source); match !== null && match.index < start + LONGEST_PIECE; match = EXPORT_LINE.exec(source)) {
    const text = match.index + match[0].length - 'export '.length;
    const end = source.indexOf('\n', text);
    if (lineHash(source, text, end < 0 ? source.length : end) % CUT_ONE_IN === 0) return match.index + 1;
  }
  AFTER_BLANK_LINE.lastIndex = start + LONGEST_PIECE;
  const blank = AFTER_BLANK_LINE.exec(source);
  return blank === null ? undefined : blank.index + blank[0].lastIndexOf('\n') + 1;
}

/** FNV-1a over the line's characters: which `export` lines start pieces, the same wherever the line sits. */
function lineHash(source: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ source.charCodeAt(at), 0x01000193);
  return hash >>> 0;
}

/** Lays out `lines` from `state`, which it leaves as the lines after them find it. */
function layOutLines(lines: readonly string[], state: LayoutState): string[] {
  const out: string[] = [];
  const open = (state.open = state.open.map(({ char, indent }) => ({ char, indent })));
  let inComment = state.inComment;
  for (const line of lines) {
    const scan = scanLine(line, inComment);
    inComment = scan.inComment;
    if (line === '') {
      out.push('');
      continue;
    }
    let indent = open.length > 0 ? open[open.length - 1]!.indent + 1 : 0;
    const first = scan.brackets[0];
    if (!scan.startsInComment && first && first.at === 0 && CLOSERS.includes(first.char) && open.length > 0) indent = open[open.length - 1]!.indent;
    for (const { char } of scan.brackets) {
      if (OPENERS.includes(char)) open.push({ char, indent });
      else open.pop();
    }
    const text = scan.startsInComment && line.startsWith('*') ? ` ${line}` : line;
    for (const laidOut of breakLongLine(INDENT.repeat(indent) + text, indent, scan.startsInComment)) out.push(laidOut);
  }
  state.inComment = inComment;
  return out;
}

/** `{`, blank lines, then a line starting with `}`: the `{}` of an empty object type, on one line. */
function joinEmptyBraces(lines: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let next = index + 1;
    while (next < lines.length && lines[next] === '') next++;
    if (line.endsWith('{') && !isComment(line) && next < lines.length && lines[next]!.startsWith('}')) {
      joined.push(line + lines[next]);
      index = next;
    } else {
      joined.push(line);
    }
  }
  return joined;
}

function isComment(trimmed: string): boolean {
  return trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*');
}

/** `more`: the lines are followed by a line that is neither blank nor closing (the next piece's first). */
function dropExtraBlankLines(lines: readonly string[], more: boolean): string[] {
  const kept: string[] = [];
  // The next non-blank line after each index, found from the end in one pass.
  const nextLine: (string | undefined)[] = new Array(lines.length);
  for (let index = lines.length - 1, next: string | undefined = more ? 'next' : undefined; index >= 0; index--) {
    nextLine[index] = next;
    if (lines[index] !== '') next = lines[index];
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line !== '') {
      kept.push(line);
      continue;
    }
    const previous = kept[kept.length - 1];
    const next = nextLine[index];
    if (previous === undefined || previous === '' || next === undefined) continue;
    if (/[([{]$/.test(previous) || /^\s*[)\]}]/.test(next)) continue;
    kept.push('');
  }
  return kept;
}

/**
 * Finds the brackets of code on one line, skipping string literals ('…', "…", `…`) and
 * comments (a `//` comment, or a block comment that may have started on an earlier line).
 */
function scanLine(line: string, startsInComment: boolean): LineScan {
  const brackets: { char: string; at: number }[] = [];
  let inComment = startsInComment;
  for (let at = 0; at < line.length; at++) {
    if (inComment) {
      const end = line.indexOf('*/', at);
      if (end < 0) break;
      inComment = false;
      at = end + 1;
      continue;
    }
    INTERESTING.lastIndex = at;
    const found = INTERESTING.exec(line);
    if (!found) break;
    at = found.index;
    const char = found[0];
    if (char === '/' && line[at + 1] === '*') {
      inComment = true;
      at++;
    } else if (char === '/' && line[at + 1] === '/') {
      break;
    } else if (char === '"' || char === "'" || char === '`') {
      at = stringEnd(line, at);
    } else if (OPENERS.includes(char) || CLOSERS.includes(char)) {
      brackets.push({ char, at });
    }
  }
  return { brackets, inComment, startsInComment };
}

/** The offset of the quote that closes the literal opening at `start` (or the line's last offset). */
function stringEnd(line: string, start: number): number {
  const quote = line[start];
  for (let at = start + 1; at < line.length; at++) {
    if (line[at] === '\\') at++;
    else if (line[at] === quote) return at;
  }
  return line.length - 1;
}

/** A code line over the width, broken at its first bracket group with top-level commas; then its parts, likewise. */
function breakLongLine(line: string, indent: number, startsInComment: boolean): string[] {
  if (line.length <= WIDTH || startsInComment || isComment(line.trim())) return [line];
  const group = firstGroupWithCommas(line);
  if (!group) return [line];
  const pad = INDENT.repeat(indent + 1);
  const items = group.items.map((item, index) => {
    const last = index === group.items.length - 1;
    // A rest parameter takes no trailing comma.
    return `${pad}${item}${last && item.startsWith('...') ? '' : ','}`;
  });
  return [
    line.slice(0, group.open + 1),
    ...items.flatMap((item) => breakLongLine(item, indent + 1, false)),
    INDENT.repeat(indent) + line.slice(group.close).trimStart(),
  ];
}

/**
 * The first bracket group (outermost first, left to right) closed on this line whose contents hold
 * commas outside any nested bracket, string or `<…>` type argument list, split at those commas.
 */
function firstGroupWithCommas(line: string): { open: number; close: number; items: string[] } | undefined {
  const { brackets } = scanLine(line, false);
  const stack: number[] = [];
  const groups: { open: number; close: number; depth: number }[] = [];
  for (const { char, at } of brackets) {
    if (OPENERS.includes(char)) {
      stack.push(at);
    } else {
      const open = stack.pop();
      if (open === undefined) return undefined;
      groups.push({ open, close: at, depth: stack.length });
    }
  }
  groups.sort((a, b) => a.depth - b.depth || a.open - b.open);
  for (const { open, close } of groups) {
    if (isParenthesizedExpression(line, open)) continue;
    const items = splitTopLevel(line.slice(open + 1, close));
    if (items && items.length > 1) return { open, close, items };
  }
  return undefined;
}

/**
 * A `(` that follows no name, call, index or type arguments opens an expression (`(0, f)(x)`, as
 * TypeScript's CommonJS emit writes it), where a trailing comma is a syntax error: such a group is
 * never broken. Arrow parameters (`= (a, b) =>`) are skipped too, which only leaves their line long.
 */
function isParenthesizedExpression(line: string, open: number): boolean {
  if (line[open] !== '(') return false;
  const before = line.slice(0, open).trimEnd();
  return !/[\w$)\]>]$/.test(before) || EXPRESSION_KEYWORD.test(before);
}

// `if (`, `return (` and the like are followed by an expression (or a `for` header), not by arguments.
const EXPRESSION_KEYWORD = /(?:^|[^\w$.])(?:if|while|for|switch|return|typeof|await|case|void|in|of|yield|throw|delete|else|do|catch|with)$/;

/** Splits at commas outside brackets, strings and `<…>`; undefined when `<…>` do not balance. */
function splitTopLevel(text: string): string[] | undefined {
  const items: string[] = [];
  let depth = 0;
  let angles = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '"' || char === "'" || char === '`') at = stringEnd(text, at);
    else if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth--;
    else if (char === '<') angles++;
    else if (char === '>' && text[at - 1] !== '=') angles--;
    else if (char === ',' && depth === 0 && angles === 0) {
      items.push(text.slice(start, at).trim());
      start = at + 1;
    }
  }
  if (angles !== 0 || depth !== 0) return undefined;
  const last = text.slice(start).trim();
  if (last !== '') items.push(last);
  return items.every((item) => item !== '') ? items : undefined;
}
