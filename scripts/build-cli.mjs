// Builds the `plangen` package: tsc emits dist/ (the programmatic API, `dist/index.js`
// and its `.d.ts`, module by module), and esbuild bundles the command line into
// dist/bundle/, which bin/plangen.js runs. Loading ~400 small ES modules and
// CommonJS files took about a third of a cold `plangen generate`; the bundle is a
// few files, split so that each command's heavy part is a chunk of its own that
// only that command loads. Templates and the plan-format schema are copied in,
// so a packed `plangen` carries everything it reads at run time.
//
//   node scripts/build-cli.mjs            (from packages/cli, as `pnpm build` runs it)
//   buildCli({ packageDir, outDir })       (bench/lib/build-plangen.mjs, test/cli/bin.test.ts)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeBuildId } from './build-id.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(path.join(REPO, 'packages/cli/package.json'));

/**
 * The bundle's entry points, by output name. Every module that is started as a file of its own
 * (the bin's target, a worker thread) is one; what they share goes into chunks beside them.
 */
export const BUNDLE_ENTRIES = {
  cli: 'src/cli.ts',
};

/**
 * Entries bundled whole, one file each, code shared with the others copied in: the generate command run
 * without yargs (cli/run-generate.ts; a script, generate.cjs, so that the bin compiles it from V8's code
 * cache, fast-path/code-cached-bundle.ts) and the validators' worker thread, which compile-in-parallel.ts
 * and start-compile-worker.ts start as `./compile-worker.cjs` beside the file that holds them: a small
 * CommonJS file (fast-path/code-cached-worker.ts; a thread starts a bit sooner from CommonJS than from
 * ESM) that runs the worker's code, compile-worker-code.cjs, from its code cache too. Each is on the
 * critical path of a cold generation, where every further chunk file cost the ESM loader a resolve, a
 * read, a compile and a link.
 */
export const WHOLE_ENTRIES = { 'compile-worker': 'src/fast-path/code-cached-worker.ts' };
export const CODE_CACHED_ENTRIES = { generate: 'src/cli/run-generate.ts', 'compile-worker-code': 'src/generate/validators/compile-worker.ts' };

/** The typical plan the build runs generate.cjs on, to save the code V8 compiled (recordGenerateCodeCache). */
const CODE_CACHE_PLAN = path.join(REPO, 'fixtures/typewriter-public-api-reference-plan/plan.json');

// Loaded from node_modules at run time, never bundled: typescript (9 MB) loads only for
// `--language js` and TypeScript configs, ts-morph only for the commands that use it.
const EXTERNAL = ['typescript', 'ts-morph'];

/**
 * Builds the package at `packageDir` (default packages/cli) into `outDir` (default `<packageDir>`):
 * `dist/` from tsc, `dist/bundle/` from esbuild, and the copied `templates/` and `schema/`.
 * `tsc: false` skips tsc (the API and declarations), for a bundle alone.
 */
