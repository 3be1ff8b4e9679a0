import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runGenerate } from '../../packages/cli/src/commands/generate.js';
import { calls, fakeStages } from './fake-stages.js';
import { asCli, captureOutput, project, stripTime } from './helpers.js';

const run = asCli('generate', runGenerate);

const plan = JSON.stringify({ name: 'Shop', events: { 'Order Completed': 2, 'Signed Up': 1 } });
const deps = { stages: fakeStages };

describe('generate command', () => {
  it('writes the output and prints one summary line to stderr, nothing to stdout', async () => {
    const dir = await project({ 'plan.json': plan });
    const io = captureOutput();
    expect(await run({ plan: 'plan.json', out: 'src/analytics' }, deps)).toBe(0);
    expect(io.stdout()).toBe('');
    expect(stripTime(io.stderr())).toBe('plangen: wrote 2 files to src/analytics (2 events, 3 versions) in N ms\n');
    expect(await readFile(path.join(dir, 'src/analytics/index.ts'), 'utf8')).toBe(
      '// Order Completed v2 (analytics-next)\n// Signed Up v1 (analytics-next)\n',
    );
  });

  it('reports an up-to-date output, and removed files', async () => {
    await project({ 'plan.json': plan });
    const io = captureOutput();
    await run({ plan: 'plan.json', out: 'out' }, deps);
    await run({ plan: 'plan.json', out: 'out' }, deps);
    await run({ plan: 'plan.json', out: 'out', mode: 'production' }, deps);
    expect(stripTime(io.stderr()).split('\n')).toEqual([
      'plangen: wrote 2 files to out (2 events, 3 versions) in N ms',
      'plangen: out is up to date (2 files; 2 events, 3 versions) in N ms',
      'plangen: wrote 0 files to out (1 unchanged, 1 removed; 2 events, 3 versions) in N ms',
      '',
    ]);
  });

  it('takes options from the config file, with flags winning', async () => {
    const dir = await project({
      'plans/plan.json': plan,
      'plangen.config.json': JSON.stringify({ plan: 'plans/plan.json', out: 'gen', client: 'generic', mode: 'production', inputFormat: 'plangen' }),
      'sub/.keep': '',
    });
    process.chdir(path.join(dir, 'sub'));
    captureOutput();
    calls.loadPlan.length = 0;
    calls.generate.length = 0;
    expect(await run({ language: 'js', client: 'analytics-node' }, deps)).toBe(0);
    expect(calls.loadPlan).toEqual([[path.join(dir, 'plans/plan.json'), { format: 'plangen' }]]);
    // The project's package.json has no "type": Node reads its .js as CommonJS, so --language js defaults to cjs.
    expect(calls.generate).toEqual([['Shop', { client: 'analytics-node', mode: 'production', language: 'js', module: 'cjs', packageType: 'commonjs' }]]);
    expect((await readdir(path.join(dir, 'gen'))).sort()).toEqual(['.plangen-manifest.json', 'index.js']);
  });

  it('prints a PlanError and exits 1', async () => {
    await project({ 'plan.json': '{ nope' });
    const io = captureOutput();
    expect(await run({ plan: 'plan.json', out: 'out' }, deps)).toBe(1);
    expect(io.stderr()).toBe('plan.json:1:1: the plan is not valid JSON. Fix the syntax.\n');
  });

  it('needs a plan', async () => {
    await project();
    const io = captureOutput();
    expect(await run({ out: 'out' }, deps)).toBe(1);
    expect(io.stderr()).toBe('plangen: no tracking plan given. Pass --plan <file>, or set "plan" in plangen.config.json (`plangen init` writes one).\n');
  });

  it('refuses to overwrite a file it did not write', async () => {
    const dir = await project({ 'plan.json': plan, 'out/index.ts': 'mine\n' });
    const io = captureOutput();
    expect(await run({ plan: 'plan.json', out: 'out' }, deps)).toBe(1);
    expect(io.stderr()).toBe('out/index.ts: refusing to overwrite a file plangen did not generate. Delete it, or choose another --out.\n');
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['index.ts']);
  });
});

describe('generate --check', () => {
  it('exits 0 with one line when up to date', async () => {
    await project({ 'plan.json': plan });
    const io = captureOutput();
    await run({ plan: 'plan.json', out: 'out' }, deps);
    expect(await run({ plan: 'plan.json', out: 'out', check: true }, deps)).toBe(0);
    expect(io.stdout()).toBe('');
    expect(stripTime(io.stderr()).split('\n')[1]).toBe('plangen: out is up to date (2 files; 2 events, 3 versions)');
  });

  it('exits 1 with a diff per stale, missing and no-longer-generated file, and writes nothing', async () => {
    const dir = await project({ 'plan.json': plan });
    captureOutput();
    await run({ plan: 'plan.json', out: 'out', language: 'ts' }, deps);
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify({ name: 'Shop', events: { 'Order Completed': 3 } }));
    const io = captureOutput();
    const before = await readFile(path.join(dir, 'out/index.ts'), 'utf8');
    expect(await run({ plan: 'plan.json', out: 'out', check: true, mode: 'production' }, deps)).toBe(1);
    expect(io.stderr()).toBe(
      '2 stale files:\n  out/index.ts (changed)\n  out/validators.ts (no longer generated)\nGenerated code is not up to date. Run `plangen generate` to update it.\n',
    );
    expect(io.stdout()).toBe(
      [
        'Index: out/index.ts',
        '===================================================================',
        '--- out/index.ts\ton disk',
        '+++ out/index.ts\tgenerated',
        '@@ -1,2 +1,1 @@',
        '-// Order Completed v2 (analytics-next)',
        '-// Signed Up v1 (analytics-next)',
        '+// Order Completed v3 (analytics-next)',
        'Index: out/validators.ts',
        '===================================================================',
        '--- out/validators.ts\ton disk',
        '+++ out/validators.ts\tno longer generated',
        '@@ -1,1 +0,0 @@',
        '-// validators for Shop',
        '',
      ].join('\n'),
    );
    expect(await readFile(path.join(dir, 'out/index.ts'), 'utf8')).toBe(before);
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['.plangen-manifest.json', 'index.ts', 'validators.ts']);
  });

  it('shows a missing output as a diff from nothing, creating nothing', async () => {
    const dir = await project({ 'plan.json': JSON.stringify({ name: 'S', events: { A: 1 } }) });
    const io = captureOutput();
    expect(await run({ plan: 'plan.json', out: 'out', check: true, mode: 'production' }, deps)).toBe(1);
    expect(io.stdout()).toBe(
      'Index: out/index.ts\n===================================================================\n--- out/index.ts\tmissing\n+++ out/index.ts\tgenerated\n@@ -0,0 +1,1 @@\n+// A v1 (analytics-next)\n',
    );
    expect((await readdir(dir)).sort()).toEqual(['package.json', 'plan.json']);
  });
});
