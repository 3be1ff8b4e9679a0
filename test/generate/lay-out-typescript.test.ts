// The index files are laid out by lay-out-typescript.ts instead of prettier. It may change
// whitespace and add the trailing commas of the groups it breaks, nothing else; its output
// is a fixed point; and every code line of the goldens fits in 120 characters unless it cannot break.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layOutTypeScript } from '../../packages/cli/src/generate/lay-out-typescript.js';
import { GOLDEN_CASES, readGolden } from './golden-cases.js';

/** The code with whitespace removed and a comma before a closing bracket dropped: what the layout must keep. */
function tokens(code: string): string {
  return code.replace(/\s+/g, '').replace(/,([)\]}])/g, '$1');
}

const goldenIndexFiles = GOLDEN_CASES.flatMap(({ out }) =>
  Object.entries(readGolden(out))
    .filter(([name]) => /^index\.(ts|js|d\.ts)$/.test(name))
    .map(([name, content]) => ({ name: `${out}/${name}`, content })),
);

describe('layOutTypeScript', () => {
  it('indents by unclosed brackets, one level per line, closing lines at their opener', () => {
    const source = ['export type A = ({', '"a"?: ({', '"b": [string, number]', '} | null)', '} | null)', 'function f() {', 'g({', 'x: 1', '});', '}'].join('\n');
    expect(layOutTypeScript(source)).toBe(
      ['export type A = ({', '  "a"?: ({', '    "b": [string, number]', '  } | null)', '} | null)', 'function f() {', '  g({', '    x: 1', '  });', '}', ''].join('\n'),
    );
  });

  it('prints an empty object type as {} and keeps one blank line at most, none inside brackets', () => {
    expect(layOutTypeScript('export interface A {\n\n}\n\n\n\ntype B = ({\n\n} | null)\nexport interface C {\n\na: 1\n\n}\n')).toBe(
      'export interface A {}\n\ntype B = ({} | null)\nexport interface C {\n  a: 1\n}\n',
    );
  });

  it('re-indents JSDoc lines under their code and leaves brackets in comments and strings alone', () => {
    const source = 'interface A {\n/**\n * a { ( [ unclosed\n */\n"a{": "}"\n// b {\nc: \'(\'\n}\n';
    expect(layOutTypeScript(source)).toBe('interface A {\n  /**\n   * a { ( [ unclosed\n   */\n  "a{": "}"\n  // b {\n  c: \'(\'\n}\n');
  });

  it('breaks a long line at the first bracket group with top-level commas, with trailing commas', () => {
    const params = 'properties?: OrderCompletedPropertiesWithAVeryLongName, options?: TrackOptions, callback?: Callback';
    expect(layOutTypeScript(`export function trackOrderCompletedWithAVeryLongName(${params}): void {\nrun();\n}`)).toBe(
      [
        'export function trackOrderCompletedWithAVeryLongName(',
        '  properties?: OrderCompletedPropertiesWithAVeryLongName,',
        '  options?: TrackOptions,',
        '  callback?: Callback,',
        '): void {',
        '  run();',
        '}',
        '',
      ].join('\n'),
    );
    const spec = `const A_SPEC: EventSpec = { event: "a, (b) \\"c, d\\"", version: 1, validate: validateOrderCompletedWithAVeryLongNameV1AndMore };`;
    expect(layOutTypeScript(spec)).toBe(
      'const A_SPEC: EventSpec = {\n  event: "a, (b) \\"c, d\\"",\n  version: 1,\n  validate: validateOrderCompletedWithAVeryLongNameV1AndMore,\n};\n',
    );
  });

  it('never breaks a parenthesized expression, where a trailing comma is a syntax error', () => {
    // TypeScript's CommonJS emit calls imports as (0, f)(...); keywords take an expression, not arguments.
    const call = `exports.trackOrderCompleted = (0, runtime_1.createTrackWrapperWithAVeryLongNameIndeed)(spec, runtime, "an argument that makes the line long");`;
    expect(layOutTypeScript(call)).toBe(
      'exports.trackOrderCompleted = (0, runtime_1.createTrackWrapperWithAVeryLongNameIndeed)(\n  spec,\n  runtime,\n  "an argument that makes the line long",\n);\n',
    );
    const guarded = `if (firstConditionWithAVeryLongNameForTheTest, secondConditionWithAVeryLongNameForTheTest, third) run();`;
    expect(layOutTypeScript(guarded)).toBe(`${guarded}\n`);
  });

  it('never splits inside type arguments, and gives a rest parameter no trailing comma', () => {
    const line = `export function track(first: Record<string, unknown>, second: Map<string, Array<number>>, ...rest: readonly unknown[]): void {}`;
    expect(layOutTypeScript(line)).toBe(
      'export function track(\n  first: Record<string, unknown>,\n  second: Map<string, Array<number>>,\n  ...rest: readonly unknown[]\n): void {}\n',
    );
    const arrow = `type Handler = (violation: Violation<string, number>) => void; const x = f(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb);`;
    expect(layOutTypeScript(arrow)).toBe(
      'type Handler = (violation: Violation<string, number>) => void; const x = f(\n  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,\n  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,\n);\n',
    );
  });

  it('leaves a long comment or a line without a group to break as it is', () => {
    const comment = `/**\n * ${'word '.repeat(40).trim()}\n */\ntype U = ${Array.from({ length: 30 }, (_, index) => `"value${index}"`).join(' | ')}\n`;
    expect(layOutTypeScript(comment)).toBe(comment);
  });

  it.each(goldenIndexFiles)('keeps every token of $name, is a fixed point on it, and keeps code lines within 120 characters', ({ content }) => {
    const laidOut = layOutTypeScript(content);
    expect(tokens(laidOut)).toBe(tokens(content));
    expect(layOutTypeScript(laidOut)).toBe(laidOut);
    const breakable = laidOut.split('\n').filter((line) => line.length > 120 && !/^\s*(\*|\/\/|\/\*)/.test(line) && /,/.test(line.replace(/"(?:[^"\\]|\\.)*"/g, '')));
    expect(breakable).toEqual([]);
  });

  it('keeps the tokens of any text and is a fixed point (random code-like text)', () => {
    const piece = fc.constantFrom('{', '}', '(', ')', '[', ']', ',', ' ', '\n', 'a', ': ', '"s,(}"', "'q'", '<T, U>', ' => ', '/* c { */', '// x (\n', '...r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 0, max: 80 }), (pieces, width) => {
        const source = `${'x'.repeat(width)}${pieces.join('')}`;
        const laidOut = layOutTypeScript(source);
        expect(tokens(laidOut)).toBe(tokens(source));
      }),
      { numRuns: 300 },
    );
  });
});