export async function buildCli({ packageDir = path.join(REPO, 'packages/cli'), outDir = packageDir, tsc = true } = {}) {
  // Everything is built beside the live folders and swapped in at the end: tests and benchmarks that run
  // the built CLI meanwhile see the old build or the new one, never a half-written or missing dist/.
  const dist = path.join(outDir, 'dist');
  const staging = path.join(outDir, `.dist-build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let typeErrors;
  if (tsc) {
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(packageDir, 'tsconfig.json'), '--outDir', staging], {
        stdio: 'inherit',
      });
    } catch (error) {
      // tsc emits in spite of type errors: the build still fails, but after making everything else, as tsc alone did.
      typeErrors = error;
    }
  }
  // dist/bundle/ (and its staging copy) sit two folders below the package root: see bundle().
  await bundle(packageDir, path.join(staging, 'bundle'));
  if (tsc) {
    swap(staging, dist);
  } else {
    mkdirSync(dist, { recursive: true });
    swap(path.join(staging, 'bundle'), path.join(dist, 'bundle'));
    rmSync(staging, { recursive: true, force: true });
  }
  for (const folder of ['templates', 'schema']) {
    const copy = `${path.join(outDir, folder)}-build-${process.pid}`;
    cpSync(path.join(REPO, folder), copy, { recursive: true });
    swap(copy, path.join(outDir, folder));
  }
  // Last: it hashes everything above (the nothing-changed fast path and the cache key on it).
  writeBuildId(outDir, EXTERNAL);
  // After the id: the code cache shapes no output, and differs from one build to the next.
  recordGenerateCodeCache(path.join(dist, 'bundle'), packageDir);
  if (typeErrors) throw typeErrors;
}

/**
 * Runs generate.cjs once on a typical plan (in a process of its own, with `packageDir`'s dependencies, as
 * a build elsewhere has no node_modules yet) and saves beside it the code V8 compiled, which the bin then
 * loads instead of compiling (fast-path/code-cached-bundle.ts; this Node's V8 only: another refuses it).
 * The validators' worker thread of that run saves its own, for compile-worker.cjs (code-cached-worker.ts).
 */
function recordGenerateCodeCache(bundleDir, packageDir) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'plangen-code-cache-'));
  try {
    const fastPath = pathToFileURL(path.join(bundleDir, 'fast-path.cjs')).href;
    const script = [
      `import { generateBundle, recordCodeCache, startRecordingCompileWorker } from ${JSON.stringify(fastPath)};`,
      `const args = { plan: ${JSON.stringify(CODE_CACHE_PLAN)}, out: 'sdk', cache: false };`,
      'const worker = startRecordingCompileWorker();',
      'await recordCodeCache(generateBundle(), async ({ runGenerate }) => { if ((await runGenerate(args, worker)) !== 0) process.exitCode = 1; });',
    ].join('\n');
    // A file, not -e: the validators' worker thread inherits the process's flags, and --input-type with them.
    writeFileSync(path.join(work, 'record.mjs'), `${script}\n`);
    execFileSync(process.execPath, ['record.mjs'], {
      cwd: work,
      env: { ...process.env, NODE_PATH: path.join(packageDir, 'node_modules') },
      // Its summary line is no part of the build's output; a failure throws with its stderr.
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
    // A save the worker began when the run ended (code-cached-bundle.ts writes beside, then renames).
    for (const name of readdirSync(bundleDir)) if (name.endsWith('.tmp')) rmSync(path.join(bundleDir, name), { force: true });
  }
  for (const name of Object.keys(CODE_CACHED_ENTRIES)) {
    if (!existsSync(path.join(bundleDir, `${name}.cjs.v8cache`))) throw new Error(`the recording run saved no code cache for ${name}.cjs`);
  }
}

/** Replaces `target` with `built` (a rename: the moment without either is that of one rmSync). */
function swap(built, target) {
  rmSync(target, { recursive: true, force: true });
  renameSync(built, target);
}

/** For a CommonJS or script bundle: the sources' `import.meta.url` (package-relative URLs) is the bundle file's own. */
const OWN_FILE_URL = {
  define: { 'import.meta.url': 'plangenImportMetaUrl' },
  banner: { js: "var plangenImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

async function bundle(packageDir, outdir) {
  const { build, transform } = await import(pathToFileURL(require.resolve('esbuild')).href);
  const shared = {
    absWorkingDir: packageDir,
    outdir,
    // dist/bundle/ is two folders below the package root, as dist/<stage>/ is for tsc's output, so the
    // sources' `new URL('../../package.json', import.meta.url)` (version, templates, schema) hold in both.
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // ESM builds where a package has one (jsonc-parser's UMD main resolves its files at run time).
    mainFields: ['module', 'main'],
    external: EXTERNAL,
    // Bundled CommonJS still calls require() for Node's own modules.
    banner: { js: "import { createRequire as plangenCreateRequire } from 'node:module';const require = plangenCreateRequire(import.meta.url);" },
    plugins: [precompiledTemplates(transform), noFormatterForTypes()],
    // For stack traces and bench/profile-codegen.mjs, which attributes time to the original files.
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    logLevel: 'warning',
  };
  await build({ ...shared, entryPoints: BUNDLE_ENTRIES, chunkNames: 'chunk-[hash]', splitting: true });
  await build({
    ...shared,
    entryPoints: WHOLE_ENTRIES,
    splitting: false,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // Its package-relative URL (the code beside it), from its own file.
    ...OWN_FILE_URL,
    plugins: [...shared.plugins, externalsWhenRequired()],
  });
  await build({
    ...shared,
    entryPoints: CODE_CACHED_ENTRIES,
    splitting: false,
    // A script whose last statement names its exports (code-cached-bundle.ts runs it in a function given
    // require, __filename and __dirname): in a CommonJS module, a package's ESM build that probes for
    // `module` (@jsdevtools/ono) would take the bundle's own module for its.
    format: 'iife',
    globalName: 'plangenBundle',
    footer: { js: 'return plangenBundle;' },
    outExtension: { '.js': '.cjs' },
    // The sources' package-relative URLs, from the bundle's own file (code-cached-bundle.ts passes __filename).
    ...OWN_FILE_URL,
    plugins: [...shared.plugins, externalsWhenRequired(), importThroughHost(), loadedWhenUsed(LOADED_WHEN_USED)],
  });
  for (const name of Object.keys(CODE_CACHED_ENTRIES)) {
    refuseDynamicImports(path.join(outdir, `${name}.cjs`));
    asciiOnly(path.join(outdir, `${name}.cjs`));
  }
  // bin/plangen.js runs it first: the nothing-changed answer (node:* and light modules only). One file of its
  // own, not a dozen chunk files shared with the command line, each loaded before it could answer. CommonJS,
  // as the bin is: Node starts its ESM loader only for a command that loads the full command line (~8 ms).
  await build({
    absWorkingDir: packageDir,
    entryPoints: { 'fast-path': 'src/fast-path/first-step.ts' },
    outdir,
    bundle: true,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    ...OWN_FILE_URL,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
}

/**
 * generate/precompiled-templates.ts holds no templates in the sources (render.ts then compiles the .hbs
 * files); in the bundle it holds them precompiled by handlebars here, so a run loads only handlebars'
 * small runtime and never its compiler. The names and options are template-options.ts's, as render.ts's.
 */
function precompiledTemplates(transform) {
  return {
    name: 'plangen-precompiled-templates',
    setup(build) {
      build.onLoad({ filter: /[\\/]generate[\\/]precompiled-templates\.ts$/ }, async ({ path: file }) => {
        const optionsFile = path.join(path.dirname(file), 'template-options.ts');
        const { code } = await transform(readFileSync(optionsFile, 'utf8'), { loader: 'ts', format: 'esm' });
        const { COMPILE_OPTIONS, TEMPLATE_NAMES } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
        const Handlebars = require('handlebars');
        const specs = TEMPLATE_NAMES.map(
          (name) => `${JSON.stringify(name)}: ${Handlebars.precompile(readFileSync(path.join(REPO, 'templates', name), 'utf8'), COMPILE_OPTIONS)}`,
        );
        return { contents: `export const PRECOMPILED = {\n${specs.join(',\n')}\n};\n`, loader: 'js', watchFiles: [optionsFile] };
      });
    },
  };
}

/**
 * In a bundle without chunks, an external's static import (to-javascript.ts' `import ts from 'typescript'`)
 * would be hoisted to the file's top and load typescript's 9 MB on every run, where the split bundle loads
 * it with the one chunk that needs it. Here it becomes a CommonJS module of the bundle that requires the
 * external, which esbuild evaluates only when the module importing it is first evaluated.
 */
function externalsWhenRequired() {
  const namespace = 'plangen-external-when-required';
  const filter = new RegExp(`^(${EXTERNAL.join('|')})$`);
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter }, ({ path: name, namespace: from }) => (from === namespace ? { path: name, external: true } : { path: name, namespace }));
      build.onLoad({ filter: /.*/, namespace }, ({ path: name }) => ({ contents: `module.exports = require(${JSON.stringify(name)});`, loader: 'js' }));
    },
  };
}

/**
 * A function deserialized from V8's code cache has lost what its `import()` needs (Node 20: "A dynamic import
 * callback was not specified"), and vm's USE_MAIN_CONTEXT_DEFAULT_LOADER prints an experimental warning. So in
 * generate.cjs the two dynamic imports (of a JavaScript config file: cosmiconfig's, and config/loaders.ts' fresh
 * one for --watch) call `plangenImport`, an `import()` in a real module that code-cached-bundle.ts passes in.
 */
const HOST_IMPORTS = [/[\\/]cosmiconfig[\\/]dist[\\/]loaders\.js$/, /[\\/]src[\\/]config[\\/]loaders\.ts$/];

function importThroughHost() {
  return {
    name: 'plangen-import-through-host',
    setup(build) {
      build.onLoad({ filter: /[\\/](loaders\.js|loaders\.ts)$/ }, ({ path: file }) => {
        if (!HOST_IMPORTS.some((pattern) => pattern.test(file))) return undefined;
        const text = readFileSync(file, 'utf8');
        const rewritten = text.replace(/\bawait import\(/g, 'await plangenImport(');
        if (rewritten === text) throw new Error(`${file}: no \`await import(\` left to route through plangenImport; update importThroughHost`);
        return { contents: rewritten, loader: file.endsWith('.ts') ? 'ts' : 'js', resolveDir: path.dirname(file) };
      });
    },
  };
}

