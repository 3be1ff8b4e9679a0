// readJson takes JSON.parse's data when its counts say nothing is wrong (json-source.ts parseValid): a
// repeated key or an overflowing number must still be found and located, wherever strings with colons,
// quotes and backslashes could throw a count off.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../packages/cli/src/load/json-source.js';
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
