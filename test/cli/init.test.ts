import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { run as runInitCommand } from '../../packages/cli/src/commands/init.js';
import { loadConfig } from '../../packages/cli/src/config/load-config.js';
import { STARTER_PLAN } from '../../packages/cli/src/config/starter-files.js';

import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { asCli, captureOutput, project } from './helpers.js';

const runInit = asCli('init', runInitCommand);

describe('plangen init', () => {
  it('writes a valid config and a starter plan, and prints next steps', async () => {
    const dir = await project();
    const io = captureOutput();
    expect(await main(['init', '--client', 'analytics-node'])).toBe(0);
    expect(io.stdout()).toBe(
      'plangen: wrote plangen.config.json and plan.yaml (client analytics-node: given as --client)\n\nNext steps:\n' +
        '  1. Describe your events in plan.yaml.\n' +
        '  2. Run `npx plangen` to generate the typed SDK into src/analytics.\n' +
        '  3. In your app, call configure() once with your analytics client, then the track functions:\n\n' +
        "       import { Analytics } from '@segment/analytics-node';\n" +
        "       import { configure, trackSignedUp } from './src/analytics/index.js';\n" +
        "       configure({ analytics: new Analytics({ writeKey: '<write key>' }) });\n" +
        "       trackSignedUp({ userId: 'user-1', properties: { method: 'email' } });\n",
    );
    expect((await loadConfig({ cwd: dir }))?.config).toEqual({ plan: 'plan.yaml', out: 'src/analytics', client: 'analytics-node' });
    expect(await readFile(path.join(dir, 'plan.yaml'), 'utf8')).toBe(STARTER_PLAN);
  });

  // The starter plan must be a valid plan.
  it('writes a plan that loads, with one event in two versions', async () => {
    const dir = await project();
    captureOutput();
    await main(['init']);
    const { model } = await loadPlan(path.join(dir, 'plan.yaml'));
    expect(model.events.map((event) => [event.name, event.versions.map((v) => v.version)])).toEqual([['Signed Up', [1, 2]]]);
  });

  it('refuses to overwrite without --force', async () => {
    const dir = await project({ 'plan.yaml': 'name: Mine\n' });
    const io = captureOutput();
    expect(await main(['init'])).toBe(1);
    expect(io.stderr()).toBe('plan.yaml: the file already exists. Pass --force to overwrite it, or edit it instead.\n');
    expect(await readFile(path.join(dir, 'plan.yaml'), 'utf8')).toBe('name: Mine\n');
    expect(await loadConfig({ cwd: dir })).toBeUndefined();
    expect(await main(['init', '--force'])).toBe(0);
    expect(await readFile(path.join(dir, 'plan.yaml'), 'utf8')).toContain('name: My App');
  });

  it('refuses to write beside another config that would win', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ plangen: { out: 'x' } }));
    const io = captureOutput();
    expect(await main(['init', '--force'])).toBe(1);
    expect(io.stderr()).toBe('package.json#plangen: a plangen config already exists here. Edit it instead, or delete it and run `plangen init` again.\n');
  });
});

