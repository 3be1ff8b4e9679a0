// The compiled CLI, run as a user would: compiled with tsc into a temp folder
// (beside the templates and schema, as the build does) so nothing is written
// into the repository, then `node bin/plangen.js` in a temp project.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const cli = path.join(root, 'packages/cli');

describe('node bin/plangen.js', () => {
  let build = '';
  let app = '';
  const plangen = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(build, 'bin/plangen.js'), ...args], { cwd: app, encoding: 'utf8' });

  beforeAll(() => {
    build = mkdtempSync(path.join(os.tmpdir(), 'plangen-build-'));
    app = mkdtempSync(path.join(os.tmpdir(), 'plangen-app-'));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    // Type errors are `tsc --noEmit`'s business; tsc emits regardless, and this test is about running the result.
    spawnSync(process.execPath, [tsc, '-p', path.join(cli, 'tsconfig.json'), '--outDir', path.join(build, 'dist')], { stdio: 'pipe' });
    if (!existsSync(path.join(build, 'dist/cli.js'))) throw new Error('tsc emitted no dist/cli.js');
    mkdirSync(path.join(build, 'bin'));
    cpSync(path.join(cli, 'bin/plangen.js'), path.join(build, 'bin/plangen.js'));
    cpSync(path.join(cli, 'package.json'), path.join(build, 'package.json'));
    for (const dir of ['templates', 'schema']) if (existsSync(path.join(root, dir))) cpSync(path.join(root, dir), path.join(build, dir), { recursive: true });
    symlinkSync(path.join(cli, 'node_modules'), path.join(build, 'node_modules'), 'dir');
    writeFileSync(path.join(app, 'package.json'), '{ "name": "app" }\n');
  });
  afterAll(() => {
    for (const dir of [build, app]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('inits, generates, and checks', () => {
    expect(plangen('init').status).toBe(0);
    const generated = plangen();
    expect(generated.stderr).toMatch(/^plangen: wrote \d+ files? to src\/analytics \(1 event, 2 versions\) in \d+ ms\n$/);
    expect(generated.stdout).toBe('');
    expect(generated.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(app, 'src/analytics/.plangen-manifest.json'), 'utf8')).files).toContain('index.ts');
    expect(plangen('--check').status).toBe(0);
    writeFileSync(path.join(app, 'src/analytics/index.ts'), '// edited\n');
    const check = plangen('generate', '--check');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('--- src/analytics/index.ts\ton disk');
    expect(check.stderr).toBe('1 stale file:\n  src/analytics/index.ts (changed)\nGenerated code is not up to date. Run `plangen generate` to update it.\n');
  });

  it("--version prints plangen's own version inside an app that has another", () => {
    const { version } = JSON.parse(readFileSync(path.join(cli, 'package.json'), 'utf8')) as { version: string };
    const inner = path.join(app, 'versioned-app');
    mkdirSync(inner, { recursive: true });
    writeFileSync(path.join(inner, 'package.json'), '{ "name": "versioned-app", "version": "9.9.9" }\n');
    const result = spawnSync(process.execPath, [path.join(build, 'bin/plangen.js'), '--version'], { cwd: inner, encoding: 'utf8' });
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.status).toBe(0);
  });

  it('a usage error exits 1 with one line and writes nothing (generate --mode prod)', () => {
    const inner = path.join(app, 'usage-app');
    mkdirSync(inner, { recursive: true });
    writeFileSync(path.join(inner, 'package.json'), '{ "name": "usage-app" }\n');
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(build, 'bin/plangen.js'), ...args], { cwd: inner, encoding: 'utf8' });
    expect(run('init').status).toBe(0);
    const result = run('generate', '--mode', 'prod');
    expect(result.stderr).toBe('plangen: --mode cannot be "prod": use one of "development", "production". Run `plangen generate --help` for usage.\n');
    expect(result.status).toBe(1);
    expect(existsSync(path.join(inner, 'src'))).toBe(false);
  });
});
