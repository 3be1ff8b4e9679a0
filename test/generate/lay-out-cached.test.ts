// index.ts laid out in cached pieces (lay-out-typescript.ts): the same bytes as one pass,
// whatever state (open brackets, a block comment) crosses a piece's edge; and after one
// line changed, only the piece holding it is laid out again.
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { layOutTypeScript } from '../../packages/cli/src/generate/lay-out-typescript.js';
import type { StageCache } from '../../packages/cli/src/generate/stage-cache.js';
import { GOLDEN_CASES, readGolden } from './golden-cases.js';

/** Over 3,000 lines: interfaces (blank lines between), one namespace open across pieces, a comment spanning an edge. */
function bigSource(changed: number | undefined): string {
  const lines: string[] = ['export namespace Big {'];
  for (let index = 0; index < 400; index++) {
    lines.push(`export interface Event${index} {`, `a${index}: string;`, `b: { c: [number, ${index === changed ? '"changed"' : 'string'}] } | null;`);
    if (index % 97 === 0) lines.push('/*', ...Array.from({ length: 1200 }, (_, line) => (line % 300 === 0 ? '' : `* comment line ${line} ( [ {`)), '*/');
    lines.push(`call(${Array.from({ length: 30 }, (_, arg) => `argument${arg}`).join(', ')});`, '}', '', '');
  }
  lines.push('}');
  return lines.join('\n');
}

function counting(cache: StageCache) {
  let computed = 0;
  const spy: StageCache = { memo: cache.memo.bind(cache), get: cache.get.bind(cache), set: (kind, input, value) => (computed++, cache.set(kind, input, value)) };
  return { spy, computed: () => computed };
}

describe('layOutTypeScript with a cache', () => {
  it('prints what one pass prints, cold and warm, for every golden index file and a large file', () => {
    const sources = [bigSource(undefined), ...GOLDEN_CASES.flatMap(({ out }) => Object.entries(readGolden(out)).filter(([name]) => /^index\./.test(name)).map(([, content]) => content))];
    const cache = new LayeredCache('plangen@test lay-out-cached', undefined);
    for (const source of sources) {
      const uncached = layOutTypeScript(source);
      // Compared as booleans: a diff of two 100 KB texts takes vitest minutes to print.
      expect(layOutTypeScript(source, cache) === uncached, 'cold').toBe(true);
      expect(layOutTypeScript(source, cache) === uncached, 'warm').toBe(true);
    }
  });

  it('lays out again only the piece that holds a changed line', () => {
    const cache = new LayeredCache('plangen@test lay-out-cached-change', undefined);
    const first = counting(cache);
    layOutTypeScript(bigSource(undefined), first.spy);
    expect(first.computed()).toBeGreaterThan(3);
    const second = counting(cache);
    const warm = layOutTypeScript(bigSource(200), second.spy);
    expect(second.computed()).toBe(1);
    expect(warm === layOutTypeScript(bigSource(200))).toBe(true);
  });

  it('cuts a types block without blank lines into pieces, and lays out one piece again after a line is inserted', () => {
    // As json-schema-to-typescript prints the types: no blank line between declarations.
    const types = (added: number | undefined) =>
      Array.from({ length: 2000 }, (_, index) => [
        '/**',
        ` * Properties of "Event ${index}".`,
        ' */',
        `export interface Event${index}Properties {`,
        'id: string;',
        ...(index === added ? ['added?: string;'] : []),
        `nested?: { count: number, names: [string, string] };`,
        '}',
      ]).flat().join('\n');
    const cache = new LayeredCache('plangen@test lay-out-cached-types', undefined);
    const first = counting(cache);
    expect(layOutTypeScript(types(undefined), first.spy) === layOutTypeScript(types(undefined))).toBe(true);
    expect(first.computed()).toBeGreaterThan(10);
    const second = counting(cache);
    expect(layOutTypeScript(types(1000), second.spy) === layOutTypeScript(types(1000))).toBe(true);
    expect(second.computed()).toBeLessThanOrEqual(2); // its piece, and the next one when the cut before it moved
  });
});
