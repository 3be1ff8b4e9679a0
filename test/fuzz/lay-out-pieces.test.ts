// index files laid out in cached pieces (lay-out-typescript.ts) are the bytes of
// one pass, on random files of thousands of lines built from the lines the
// layout treats specially at a piece's edge (blank and closing lines, empty
// braces, block comments, long lines, indented and odd whitespace; with and without `export` lines), cold, warm,
// and warm after random edits (lines inserted, removed, replaced).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { layOutTypeScript } from '../../packages/cli/src/generate/lay-out-typescript.js';
import { fuzzParameters } from './runs.js';

const LINES = [
  '',
  '',
  '   ',
  '\u00a0',
  'export interface Event {',
  'export type Alias = string;',
  '  export interface Indented {',
  '\u00a0export interface OddSpace {',
  'export const SPEC = { a: 1, b: [2, 3] };',
  'export function track(properties: Properties, options?: TrackOptions, callback?: Callback): void {',
  'export namespace Outer {',
  '{',
  '}',
  '};',
  '})',
  '],',
  ')',
  'name: string;',
  'nested: { inner: [number, string] } | null;',
  '/**',
  ' * A comment with brackets ( [ { and export inside.',
  'export in a comment line',
  ' */',
  '/*',
  '*/',
  '// a line comment {',
  'const text = "a string with } and {";',
  `call(${Array.from({ length: 24 }, (_, index) => `argument${index}`).join(', ')});`,
];

const source = fc.oneof(
  fc.array(fc.constantFrom(...LINES), { minLength: 1200, maxLength: 3000 }),
  // No `export` line: pieces are cut only past their longest length, after a blank line.
  fc.array(fc.constantFrom(...LINES.filter((line) => !line.includes('export'))), { minLength: 4100, maxLength: 9000 }),
);
// At `at`: insert lines, remove lines, or replace one.
const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'remove', 'replace'), fc.array(fc.nat(LINES.length - 1), { minLength: 1, maxLength: 4 }));

describe('layout in cached pieces on random files', () => {
  it('prints what one pass prints, cold, warm and after edits', () => {
    fc.assert(
      fc.property(source, fc.array(edit, { minLength: 1, maxLength: 4 }), (lines, edits) => {
        const cache = new LayeredCache('plangen@fuzz lay-out-pieces', undefined);
        const text = lines.join('\n');
        const once = layOutTypeScript(text);
        expect(layOutTypeScript(text, cache) === once, 'cold').toBe(true);
        expect(layOutTypeScript(text, cache) === once, 'warm').toBe(true);
        let edited = [...lines];
        for (const [at, kind, indexes] of edits) {
          const index = at % edited.length;
          if (kind === 'insert') edited.splice(index, 0, ...indexes.map((line) => LINES[line]!));
          else if (kind === 'remove') edited.splice(index, indexes.length);
          else edited[index] = LINES[indexes[0]!]!;
          const next = edited.join('\n');
          expect(layOutTypeScript(next, cache) === layOutTypeScript(next), 'after an edit').toBe(true);
        }
      }),
      // Shrinking files of thousands of lines takes minutes: the first counterexample is reported as found.
      { ...fuzzParameters(40), endOnFailure: true },
    );
  }, 120_000);
});
