// Before regex literals are made (last), every string in ajv's code is a JSON string. A rewrite that
// matches these first, and keeps them as they are, only ever changes code, never plan data.
export const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;

/**
 * Where the JSON strings of `code` are, as a global scan of JSON_STRING finds them from the start: a
 * `"` that opens no string (no closing `"`, or a `\` before a line break or at the end) is skipped.
 * Flat pairs of offsets, `[start, end, start, end, ...]`, end after the closing `"`. Found with
 * indexOf: scanning ~7 MB with the regex for its strings' ~150,000 matches took twice as long.
 */
export function stringSpans(code: string): number[] {
  const spans: number[] = [];
  // The next `\` at or after the string being read; -1 once there is none. Kept from string to string,
  // or each would search to the next backslash, however far.
  let backslash = code.indexOf('\\');
  for (let open = code.indexOf('"'); open !== -1; ) {
    let at = open + 1;
    let end = -1;
    for (;;) {
      const quote = code.indexOf('"', at);
      if (quote === -1) break;
      if (backslash !== -1 && backslash < at) backslash = code.indexOf('\\', at);
      if (backslash === -1 || backslash > quote) {
        end = quote + 1;
        break;
      }
      // `\` escapes any character but a line break (the regex's `.`).
      if (backslash + 1 >= code.length || isLineBreak(code.charCodeAt(backslash + 1))) break;
      at = backslash + 2;
    }
    if (end === -1) {
      // The scan goes back to just after this `"`: the next `\` is looked for from there again.
      open = code.indexOf('"', open + 1);
      backslash = code.indexOf('\\', open + 1);
      continue;
    }
    spans.push(open, end);
    open = code.indexOf('"', end);
  }
  return spans;
}

const isLineBreak = (char: number): boolean => char === 10 || char === 13 || char === 0x2028 || char === 0x2029;

/**
 * The matches of `token` (a global regex) outside the strings of `spans` (stringSpans of `code`): what a scan
 * of `${JSON_STRING}|token` matches with token. A token must start with no `"` and hold only whole strings
 * (or be the last one read: past a token that ends inside a string the two scans part).
 */
export function* tokensOutsideStrings(code: string, spans: readonly number[], token: RegExp): Generator<RegExpExecArray> {
  // A copy: the caller's regex keeps no position between calls.
  const scan = new RegExp(token.source, token.flags);
  let span = 0;
  for (let match = scan.exec(code); match !== null; match = scan.exec(code)) {
    const start = match.index;
    while (span < spans.length && spans[span + 1]! <= start) span += 2;
    if (span < spans.length && spans[span]! <= start) {
      scan.lastIndex = spans[span + 1]!;
      continue;
    }
    yield match;
    // An empty match would be found again at the same place.
    if (match[0] === '') scan.lastIndex++;
  }
}

/**
 * `code` with each token outside the strings of `spans` replaced by what `replace` returns for it: what
 * `code.replace` with `${JSON_STRING}|token` does when it keeps every string as it is. Tokens as for
 * tokensOutsideStrings, never empty.
 */
export function replaceOutsideStrings(code: string, spans: readonly number[], token: RegExp, replace: (match: RegExpExecArray) => string): string {
  const pieces: string[] = [];
  let at = 0;
  for (const match of tokensOutsideStrings(code, spans, token)) {
    pieces.push(code.slice(at, match.index), replace(match));
    at = match.index + match[0].length;
  }
  pieces.push(code.slice(at));
  return pieces.join('');
}
