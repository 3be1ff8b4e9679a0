// scripts/build-cli.mjs' loadedWhenUsed: in generate.cjs, a package such as js-yaml is evaluated when something
// of it is first used, not when a module importing it is. Bundled here as the build bundles generate.cjs
// (esbuild, iife): every way an importer reaches a package (ESM default, namespace and named imports, TypeScript's
// __importDefault over require) sees the package's own values, and nothing evaluates it before a use.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript build script without declarations
import { LOADED_WHEN_USED, loadedWhenUsed } from '../../scripts/build-cli.mjs';

const requireFromCli = createRequire(new URL('../../packages/cli/package.json', import.meta.url));
const { build } = requireFromCli('esbuild') as typeof import('esbuild');
const work = mkdtempSync(path.join(os.tmpdir(), 'plangen-loaded-when-used-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Bundles `files` (entry: entry.js) as generate.cjs is bundled, with `names` loaded when used; returns the bundle's exports. */
async function bundled(
  names: readonly string[],
  files: Record<string, string>,
  entryRequire: NodeJS.Require,
  root = work,
): Promise<Record<string, () => unknown>> {
  const dir = mkdtempSync(path.join(root, 'case-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const result = await build({
    absWorkingDir: dir,
    entryPoints: ['entry.js'],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'bundle',
    footer: { js: 'return bundle;' },
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    plugins: [loadedWhenUsed(names)],
  });
  const text = result.outputFiles[0]!.text;
  // The build read the package's export names by evaluating it here, in the test's process: not a run's evaluation.
  delete (globalThis as { fakePkgEvaluated?: number }).fakePkgEvaluated;
  expect(text).not.toContain(dir); // no machine's path in the bundle
  return new Function('require', text)(entryRequire) as Record<string, () => unknown>;
}

const FAKE_PACKAGE = {
  'node_modules/fake-pkg/package.json': '{ "name": "fake-pkg", "main": "index.js" }',
  'node_modules/fake-pkg/index.js': [
    'globalThis.fakePkgEvaluated = (globalThis.fakePkgEvaluated ?? 0) + 1;',
    'exports.answer = 42;',
    'exports.thing = { same: true };',
    'exports.load = (text) => `loaded ${text}`;',
  ].join('\n'),
  // A TypeScript-compiled CommonJS importer, as json-schema-to-typescript's utils.js is.
  'lib/ts-style.js': [
    'var __importDefault = (this && this.__importDefault) || function (mod) { return mod && mod.__esModule ? mod : { "default": mod }; };',
    'var fake_1 = __importDefault(require("fake-pkg"));',
    'var fake_2 = require("fake-pkg");',
    'exports.viaDefault = () => fake_1.default.load("x");',
    'exports.viaRequire = () => fake_2.answer;',
  ].join('\n'),
  'entry.js': [
    "import fake from 'fake-pkg';",
    "import * as namespace from 'fake-pkg';",
    "import { thing } from 'fake-pkg';",
    "import * as tsStyle from './lib/ts-style.js';",
    'export const evaluated = () => globalThis.fakePkgEvaluated ?? 0;',
    'export const fromDefault = () => fake.answer;',
    'export const fromNamespace = () => Object.keys(namespace).filter((key) => key !== "default").sort();',
    'export const fromNamed = () => thing;',
    'export const fromTsDefault = () => tsStyle.viaDefault();',
    'export const fromTsRequire = () => tsStyle.viaRequire();',
  ].join('\n'),
};

describe('packages loaded when used (scripts/build-cli.mjs)', () => {
  it('evaluates the package on first use, once, with its own values through every kind of import', async () => {
    const exports = await bundled(['fake-pkg'], FAKE_PACKAGE, require);
    expect(exports.evaluated!()).toBe(0);
    expect(exports.fromTsRequire!()).toBe(42);
    expect(exports.evaluated!()).toBe(1);
    expect(exports.fromTsDefault!()).toBe('loaded x');
    expect(exports.fromDefault!()).toBe(42);
    expect(exports.fromNamespace!()).toEqual(['answer', 'load', 'thing']);
    expect(exports.fromNamed!()).toEqual({ same: true });
    expect(exports.evaluated!()).toBe(1);
  });

  it('without the package named, it is evaluated with its importer, as before', async () => {
    const exports = await bundled([], FAKE_PACKAGE, require);
    expect(exports.evaluated!()).toBe(1);
    expect(exports.fromTsDefault!()).toBe('loaded x');
  });

  it('gives the real yaml package: the same export names and values, and the same parse', async () => {
    expect(LOADED_WHEN_USED).toEqual(['js-yaml', 'yaml']);
    // Under packages/cli, so that the build and the shim resolve `yaml` as src/load/ does.
    const cliDir = path.dirname(requireFromCli.resolve('./package.json'));
    const caseRoot = mkdtempSync(path.join(cliDir, 'node_modules', '.plangen-loaded-when-used-'));
    try {
      const real = requireFromCli('yaml') as Record<string, unknown>;
      const exports = await bundled(
        LOADED_WHEN_USED,
        {
          'entry.js': [
            "import * as yaml from 'yaml';",
            "import { parse } from 'yaml';",
            'export const yamlExports = () => ({ ...yaml });',
            "export const parsed = () => [parse('a: [1, b]'), yaml.stringify({ a: [1, 'b'] })];",
          ].join('\n'),
        },
        requireFromCli,
        caseRoot,
      );
      const seen = exports.yamlExports!() as Record<string, unknown>;
      const { default: _default, ...named } = seen;
      expect(Object.keys(named).sort()).toEqual(Object.keys(real).sort());
      // The bundle holds its own copy of the package: the same functions by name.
      for (const key of Object.keys(real)) expect(typeof named[key], key).toBe(typeof real[key]);
      expect(exports.parsed!()).toEqual([{ a: [1, 'b'] }, 'a:\n  - 1\n  - b\n']);
    } finally {
      rmSync(caseRoot, { recursive: true, force: true });
    }
  });
});
