// The built bin answers an up-to-date `generate` / `generate --check` from the
// manifest alone, without loading the command line: a copy of the build whose
// dist/bundle/cli.js and generate.js (the generate command run without yargs) are
// deleted still answers those, and fails (it must hand over to the command) on
// anything that changed: the plan, a generated file, plangen's build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrappedSource } from '../../packages/cli/src/fast-path/code-cached-bundle.js';

const root = path.join(import.meta.dirname, '../..');
const cli = path.join(root, 'packages/cli');

describe('the fast path of the built bin', () => {
  const made: string[] = [];
  let build = '';
  let headless = ''; // the same build without the command line: only the fast path can answer
  let app = '';
  const temp = (prefix: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  const run = (bin: string, cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(bin, 'bin/plangen.js'), ...args], { cwd, encoding: 'utf8' });

  beforeAll(async () => {
    build = temp('plangen-build-');
    const { buildCli } = (await import(pathToFileURL(path.join(root, 'scripts/build-cli.mjs')).href)) as {
      buildCli(options: { packageDir: string; outDir: string; tsc: boolean }): Promise<void>;
    };
    await buildCli({ packageDir: cli, outDir: build, tsc: false });
    // The bin with its package.json, which makes it CommonJS in a package of ES modules.
    cpSync(path.join(cli, 'bin'), path.join(build, 'bin'), { recursive: true });
    cpSync(path.join(cli, 'package.json'), path.join(build, 'package.json'));
    symlinkSync(path.join(cli, 'node_modules'), path.join(build, 'node_modules'), 'dir');
    expect(existsSync(path.join(build, 'dist/build-id.txt'))).toBe(true);
    headless = temp('plangen-headless-');
    cpSync(build, headless, { recursive: true, verbatimSymlinks: true });
    rmSync(path.join(headless, 'dist/bundle/cli.js'));
    rmSync(path.join(headless, 'dist/bundle/generate.cjs'));

    app = temp('plangen-app-');
    writeFileSync(path.join(app, 'package.json'), '{ "name": "app" }\n');
    expect(run(build, app, 'init').status).toBe(0);
    expect(run(build, app).status).toBe(0);
  }, 120_000);
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('answers generate and --check without the command line when nothing changed', () => {
    const generate = run(headless, app, 'generate');
    expect(generate.stderr).toMatch(/^plangen: src\/analytics is up to date \(2 files; 1 event, 2 versions\) in \d+ ms\n$/);
    expect(generate.status).toBe(0);
    const check = run(headless, app, '--check');
    expect(check.stderr).toBe('plangen: src/analytics is up to date (2 files; 1 event, 2 versions)\n');
    expect(check.status).toBe(0);
  });

  it('runs the generate bundle and the validators\' worker from the code caches the build saved, with the bytes it writes without them', () => {
    const uncached = temp('plangen-uncached-');
    cpSync(build, uncached, { recursive: true, verbatimSymlinks: true });
    for (const name of ['generate.cjs', 'compile-worker-code.cjs']) {
      const saved = readFileSync(path.join(build, 'dist/bundle', `${name}.v8cache`));
      // Saved for these very bytes (code-cached-bundle.ts checks the hash before V8 sees the data).
      expect([name, saved.subarray(0, 32).equals(wrappedSource(path.join(build, 'dist/bundle', name)).hash)]).toEqual([name, true]);
      // ASCII only (build-cli.mjs asciiOnly): one other character makes Node read the whole bundle as a two-byte string.
      expect([name, readFileSync(path.join(build, 'dist/bundle', name), 'latin1').match(/[^\x00-\x7f]/)?.[0]]).toEqual([name, undefined]);
      rmSync(path.join(uncached, 'dist/bundle', `${name}.v8cache`));
    }
    expect(readdirSync(path.join(build, 'dist/bundle')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const plan = path.join(root, 'fixtures/typewriter-public-api-reference-plan/plan.json');
    const outputs = [build, uncached].map((bin) => {
      const out = temp('plangen-cached-out-');
      const result = run(bin, app, '--plan', plan, '--out', out, '--no-cache');
      expect(result.stderr).toMatch(/^plangen: wrote 2 files to .* \(25 events, 25 versions\) in \d+ ms\n$/);
      const manifest = JSON.parse(readFileSync(path.join(out, '.plangen-manifest.json'), 'utf8')) as { outputs: Record<string, string> };
      return { index: readFileSync(path.join(out, 'index.ts'), 'utf8'), validators: readFileSync(path.join(out, 'validators.ts'), 'utf8'), hashes: manifest.outputs };
    });
    expect(outputs[0]!.validators.length).toBeGreaterThan(1000);
    expect(outputs[0]).toEqual(outputs[1]);
  });

  it('loads a JavaScript or TypeScript config when generate runs from the code cache, as through yargs', () => {
    // import() from a function V8 deserialized from its code cache fails in Node 20: the bundle's go through plangenImport.
    const plan = readFileSync(path.join(root, 'fixtures/typewriter-public-api-reference-plan/plan.json'), 'utf8');
    for (const [name, text] of [
      ['plangen.config.mjs', "export default { plan: 'plan.json', out: 'out', client: 'generic' };\n"],
      ['plangen.config.ts', "const config = { plan: 'plan.json', out: 'out', client: 'generic' as const };\nexport default config;\n"],
    ]) {
      const project = temp('plangen-js-config-');
      writeFileSync(path.join(project, 'package.json'), '{ "name": "app", "type": "module" }\n');
      writeFileSync(path.join(project, 'plan.json'), plan);
      writeFileSync(path.join(project, name!), text!);
      const direct = run(build, project, '--no-cache');
      expect([name, direct.stderr]).toEqual([name, expect.stringMatching(/^plangen: wrote 2 files to out \(25 events, 25 versions\) in \d+ ms\n$/)]);
      expect(direct.status).toBe(0);
      // yargs reads --cache=false; the direct path leaves it to the full CLI, which finds the same output.
      const viaYargs = run(build, project, '--check', '--cache=false');
      expect([name, viaYargs.stderr, viaYargs.status]).toEqual([name, 'plangen: out is up to date (2 files; 25 events, 25 versions)\n', 0]);
    }
  });

  it('answers on a fresh clone that holds only the plan, the config and the committed output', () => {
    const clone = temp('plangen-clone-');
    for (const name of ['package.json', 'plangen.config.json', 'plan.yaml', 'src']) cpSync(path.join(app, name), path.join(clone, name), { recursive: true });
    expect(run(headless, clone, '--check').status).toBe(0);
  });

  it('hands over when the plan, a generated file or plangen itself changed', () => {
    const scratch = temp('plangen-changed-');
    cpSync(app, scratch, { recursive: true });
    const plan = path.join(scratch, 'plan.yaml');
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}\n`);
    expect(run(headless, scratch, '--check').stderr).toContain('dist/bundle/generate.cjs');
    const check = run(build, scratch, '--check');
    expect(check.status).toBe(0); // a blank line changes no generated byte: the full check says so
    expect(run(build, scratch).status).toBe(0); // and records the new fingerprint
    expect(run(headless, scratch, '--check').status).toBe(0);

    const index = path.join(scratch, 'src/analytics/index.ts');
    writeFileSync(index, `${readFileSync(index, 'utf8')}// edited\n`);
    expect(run(headless, scratch, '--check').stderr).toContain('dist/bundle/generate.cjs');
    expect(run(build, scratch, '--check').status).toBe(1);
    expect(run(build, scratch).status).toBe(0);

    const rebuilt = temp('plangen-rebuilt-');
    cpSync(headless, rebuilt, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(rebuilt, 'dist/build-id.txt'), `${'0'.repeat(32)}\n`);
    expect(run(headless, scratch, '--check').status).toBe(0);
    expect(run(rebuilt, scratch, '--check').stderr).toContain('dist/bundle/generate.cjs');
  });
});
