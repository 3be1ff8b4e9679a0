// What the numbers were measured on, and with which versions of each tool.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { REPO } from './tools.mjs';

const require = createRequire(import.meta.url);

export function machine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

export function versions() {
  const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  // Read from the folder, not require()d: some packages do not export package.json.
  const installed = (name) => version(join(REPO, 'bench/node_modules', name));
  const workspace = (dir) => version(join(REPO, dir));
  return {
    plangen: `${workspace('packages/cli')} (${commit()})`,
    '@plangen/core': workspace('packages/core'),
    typewriter: installed('typewriter'),
    // Typewriter's own copy, which is what it compiles with.
    'typescript (beside typewriter)': typewriterTypeScript(),
    esbuild: installed('esbuild'),
    tinybench: installed('tinybench'),
    'ajv (Typewriter development output)': installed('ajv'),
  };
}

function typewriterTypeScript() {
  const fromTypewriter = createRequire(require.resolve('typewriter/package.json'));
  return fromTypewriter('typescript/package.json').version;
}

function commit() {
  const git = (...args) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'packages').length > 0;
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ', with uncommitted changes in packages/' : ''}`;
  } catch {
    return 'not a git checkout';
  }
}
