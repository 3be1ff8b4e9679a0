// The leak detector the plan fuzzing relies on: it must accept plan text in
// strings and comments and catch it anywhere else.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { markerLeaks } from './plan-text-in-code.js';

const M = '~PLN~';

describe('markerLeaks', () => {
  it('accepts the marker in string literals, plain templates, line, block and doc comments', () => {
    const code = [
      `const a = "x ${M} y";`,
      `const b = 'x ${M}';`,
      `const c = \`${M}\`;`,
      `// ${M}`,
      `/* ${M} */`,
      `/** Doc ${M}\n * @param x ${M} */`,
      `export function f(x: string): void {}`,
      `interface I { "${M} key": string }`,
    ].join('\n');
    expect(markerLeaks('a.ts', code, M)).toEqual([]);
  });

  it('catches the marker in code, in a template with substitutions, and after a comment closed early', () => {
    const code = [
      `const a = 1; ${M}`,
      `const t = \`\${x} ${M}\`;`,
      `/** Closed */ ${M} */`,
      `const s = "ok" + ${M};`,
    ].join('\n');
    const { TildeToken, TemplateTail } = ts.SyntaxKind;
    expect(markerLeaks('a.ts', code, M).map((leak) => leak.kind)).toEqual([TildeToken, TemplateTail, TildeToken, TildeToken]);
  });
});
