// The bundled CLI renders with templates precompiled at build time (scripts/build-cli.mjs:
// handlebars.precompile with template-options.ts's options, then handlebars/runtime's template());
// the sources compile them at run time. Both must print the same bytes and keep strict and noEscape.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATE_OPTIONS } from '../../packages/cli/src/generate/options.js';
import { compileTemplate } from '../../packages/cli/src/generate/render.js';
import { COMPILE_OPTIONS, TEMPLATE_NAMES } from '../../packages/cli/src/generate/template-options.js';
import { buildSdkView } from '../../packages/cli/src/generate/view-model.js';
import { miniShop } from './hand-model.js';

const requireFromCli = createRequire(new URL('../../packages/cli/package.json', import.meta.url));
// The runtime the bundle imports (render.ts: `handlebars/runtime`), without the compiler.
const runtime = requireFromCli('handlebars/runtime') as typeof import('handlebars/runtime');

/** What the build does: the spec as JavaScript source text, evaluated by the bundle's module. */
function precompiled(name: string): (view: object) => string {
  const { precompile } = requireFromCli('handlebars') as typeof import('handlebars');
  const source = readFileSync(new URL(`../../templates/${name}`, import.meta.url), 'utf8');
  const spec = new Function(`return ${precompile(source, COMPILE_OPTIONS) as unknown as string};`)() as Parameters<typeof runtime.template>[0];
  return runtime.template(spec);
}

describe('templates precompiled at build time', () => {
  it('the template list names every file of templates/', () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual(
      requireFromCli('node:fs')
        .readdirSync(new URL('../../templates/', import.meta.url))
        .filter((file: string) => file.endsWith('.hbs'))
        .sort(),
    );
  });

  it('print what the run-time compiled template prints, for every client and mode', () => {
    for (const client of ['analytics-next', 'analytics-node', 'generic'] as const) {
      for (const mode of ['development', 'production'] as const) {
        const view = buildSdkView(miniShop(), { ...DEFAULT_GENERATE_OPTIONS, client, mode }, 'export interface Placeholder { a: "<&>" }');
        const text = precompiled('sdk.ts.hbs')(view);
        expect(text).toBe(compileTemplate('sdk.ts.hbs')(view));
        expect(text).toContain('export interface Placeholder { a: "<&>" }');
      }
    }
  });

  it('stay strict: a key the view lacks throws', () => {
    const { coreImportList, ...rest } = buildSdkView(miniShop(), DEFAULT_GENERATE_OPTIONS, '');
    expect(coreImportList).not.toBe('');
    expect(() => precompiled('sdk.ts.hbs')({ ...rest, coreImportLis: coreImportList })).toThrow(/"coreImportList" not defined/);
  });
});
