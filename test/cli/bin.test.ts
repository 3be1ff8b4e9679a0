// The built CLI, run as a user would: bundled by the build script into a temp folder
// (beside the templates and schema, as `pnpm build` does) so nothing is written
// into the repository, then `node bin/plangen.js` in a temp project.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const cli = path.join(root, 'packages/cli');

describe('node bin/plangen.js', () => {
  let build = '';
  let app = '';
  const plangen = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(build, 'bin/plangen.js'), ...args], { cwd: app, encoding: 'utf8' });

  beforeAll(async () => {
    build = mkdtempSync(path.join(os.tmpdir(), 'plangen-build-'));
    app = mkdtempSync(path.join(os.tmpdir(), 'plangen-app-'));
    // The bundle the bin runs (dist/bundle/), with the templates and schema; type errors are `tsc --noEmit`'s business.
    const { buildCli } = (await import(pathToFileURL(path.join(root, 'scripts/build-cli.mjs')).href)) as {
      buildCli(options: { packageDir: string; outDir: string; tsc: boolean }): Promise<void>;
    };
    await buildCli({ packageDir: cli, outDir: build, tsc: false });
    if (!existsSync(path.join(build, 'dist/bundle/cli.js'))) throw new Error('the build wrote no dist/bundle/cli.js');
    // The bin with its package.json, which makes it CommonJS in a package of ES modules.
    cpSync(path.join(cli, 'bin'), path.join(build, 'bin'), { recursive: true });
    cpSync(path.join(cli, 'package.json'), path.join(build, 'package.json'));
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
