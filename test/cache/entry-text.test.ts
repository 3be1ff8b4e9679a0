// A cache entry's text keeps long strings unescaped after a JSON line: it must read
// back as JSON would have given the value, and anything else must read as missing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry } from '../../packages/cli/src/cache/entry-text.js';

/** What the cache gave back before: the value through JSON. */
const throughJson = (value: unknown) => JSON.parse(JSON.stringify({ value })) as { value?: unknown };

// Long strings of code-like text (quotes, backslashes, newlines, wide and astral characters, lone surrogates).
const piece = fc.constantFrom('a', '"', '\\', '\n', '</script>', '\u2028', 'é', '😀', '\ud800', '\udc00', '0', ' ');
const longString = fc.array(piece, { minLength: 0, maxLength: 40 }).map((parts) => parts.join('').repeat(60));
const key = fc.oneof(fc.constantFrom('__proto__', 'toString', 'value', '0', '1', 'code', ''), fc.string({ maxLength: 4 }));
const data: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    longString,
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [name, child] of entries) Object.defineProperty(object, name, { value: child, enumerable: true, writable: true, configurable: true });
    return object;
  }),
})).value;

function longStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 1024 && !/[\ud800-\udfff]/.test(value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')) ? [value] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(longStrings);
}

describe('cache entry text', () => {
  it('reads back what JSON gave back, for any data with long strings anywhere', () => {
    fc.assert(
      fc.property(data, (value) => {
        const decoded = decodeEntry(encodeEntry(value));
        expect(decoded).toStrictEqual(throughJson(value));
        // Own "__proto__" keys stay own data, as JSON.parse makes them.
        expect(JSON.stringify(decoded?.value)).toBe(JSON.stringify(value));
        // Every long well-formed string, quotes and backslashes included, is left out of the JSON line.
        const text = encodeEntry(value);
        expect(longStrings(JSON.parse(text.slice(0, text.indexOf('\n'))))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a long well-formed string out of the JSON line, unescaped, and a lone surrogate in it', () => {
    const code = 'const a = "x\\n";\n'.repeat(100);
    const text = encodeEntry({ parts: [{ code }], name: 'n' });
    expect(text).toBe(`${JSON.stringify([{ parts: [{ code: 0 }], name: 'n' }, [[['parts', 0, 'code'], code.length]]])}\n${code}`);
    const lone = `${'x'.repeat(2000)}\ud800`;
    expect(encodeEntry(lone)).toBe(`${JSON.stringify([lone, []])}\n`);
    expect(decodeEntry(encodeEntry(code))).toEqual({ value: code });
    // A value without a long string is its JSON, whole; a long one of quotes and backslashes is left out.
    expect(encodeEntry({ a: ['x'.repeat(1023)], b: 'say "hi"' })).toBe(`${JSON.stringify([{ a: ['x'.repeat(1023)], b: 'say "hi"' }, []])}\n`);
    expect(encodeEntry('\\"'.repeat(600))).toBe(`${JSON.stringify([0, [[[], 1200]]])}\n${'\\"'.repeat(600)}`);
  });

  it('reads an undefined value, an older entry, a truncated or extended one, or a misplaced string as missing', () => {
    expect(decodeEntry(encodeEntry(undefined))).toBeUndefined();
    expect(decodeEntry('{"value":"old format"}')).toBeUndefined();
    const code = 'x'.repeat(3000);
    const text = encodeEntry({ code, list: [code] });
    expect(decodeEntry(text)).toEqual({ value: { code, list: [code] } });
    expect(decodeEntry(text.slice(0, -1))).toBeUndefined();
    expect(decodeEntry(`${text}y`)).toBeUndefined();
    expect(decodeEntry(text.slice(0, text.indexOf('\n')))).toBeUndefined();
    // Places that lead nowhere, to a value that was not left out, or twice to the same one.
    expect(decodeEntry(`[{"a":0},[[["b"],1]]]\nx`)).toBeUndefined();
    expect(decodeEntry(`[{"a":1},[[["a"],1]]]\nx`)).toBeUndefined();
    expect(decodeEntry(`[{"a":0},[[["a"],1],[["a"],1]]]\nxy`)).toBeUndefined();
    expect(decodeEntry(`[{"a":0},[[["a"],-1]]]\n`)).toBeUndefined();
    expect(decodeEntry(`[{"a":0},[[["a","b"],1]]]\nx`)).toBeUndefined();
    expect(decodeEntry(`[{"a":0},[[["a"],1]]]\nx`)).toEqual({ value: { a: 'x' } });
  });
});
