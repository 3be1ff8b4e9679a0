// The bundled CLI loads only what a command needs (issue 15): every module file a run loads is
// logged by a module hook, and each loaded file of dist/bundle/ is mapped to the packages it
// was bundled from through its source map. `--version` loads no package, `--help` none of the heavy
// packages; `inspect` reads the plan (so ajv checks it) but never loads the type emitter, the
// templates or a formatter; a development generate loads them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt, root } from './workspace.js';

const BIN = path.join(root, 'packages/cli/bin/plangen.js');
const PLAN = path.join(root, 'fixtures/typewriter-public-api-reference-plan/plan.json');
const HEAVY = ['ajv', 'prettier', 'json-schema-to-typescript', 'handlebars', 'typescript'];

describe('what each command of the bundled CLI loads', () => {
  let dir = '';
  beforeAll(() => {
    requireBuilt();
    if (!existsSync(path.join(root, 'packages/cli/dist/bundle/cli.js'))) throw new Error('packages/cli/dist/bundle is missing: run `pnpm build`');
    dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-loading-'));
    // Runs in the loader's own thread: it can only write down what it is asked to load.
    writeFileSync(
      path.join(dir, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(process.env.PLANGEN_LOADED_LOG, `${url}\\n`);\n  return next(url, context);\n}\n",
    );
    writeFileSync(path.join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister(new URL('./hooks.mjs', import.meta.url));\n");
    // The generate command's bundle is no module Node loads: the bin reads it and compiles it with V8's code
    // cache (fast-path/code-cached-bundle.ts). Reading it is loading it.
    writeFileSync(
      path.join(dir, 'log-bundles.cjs'),
      "const fs = require('node:fs');\nconst { pathToFileURL } = require('node:url');\nconst read = fs.readFileSync;\n" +
        'fs.readFileSync = function (file, ...rest) {\n' +
        "  if (typeof file === 'string' && /[\\\\/]dist[\\\\/]bundle[\\\\/][^\\\\/]+\\.cjs$/.test(file)) fs.appendFileSync(process.env.PLANGEN_LOADED_LOG, `${pathToFileURL(file).href}\\n`);\n" +
        '  return read.call(this, file, ...rest);\n};\n',
    );
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "app" }\n');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The files whose code the run loaded: files it loaded, and the sources of the bundle files among them. */
  function loadedSources(...args: string[]): string[] {
    const log = path.join(dir, `loaded-${args[0]}.log`);
    rmSync(log, { force: true });
    const result = spawnSync(process.execPath, ['--require', path.join(dir, 'log-bundles.cjs'), '--import', pathToFileURL(path.join(dir, 'register.mjs')).href, BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PLANGEN_LOADED_LOG: log },
    });
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    return readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .flatMap((url) => {
        const file = fileURLToPath(url);
        return existsSync(`${file}.map`) ? (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources : [file];
      })
      .map((source) => source.split(path.sep).join('/'));
  }

  function packagesOf(sources: readonly string[]): Set<string> {
    const packages = new Set<string>();
    for (const source of sources) {
      const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(source);
      if (match) packages.add(match[1]!);
    }
    return packages;
  }

  /** ajv's compiler (its core, code generation, keyword vocabularies) and ajv-formats, among the loaded sources. */
  function ajvCompiler(sources: readonly string[]): string[] {
    return sources.filter((source) => /\/ajv\/(dist|lib)\/(?!runtime\/)|\/ajv-formats\//.test(source));
  }

  function loadedPackages(...args: string[]): Set<string> {
    return packagesOf(loadedSources(...args));
  }

  it('--version loads no package at all (the first step answers it), and --help none of ajv, prettier, json-schema-to-typescript, handlebars, typescript', () => {
    const version = loadedSources('--version');
    expect(version.some((source) => source.endsWith('/src/fast-path/first-step.ts'))).toBe(true);
    expect([...packagesOf(version)]).toEqual([]);
    const help = loadedPackages('--help');
    expect(help).toContain('yargs');
    expect(HEAVY.filter((name) => help.has(name))).toEqual([]);
  });

  it('inspect loads no ajv compiler, type emitter, template engine or formatter', () => {
    const sources = loadedSources('inspect', PLAN);
    const loaded = packagesOf(sources);
    expect(['prettier', 'json-schema-to-typescript', 'handlebars', 'typescript'].filter((name) => loaded.has(name))).toEqual([]);
    // The plan's checks ran, precompiled by ajv standalone: they need ajv's small runtime helpers, never its compiler.
    expect(sources.some((source) => source.endsWith('/src/load/precompiled/plan-checks.ts'))).toBe(true);
    expect(ajvCompiler(sources)).toEqual([]);
  });

  it('lint and diff load no ajv compiler either', () => {
    const diff = (name: string) => path.join(root, 'fixtures/diff', name);
    for (const args of [['lint', path.join(root, 'fixtures/lint/clean/plan.yaml')], ['diff', diff('before.yaml'), diff('new-version.yaml')]]) {
      const sources = loadedSources(...args);
      expect(sources.some((source) => source.endsWith('/src/load/precompiled/plan-checks.ts')), args[0]).toBe(true);
      expect(ajvCompiler(sources), args[0]).toEqual([]);
    }
  });

  it("a development generate loads the type emitter and handlebars' runtime, but not its compiler, prettier or typescript", () => {
    const sources = loadedSources('generate', '--plan', PLAN, '--out', path.join(dir, 'sdk'), '--no-cache');
    const loaded = packagesOf(sources);
    expect(loaded).toContain('json-schema-to-typescript');
    expect(sources.some((source) => /\/handlebars\/(lib|dist\/cjs)\/handlebars\.runtime\.js$/.test(source))).toBe(true);
    expect(sources.filter((source) => source.includes('/handlebars/compiler/'))).toEqual([]);
    expect(['prettier', 'typescript'].filter((name) => loaded.has(name))).toEqual([]);
  });

  it('a generate whose arguments the bin understands runs without yargs; anything else still loads it', () => {
    const sdk = path.join(dir, 'sdk-direct');
    for (const args of [['--plan', PLAN, '--out', sdk, '--no-cache'], ['generate', '--plan', PLAN, '--out', sdk, '--mode', 'production']]) {
      const loaded = loadedPackages(...args);
      expect(loaded, args.join(' ')).toContain('json-schema-to-typescript');
      expect(loaded.has('yargs'), args.join(' ')).toBe(false);
    }
    // yargs reads `--cache=false` (and words every usage error); the direct path leaves such lists to it.
    expect(loadedPackages('generate', '--plan', PLAN, '--out', sdk, '--cache=false')).toContain('yargs');
  });
});
