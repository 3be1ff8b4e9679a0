import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { loadConfig } from '../../packages/cli/src/config/load-config.js';
import { STARTER_PLAN } from '../../packages/cli/src/config/starter-files.js';

import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { captureOutput, project } from './helpers.js';

describe('plangen init', () => {
  it('writes a valid config and a starter plan, and prints next steps', async () => {
    const dir = await project();
    const io = captureOutput();
    expect(await main(['init', '--client', 'analytics-node'])).toBe(0);
    expect(io.stdout()).toBe(
      'plangen: wrote plangen.config.json and plan.yaml\n\nNext steps:\n' +
        '  1. Describe your events in plan.yaml.\n' +
        '  2. Run `npx plangen` to generate the typed SDK into src/analytics.\n' +
        '  3. Import the track functions from ./src/analytics/index.js in your app.\n',
    );
    expect((await loadConfig({ cwd: dir }))?.config).toEqual({ plan: 'plan.yaml', out: 'src/analytics', client: 'analytics-node' });
    expect(await readFile(path.join(dir, 'plan.yaml'), 'utf8')).toBe(STARTER_PLAN);
  });

  // The starter plan must be a valid plan.
  it('writes a plan that loads, with one event in two versions', async () => {
    const dir = await project();
    captureOutput();
    await main(['init']);
    const model = await loadPlan(path.join(dir, 'plan.yaml'));
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
