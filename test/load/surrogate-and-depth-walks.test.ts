// The load walks every string for lone surrogates only when the text holds a
// surrogate or an escape that writes one (check-unicode.ts mayHoldSurrogate),
// and walks a JSON plan's data for depth not at all (its text was measured and
// JSON has no aliases): the errors are the very ones the walks give.
import { describe, expect, it } from 'vitest';
import { mayHoldSurrogate } from '../../packages/cli/src/load/check-unicode.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';

const plan = (name: string) => `{"name":"x","events":{"${name}":{"properties":{"p":{"type":"string","description":"d"}}}}}`;

function loadError(text: string, file: string): string {
  try {
    loadPlanText(text, file, { onWarning: () => undefined });
  } catch (error) {
    return (error as Error).message;
  }
  return 'loaded';
}

describe('the lone-surrogate walk', () => {
  it('runs for every way a plan text can write a surrogate, and reports the lone one where it is', () => {
    expect(loadError(plan('A\\ud83d'), 'plan.json')).toBe(
      'plan.json:1:23: the key "A\\ud83d" is not valid Unicode: it holds a lone surrogate (half of a UTF-16 pair). Write the whole character (both halves of the pair) or remove the half.',
    );
    expect(loadError(plan('A\\uDE00'), 'plan.json')).toMatch(/^plan\.json:1:23: the key "A\\ude00" is not valid Unicode/);
    expect(loadError(plan('A\ud83d'), 'plan.json')).toMatch(/^plan\.json:1:23: the key "A\\ud83d" is not valid Unicode/); // raw, as a string holds it
    expect(loadError('name: x\nevents:\n  "A\\U0000D83D":\n    properties: {}\n', 'plan.yaml')).toMatch(/^plan\.yaml:3:3: the key "A\\ud83d" is not valid Unicode/);
    expect(loadError('name: x\nevents:\n  A:\n    description: "d\\ud83d"\n    properties: {}\n', 'plan.yaml')).toMatch(/^plan\.yaml:4:18: the text "d\\ud83d" is not valid Unicode/);
  });

  it('a whole pair, written or escaped, loads', () => {
    expect(loadError(plan('A \\ud83d\\ude00'), 'plan.json')).toBe('loaded');
    expect(loadError(plan('A 😀'), 'plan.json')).toBe('loaded');
  });

  it('is skipped only for texts without a surrogate or an escape of one', () => {
    expect(mayHoldSurrogate(plan('A'))).toBe(false);
    expect(mayHoldSurrogate(plan('A \\u00e9 \\u2028 \\ue000'))).toBe(false);
    for (const text of ['\\ud800', '\\uDBFF', '\\udc00', '\\uDFFF', '\\U0000d800', '\ud800', '\udfff', '😀']) expect(mayHoldSurrogate(plan(text))).toBe(true);
  });
});