/** Fails the build when the code-cached bundle still holds an `import()` (see importThroughHost). */
function refuseDynamicImports(bundle) {
  const left = readFileSync(bundle, 'utf8')
    .split('\n')
    .filter((line) => /(^|[^\w$.])import\(/.test(line));
  if (left.length > 0) throw new Error(`${bundle}: import() would fail from V8's code cache; route it through plangenImport:\n${left.join('\n')}`);
}

/**
 * Escapes what esbuild's ASCII output leaves as written (comments, regex literals: `/[ßæÆ]/` in model/names.ts).
 * One such character makes Node decode the whole 2 MB bundle into a two-byte string: 5-25 ms of every cold start,
 * against 1-2 ms for ASCII. `\uXXXX` means the same character in a regex literal and is plain text in a comment;
 * esbuild has already escaped strings, template literals and identifiers.
 */
function asciiOnly(bundle) {
  const text = readFileSync(bundle, 'utf8');
  const escaped = text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== text) writeFileSync(bundle, escaped);
}

/**
 * json-schema-to-typescript requires prettier at load time for its `format` option, which plangen
 * always turns off (emit-types.ts): in the bundle that require gets a stand-in that refuses to format,
 * so generating the types never loads prettier's 800 KB.
 */
function noFormatterForTypes() {
  return {
    name: 'plangen-no-formatter-for-types',
    setup(build) {
      build.onResolve({ filter: /^prettier$/ }, ({ importer }) =>
        /[\\/]json-schema-to-typescript[\\/]/.test(importer) ? { path: 'prettier', namespace: 'plangen-no-prettier' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'plangen-no-prettier' }, () => ({
        contents:
          "module.exports = { format() { throw new Error('plangen internal error: json-schema-to-typescript was asked to format; emit-types.ts passes format: false'); } };",
        loader: 'js',
      }));
    },
  };
}

