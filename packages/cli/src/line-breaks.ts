// Plan text may hold characters that end a line where no reader expects one: U+2028 and U+2029,
// which JSON.stringify leaves raw (JavaScript before ES2019, terminals and log viewers break lines
// on them), and, in a one-line message, \n and \r. Each is written as its \uXXXX escape, which
// reads the same inside a JSON string or a JavaScript string literal and keeps a message on one line.
// The one spelling of that escape: generate/escape.ts (code), messages/quote.ts (error messages) and
// the inspect text build on it. A leaf, so every stage may import it.

const LINE_SEPARATORS = /[\u2028\u2029]/g;
const LINE_BREAKS = /[\n\r\u2028\u2029]/g;

/** U+2028/U+2029 as `\u2028`/`\u2029`: what JSON.stringify leaves raw. */
export function escapeLineSeparators(text: string): string {
  return text.replace(LINE_SEPARATORS, unicodeEscape);
}

/** Every character that ends a line (\n, \r, U+2028, U+2029) as its `\uXXXX` escape. */
export function escapeLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, unicodeEscape);
}

/** `\n` -> `\u000a`: four hex digits, as JSON and JavaScript read them. */
export function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The offset at which each line of `text` starts, for positionAt. Lines end at \n (so \r\n too);
 * with `loneCarriageReturns`, also at a \r alone, as spreadsheets of old Macs write them.
 */
export function lineStarts(text: string, loneCarriageReturns = false): number[] {
  const starts = [0];
  if (!loneCarriageReturns) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    return starts;
  }
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) starts.push(index + 1);
  }
  return starts;
}

/** The 1-based line and column of `offset`, by binary search over lineStarts' result. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
