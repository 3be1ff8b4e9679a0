// App-code samples against the shop SDK goldens, compiled with the real TypeScript compiler.
// Zero diagnostics proves the good calls compile and every `@ts-expect-error` is used; with the
// markers removed, each marked line must fail, so each one stands for a real type error.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, typeCheck } from '../generate/compile-in-memory.js';

const SAMPLES = `${REPO_ROOT}test/typecheck/samples/`;
const samples = Object.fromEntries(readdirSync(SAMPLES).sort().map((name) => [name, readFileSync(SAMPLES + name, 'utf8')]));
const MARKER = '// @ts-expect-error';

function markedLines(source: string): number[] {
  return source.split('\n').flatMap((line, index) => (line.trimStart().startsWith(MARKER) ? [index + 2] : []));
}

describe('app-code samples against the generated shop SDK', () => {
  it('compile with zero diagnostics', () => {
    expect(Object.keys(samples)).toEqual(['shop-analytics-next.ts', 'shop-analytics-node.ts', 'shop-generic.ts', 'shop-javascript.ts']);
    expect(typeCheck(samples, SAMPLES)).toEqual([]);
  });

  it('fail on exactly the marked lines once the markers are removed', () => {
    const unmarked = Object.fromEntries(
      Object.entries(samples).map(([name, source]) => [name, source.replaceAll(MARKER, '// expected error')]),
    );
    const failing = new Set(typeCheck(unmarked, SAMPLES).map((diagnostic) => /^(.*?:\d+):/.exec(diagnostic)?.[1]));
    const marked = Object.entries(samples).flatMap(([name, source]) => markedLines(source).map((line) => `test/typecheck/samples/${name}:${line}`));
    expect(marked.length).toBe(20);
    expect([...failing].sort()).toEqual(marked.sort());
  });
});
