// The rewrites' checks find their tokens outside strings from one list of where the strings are
// (code-tokens.ts stringSpans, found with indexOf), instead of scanning `${JSON_STRING}|token` and
// skipping a match for every string. Both must find the same: the strings the regex scan finds, and
// the tokens it finds outside them, on any text, also where a `"` opens no string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSON_STRING, replaceOutsideStrings, stringSpans, tokensOutsideStrings } from '../../packages/cli/src/generate/validators/code-tokens.js';

/** Tokens like the rewrites' (none starts with `"`; some hold whole strings), and one that may be empty. */
const TOKENS = [
  String.raw`(errors\+\+)|(=\s*\{\s*instancePath\b)|(\},propertyName:)`,
  String.raw`(?<![\w$.])(?:const|let|var)\s+schema(\d+)\s*=`,
  String.raw`(Object\.keys\([A-Za-z_$][\w$]*\)\.length\b)|(Object\.keys\()`,
  String.raw`(?<![\w$.])schema(\d+)((?:\.[A-Za-z_$][\w$]*|\[(?:\d+|${JSON_STRING})\])*)`,
  String.raw`k:(${JSON_STRING}),(\{(?:${JSON_STRING}|[^"{}])*\})`,
];
const EMPTY_TOKEN = String.raw`(?<![\w$.])(x*)`;

const PIECES = ['"', '\\', '\\"', '\\\\', '\n', '\r', '\u2028', 'a', ' ', '.', 'errors++', '= {instancePath', '},propertyName:', 'const schema1 =', 'Object.keys(data).length', 'Object.keys(', 'x', 'schema2', '["', '"]', '[0]', 'k:', ',{', '}'];
const code = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

/** What a scan of JSON_STRING alone finds. */
function regexStrings(text: string): number[] {
  return [...text.matchAll(new RegExp(JSON_STRING, 'g'))].flatMap((match) => [match.index, match.index + match[0].length]);
}

/** What the rewrites scanned before: `${JSON_STRING}|(token)`, the matches of the token. */
function regexTokens(text: string, token: string): { index: number; groups: (string | undefined)[] }[] {
  return [...text.matchAll(new RegExp(`${JSON_STRING}|(${token})`, 'g'))]
    .filter((match) => match[1] !== undefined)
    .map((match) => ({ index: match.index, groups: match.slice(2) }));
}

describe('strings and the tokens outside them', () => {
  it('are where the regex scan finds them, on any text', () => {
    fc.assert(
      fc.property(code, (text) => {
        const spans = stringSpans(text);
        expect(spans).toEqual(regexStrings(text));
        for (const token of [...TOKENS, EMPTY_TOKEN]) {
          const found = [...tokensOutsideStrings(text, spans, new RegExp(token, 'g'))].map((match) => ({ index: match.index, groups: match.slice(1) }));
          expect(found).toEqual(regexTokens(text, token));
        }
        for (const token of TOKENS) {
          const replaced = replaceOutsideStrings(text, spans, new RegExp(token, 'g'), (match) => `<${match.slice(1).join('|')}>`);
          const byRegex = text.replace(new RegExp(`${JSON_STRING}|(${token})`, 'g'), (whole: string, found?: string, ...rest: unknown[]) =>
            found === undefined ? whole : `<${rest.slice(0, -2).join('|')}>`,
          );
          expect(replaced).toBe(byRegex);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('skip a quote that opens no string, and escapes, and never read inside a string', () => {
    const text = String.raw`"a\"errors++" errors++ "\\" errors++ "x` + '\\\n errors++ "';
    expect(stringSpans(text)).toEqual([0, 13, 23, 27]);
    // The `"` before `x` opens no string (a `\` before a line break), nor does the last (it never closes).
    expect([...tokensOutsideStrings(text, stringSpans(text), /errors\+\+/g)].map((match) => match.index)).toEqual([14, 28, 42]);
    expect(regexTokens(text, String.raw`errors\+\+`).map(({ index }) => index)).toEqual([14, 28, 42]);
  });

  it('leave the caller\'s regex where it was', () => {
    const token = /b/g;
    expect([...tokensOutsideStrings('b "b" b', stringSpans('b "b" b'), token)].map((match) => match.index)).toEqual([0, 6]);
    expect(token.lastIndex).toBe(0);
  });
});