describe('plangen init is all or nothing', () => {
  it('when plan.yaml is a folder, fails before writing plangen.config.json (it used to write the config, then fail)', async () => {
    const dir = await project();
    await mkdir(path.join(dir, 'plan.yaml'));
    const io = captureOutput();
    for (const argv of [['init'], ['init', '--force']]) {
      expect(await main(argv)).toBe(1);
      expect(existsSync(path.join(dir, 'plangen.config.json'))).toBe(false);
    }
    expect(io.stderr()).toBe(
      'plan.yaml: this is a folder, where plangen init writes a file. Move or rename the folder, or run `plangen init` in another folder.\n'.repeat(2),
    );
    expect(io.stdout()).toBe('');
  });

  it('a write that fails after the config was written removes the new config', async () => {
    const dir = await project();
    const io = captureOutput();
    const failPlan = async (file: string, content: string) => {
      if (file.endsWith('plan.yaml')) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      await writeFile(file, content);
    };
    expect(await runInit({}, dir, { writeFile: failPlan })).toBe(1);
    expect(io.stderr()).toBe('plan.yaml: cannot write it: permission denied; nothing was written. Fix the folder, then run `plangen init` again.\n');
    expect(existsSync(path.join(dir, 'plangen.config.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'plan.yaml'))).toBe(false);
  });

  it('with --force, a failed write restores the config it overwrote', async () => {
    const dir = await project({ 'plangen.config.json': '{ "plan": "mine.yaml", "out": "x" }\n' });
    captureOutput();
    const failPlan = async (file: string, content: string) => {
      if (file.endsWith('plan.yaml')) throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
      await writeFile(file, content);
    };
    expect(await runInit({ force: true }, dir, { writeFile: failPlan })).toBe(1);
    expect(await readFile(path.join(dir, 'plangen.config.json'), 'utf8')).toBe('{ "plan": "mine.yaml", "out": "x" }\n');
  });
});

describe('plangen init picks the installed client', () => {
  const installed = (dependencies: Record<string, string>, key = 'dependencies') => JSON.stringify({ name: 'app', [key]: dependencies });

  it.each([
    ['@segment/analytics-node', 'analytics-node', "import { Analytics } from '@segment/analytics-node';"],
    ['@segment/analytics-next', 'analytics-next', "import { AnalyticsBrowser } from '@segment/analytics-next';"],
    ['@rudderstack/rudder-sdk-node', 'analytics-node', "import Analytics from '@rudderstack/rudder-sdk-node';"],
    ['@rudderstack/analytics-js', 'generic', "import { RudderAnalytics } from '@rudderstack/analytics-js';"],
  ])('%s in package.json gives client %s and its configure() snippet', async (pkg, client, importLine) => {
    const dir = await project();
    await writeFile(path.join(dir, 'package.json'), installed({ [pkg]: '^1.0.0' }));
    const io = captureOutput();
    expect(await main(['init'])).toBe(0);
    expect((await loadConfig({ cwd: dir }))?.config.client).toBe(client);
    expect(io.stdout()).toContain(`(client ${client}: ${pkg} is in package.json)\n`);
    expect(io.stdout()).toContain(`\n       ${importLine}\n`);
    expect(io.stdout()).toContain('configure(');
  });

  it('reads devDependencies too, from the package.json above a subfolder', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'package.json'), installed({ '@segment/analytics-node': '^2' }, 'devDependencies'));
    await mkdir(path.join(dir, 'tracking'));
    process.chdir(path.join(dir, 'tracking'));
    captureOutput();
    expect(await main(['init'])).toBe(0);
    expect((await loadConfig({ cwd: path.join(dir, 'tracking') }))?.config.client).toBe('analytics-node');
  });

  it('--client wins over the installed client', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'package.json'), installed({ '@segment/analytics-node': '^2' }));
    const io = captureOutput();
    expect(await main(['init', '--client', 'generic'])).toBe(0);
    expect((await loadConfig({ cwd: dir }))?.config.client).toBe('generic');
    expect(io.stdout()).toContain('configure({ analytics: myAnalyticsClient });');
  });

  it('with a browser and a Node client installed, writes analytics-next and says how to choose', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'package.json'), installed({ '@segment/analytics-next': '^1', '@segment/analytics-node': '^2' }));
    const io = captureOutput();
    expect(await main(['init'])).toBe(0);
    expect((await loadConfig({ cwd: dir }))?.config.client).toBe('analytics-next');
    expect(io.stdout().split('\n')[0]).toBe(
      'plangen: wrote plangen.config.json and plan.yaml (client analytics-next: package.json has @segment/analytics-next and @segment/analytics-node; pass --client to choose another)',
    );
  });

  it('with no client installed, says the default was used', async () => {
    await project();
    const io = captureOutput();
    expect(await main(['init'])).toBe(0);
    expect(io.stdout().split('\n')[0]).toBe(
      'plangen: wrote plangen.config.json and plan.yaml (client analytics-next: the default; no analytics client is in package.json, pass --client to choose another)',
    );
  });
});