/**
 * Packages that generate.cjs evaluates only when something of theirs is used, not when the module importing
 * them is: a JSON plan's generation never reads YAML, but json-schema-to-typescript's utilities and
 * json-schema-ref-parser import js-yaml, and load/ imports yaml, at their top, which evaluated both (~5-10 ms of
 * a cold start) before the validators' batches could be handed out.
 */
export const LOADED_WHEN_USED = ['js-yaml', 'yaml'];

/**
 * Each of `names` becomes, for the modules importing it, an object with a getter for each of the package's
 * exports (read here, from the package each importer resolves) that evaluates the package on first use. So
 * TypeScript's `__importDefault`, esbuild's `__toESM` and a property read at a call site all work unchanged;
 * only evaluation moves. A package with `__esModule` keeps it as a plain value, which those helpers read.
 */
export function loadedWhenUsed(names) {
  const namespace = 'plangen-loaded-when-used';
  const filter = new RegExp(`^(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter }, ({ path: name, namespace: importer, resolveDir, pluginData }) => {
        // The shim's own require of the package, resolved as the importer would have (and not by this callback again).
        if (pluginData?.real === true) return undefined;
        if (importer === namespace) return build.resolve(name, { resolveDir: pluginData.resolveDir, kind: 'require-call', pluginData: { real: true } });
        // One shim per package copy, named by its importer's folder relative to the package (no machine's path in the bundle).
        const from = path.relative(build.initialOptions.absWorkingDir ?? process.cwd(), resolveDir).split(path.sep).join('/');
        return { path: `${name}?from=${from}`, namespace, pluginData: { name, resolveDir } };
      });
      build.onLoad({ filter: /.*/, namespace }, ({ pluginData: { name, resolveDir } }) => {
        const real = createRequire(path.join(resolveDir, 'package.json'))(name);
        const exports = Object.keys(real);
        const lines = [
          'var loaded;',
          `function load() { return loaded === undefined ? (loaded = require(${JSON.stringify(name)})) : loaded; }`,
          ...(real.__esModule === true ? ["Object.defineProperty(exports, '__esModule', { value: true });"] : []),
          `for (const key of ${JSON.stringify(exports)}) Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });`,
        ];
        return { contents: `${lines.join('\n')}\n`, loader: 'js', resolveDir, pluginData: { resolveDir } };
      });
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildCli({ packageDir: process.cwd() });
}
