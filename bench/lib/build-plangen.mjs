// Builds plangen into the bench's own folder instead of packages/*/dist: other
// work (tests, packaging) rebuilds those folders at any time, and a benchmark
// must not see them vanish mid-run (nor delete them under anyone else).
// Mirrors scripts/build-cli.mjs (its buildCli makes the bundle): compiled CLI + bundle + templates + plan schema, with
// the CLI's dependencies linked and @plangen/core pointing at the bench's own
// build of it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildCli } from '../../scripts/build-cli.mjs';
import { REPO } from './tools.mjs';

const tsc = createRequire(join(REPO, 'package.json')).resolve('typescript/bin/tsc');

/**
 * Returns { bin, coreEntry, coreTypes, warnings }: the CLI's bin script, @plangen/core/runtime's
 * ESM entry (for bundlers) and its declarations, and a note per package whose compile reported errors.
 */
export async function buildPlangen(dir) {
  const warnings = [];
  const core = join(dir, 'core');
  const cli = join(dir, 'cli');

  // With declarations: the app type-check benchmark compiles apps against this build.
  compile('packages/core', join(core, 'dist/esm'), warnings, { declaration: true });
  cpSync(join(REPO, 'packages/core/package.json'), join(core, 'package.json'));

  compile('packages/cli', join(cli, 'dist'), warnings);
  // The bundle bin/plangen.js runs, with the templates and schema, as `pnpm build` makes them.
  await buildCli({ packageDir: join(REPO, 'packages/cli'), outDir: cli, tsc: false });
  for (const part of ['package.json', 'bin']) cpSync(join(REPO, 'packages/cli', part), join(cli, part), { recursive: true });
  linkDependencies(join(REPO, 'packages/cli/node_modules'), join(cli, 'node_modules'), core);

  const bin = join(cli, 'bin/plangen.js');
  // Generated SDKs import only the runtime entry point, @plangen/core/runtime.
  const coreEntry = join(core, 'dist/esm/runtime.js');
  const coreTypes = join(core, 'dist/esm/runtime.d.ts');
  for (const file of [join(cli, 'dist/bundle/cli.js'), coreEntry, coreTypes]) {
    if (!existsSync(file)) throw new Error(`building plangen did not produce ${file}`);
  }
  return { bin, coreEntry, coreTypes, warnings };
}

function compile(packageDir, outDir, warnings, { declaration = false } = {}) {
  try {
    execFileSync(process.execPath, [tsc, '-p', join(REPO, packageDir, 'tsconfig.json'), '--outDir', outDir, '--declaration', String(declaration)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // tsc still emits when a file has a type error (someone's work in progress); measure what it emitted.
    const first = String(error.stdout ?? '').split('\n')[0];
    warnings.push(`Compiling \`${packageDir}\` reported type errors (first: \`${first}\`); the benchmark measured the JavaScript tsc emitted anyway.`);
  }
}

/** node_modules of real links to the CLI's dependencies, except @plangen/core, which is the bench's build. */
function linkDependencies(from, to, core) {
  mkdirSync(join(to, '@plangen'), { recursive: true });
  symlinkSync(core, join(to, '@plangen/core'), 'dir');
  for (const entry of readdirSync(from)) {
    if (entry === '.bin') continue;
    if (entry.startsWith('@')) {
      mkdirSync(join(to, entry), { recursive: true });
      for (const scoped of readdirSync(join(from, entry))) {
        if (entry === '@plangen' && scoped === 'core') continue;
        symlinkSync(realpathSync(join(from, entry, scoped)), join(to, entry, scoped), 'dir');
      }
    } else {
      symlinkSync(realpathSync(join(from, entry)), join(to, entry), 'dir');
    }
  }
}
