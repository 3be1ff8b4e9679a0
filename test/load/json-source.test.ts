// readJson takes JSON.parse's data when its counts say nothing is wrong (json-source.ts parseValid): a
// repeated key or an overflowing number must still be found and located, wherever strings with colons,
// quotes and backslashes could throw a count off.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../packages/cli/src/load/check-depth.js';
import { parseLocated, readJson } from '../../packages/cli/src/load/json-source.js';
import { quote } from '../../packages/cli/src/messages/quote.js';

describe('readJson on valid JSON text', () => {
  it('finds a key written twice among strings holding colons, escaped quotes and backslashes', () => {
    const text = String.raw`{
  "a:b": "x\\",
  "list": [{ "c\":": "d:\\", "e": {} }, { "q": 1, "q": 2 }]
}
`;
    expect(() => readJson(text, 'plan.json')).toThrow('plan.json:3:51: the key "q" is written twice in the same mapping');
  });

  it('finds __proto__ written twice', () => {
    expect(() => readJson('{ "__proto__": 1, "__proto__": 2 }', 'p.json')).toThrow('p.json:1:19: the key "__proto__" is written twice in the same mapping');
  });

  it('finds a number too large inside a list', () => {
    expect(() => readJson('{ "a": [1, 2, -1e999] }', 'p.json')).toThrow('p.json:1:15: the number "-1e999" is too large for a JavaScript number');
  });

  it('reads the data when nothing is wrong, the same key allowed in different mappings', () => {
    const text = '{ "k": { "k": "\\"k\\": 1" }, "l": [{ "k": 1 }, { "k": 2 }], "__proto__": { ":": "::" } }';
    expect(readJson(text, 'p.json').data).toEqual(JSON.parse(text));
  });
});

describe('readJson counts on random JSON', () => {
  // Keys and strings drawn from the characters the count must step over: quotes, backslashes, colons, brackets.
  const text = fc.string({ unit: fc.constantFrom('"', '\\', ':', '{', '}', '[', ']', ',', 'a', ' ', '\n', 'é', '😀'), maxLength: 8 });
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constant(null), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(text, tie('node'), { maxKeys: 3 })),
  })).node;

  it('reads the data of any valid text as JSON.parse does', () => {
    fc.assert(
      fc.property(value, fc.boolean(), (data, pretty) => {
        const written = JSON.stringify({ root: data }, null, pretty ? 2 : undefined);
        expect(readJson(written, 'p.json').data).toEqual(JSON.parse(written));
      }),
    );
  });

  it('finds a key written twice anywhere', () => {
    fc.assert(
      fc.property(fc.dictionary(text, value, { minKeys: 1, maxKeys: 4 }), value, (mapping, extra) => {
        const [key] = Object.keys(mapping);
        // The first key written again at the end of the same mapping.
        const written = `{"list": [${JSON.stringify(mapping).slice(0, -1)}, ${JSON.stringify(key)}: ${JSON.stringify(extra)}}]}`;
        expect(() => readJson(written, 'p.json')).toThrow(`the key ${quote(key!)} is written twice in the same mapping`);
      }),
    );
  });
});

describe('readJson against the scans (parseLocated, the path every doubtful text takes)', () => {
  // Texts near the counts' blind spots: whitespace before colons, colons right after a string's opening quote,
  // escaped quotes, repeated keys, overflowing numbers, nesting around MAX_DEPTH, and text that is not JSON.
  const piece = fc.constantFrom('"', '\\"', '\\\\', ':', ' :', '\t:', ' ', '\n', 'a', '{', '}', '[', ']', ',', '1e999', '0', 'null');
  const key = fc.string({ unit: fc.constantFrom('"', '\\', ':', ' ', 'a', 'b'), maxLength: 4 });
  const json = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      key.map((text) => JSON.stringify(text)),
      fc.constantFrom('1', '-2.5', '1e999', 'true', 'null'),
      fc.array(tie('node'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
      fc
        .array(fc.tuple(key, tie('node'), fc.constantFrom(':', ' : ', '\n:\t', ':  ')), { maxLength: 3 })
        .map((entries) => `{${entries.map(([name, value, colon]) => `${JSON.stringify(name)}${colon}${value}`).join(', ')}}`),
    ),
  })).node;
  const outcome = (read: () => unknown): unknown => {
    try {
      return { data: read() };
    } catch (error) {
      return { error: String(error) };
    }
  };
  const same = (text: string): void => {
    expect(outcome(() => readJson(text, 'p.json').data)).toEqual(outcome(() => parseLocated(text, 'p.json')));
  };

  it('gives the same data or the same located error for structured random text', () => {
    fc.assert(fc.property(json, (text) => {
        same(text);
      }), { numRuns: 500 });
  });

  it('gives the same for random pieces glued together (mostly not JSON)', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        same(`{"a": ${pieces.join('')}}`);
      }), { numRuns: 500 });
  });

  it('gives the same for a key written twice with whitespace before its colon', () => {
    const text = '{ "k" : 1, "l": [":", " :", "\\" :"], "k"\n: 2 }';
    expect(() => readJson(text, 'p.json')).toThrow('p.json:1:38: the key "k" is written twice in the same mapping');
    same(text);
  });

  it('gives the same at and just past the deepest nesting allowed', () => {
    for (const depth of [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1]) {
      same(`${'['.repeat(depth)}${']'.repeat(depth)}`);
      same(`${'{"a":'.repeat(depth - 1)}[]${'}'.repeat(depth - 1)}`);
    }
    expect(() => readJson(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`, 'p.json')).toThrow('p.json:1:129:');
    expect(readJson(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`, 'p.json').data).toBeInstanceOf(Array);
  });
});
