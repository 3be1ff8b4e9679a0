// How each tool is set up and invoked for one plan, so every benchmark runs
// them the same way: Typewriter offline from a local plan.json, plangen from
// the workspace's built CLI.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNode } from './measure.mjs';

const require = createRequire(import.meta.url);
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const TYPEWRITER_BIN = join(dirname(require.resolve('typewriter/package.json')), 'bin/run');

export const TYPEWRITER_MODES = { development: 'dev', production: 'prod' };

/**
 * A Typewriter project folder: the plan as plan.json beside a typewriter.yml
 * whose tracking plan id is the plan's own, which makes Typewriter use the
 * local copy (no --update, no token).
 */
export function prepareTypewriter(dir, planFile) {
  mkdirSync(dir, { recursive: true });
  copyFileSync(planFile, join(dir, 'plan.json'));
  const { id } = JSON.parse(readFileSync(planFile, 'utf8'));
  writeFileSync(
    join(dir, 'typewriter.yml'),
    ['client:', '  language: typescript', '  sdk: analytics-js', 'trackingPlans:', `  - id: ${id}`, '    path: ./', ''].join('\n'),
  );
  return dir;
}

/** `typewriter build` in a prepared folder; its output is `segment.ts` there. */
export async function runTypewriter(dir, mode, netLog) {
  const result = await measureNode(TYPEWRITER_BIN, ['build', '--mode', TYPEWRITER_MODES[mode]], { cwd: dir, netLog });
  // oclif wraps warnings at the terminal width, so compare with whitespace collapsed.
  const said = `${result.stdout}${result.stderr}`.replace(/[\s›]+/g, ' ');
  if (!said.includes('Using local copy of tracking plans instead')) {
    throw new Error(`typewriter did not report using the local plan.json in ${dir}:\n${result.stdout}${result.stderr}`);
  }
  return result;
}

/** `plangen generate` (the CLI at `bin`) of `planFile` into `outDir` for analytics-next. */
export function runPlangen(bin, planFile, outDir, mode, netLog) {
  // Cold every run, as Typewriter is: no earlier output for the nothing-changed fast path to find up to
  // date, and no cache to take compiled parts from (issue 15 measures those in incremental.mjs).
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const args = ['generate', '--plan', planFile, '--out', outDir, '--client', 'analytics-next', '--mode', mode, '--no-cache'];
  return measureNode(bin, args, { cwd: dirname(outDir), netLog });
}

/** Total bytes and file count of the generated files in a folder (non-recursive). */
export function outputSize(dir, names) {
  const files = readdirSync(dir).filter((name) => names.test(name));
  const bytes = files.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  return { files: files.length, bytes };
}

export const TYPEWRITER_OUTPUT = /^segment\.ts$/;
export const PLANGEN_OUTPUT = /\.(ts|js)$/;
