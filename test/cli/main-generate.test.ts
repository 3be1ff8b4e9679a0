// The generate command through the real yargs wiring, with the load and
// generate stages replaced by fakes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project, stripTime } from './helpers.js';

// The command loads the bytes it read (and fingerprinted) through loadPlanBytes.
vi.mock('../../packages/cli/src/load/load-plan.js', async () => {
  const { fakeStages } = await import('./fake-stages.js');
  return {
    loadPlan: fakeStages.loadPlan,
    loadPlanBytes: (bytes: Uint8Array, file: string, options: object) => fakeStages.loadPlan(file, { ...options, bytes }),
  };
});
// The real generate stage is `generate(model, options, locator)`; the fake takes the loaded plan.
vi.mock('../../packages/cli/src/generate/index.js', async () => {
  const { fakeStages } = await import('./fake-stages.js');
  return { generate: (model: never, options: never, locator: never) => fakeStages.generate({ model, locator }, options) };
});

const plan = JSON.stringify({ name: 'Shop', events: { 'Order Completed': 2 } });

describe('plangen (main)', () => {
  it('runs generate with no command, from the config file', async () => {
    const dir = await project({ 'plan.json': plan, '.plangenrc.yaml': 'plan: plan.json\nout: gen\n' });
    const io = captureOutput();
    expect(await main([])).toBe(0);
    expect(stripTime(io.stderr())).toBe('plangen: wrote 2 files to gen (1 event, 2 versions) in N ms\n');
    expect(io.stdout()).toBe('');
    expect(await readFile(path.join(dir, 'gen/index.ts'), 'utf8')).toBe('// Order Completed v2 (analytics-next)\n');
  });

  it('takes kebab-case flags and --config', async () => {
    const dir = await project({ 'plan.json': plan, 'cfg/my.json': JSON.stringify({ plan: '../plan.json', out: '../gen', client: 'generic' }) });
    captureOutput();
    expect(await main(['generate', '--config', 'cfg/my.json', '--input-format', 'plangen', '--language', 'js', '--mode', 'production'])).toBe(0);
    expect(await readFile(path.join(dir, 'gen/index.js'), 'utf8')).toBe('// Order Completed v2 (generic)\n');
  });

  it('exits 1 on --check when stale, 0 once generated', async () => {
    await project({ 'plan.json': plan });
    const io = captureOutput();
    expect(await main(['generate', '--plan', 'plan.json', '--out', 'gen', '--check'])).toBe(1);
    expect(io.stderr()).toBe(
      '2 stale files:\n  gen/index.ts (missing)\n  gen/validators.ts (missing)\nGenerated code is not up to date. Run `plangen generate` to update it.\n',
    );
    expect(await main(['generate', '--plan', 'plan.json', '--out', 'gen'])).toBe(0);
    expect(await main(['generate', '--plan', 'plan.json', '--out', 'gen', '--check'])).toBe(0);
  });

  it('reports an invalid config with exit 1', async () => {
    await project({ 'plangen.config.json': '{ "mode": "fast" }' });
    const io = captureOutput();
    expect(await main([])).toBe(1);
    expect(io.stderr()).toBe(
      'plangen.config.json#/mode: invalid plangen config: "mode" must be one of "development", "production", not "fast". Write it like { "mode": "production" }.\n',
    );
  });

  it('rejects --check with --watch', async () => {
    await project();
    const io = captureOutput();
    expect(await main(['--check', '--watch'])).toBe(1);
    expect(io.stderr()).toBe('plangen: --check and --watch cannot be used together. Use --check in CI and --watch while editing.\n');
  });
});
