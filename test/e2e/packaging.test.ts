// The packages as users get them: `pnpm pack` (so `workspace:*` becomes a real
// version), installed with npm into a fresh project outside the workspace, then
// `npx plangen generate` there, tsc, and node. Needs `pnpm build` first (CI runs it).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pnpm, requireBuilt, root, run, runBin } from './workspace.js';

describe('packed plangen and @plangen/core', () => {
  let temp = '';
  let project = '';
  const tarballs: Record<'cli' | 'core', string> = { cli: '', core: '' };

  beforeAll(async () => {
    requireBuilt();
    temp = mkdtempSync(path.join(os.tmpdir(), 'plangen-packed-'));
    const packs = path.join(temp, 'tarballs');
    mkdirSync(packs);
    await pnpm(['pack', '--pack-destination', packs], path.join(root, 'packages/core'));
    await pnpm(['pack', '--pack-destination', packs], path.join(root, 'packages/cli'));
    const packed = readdirSync(packs);
    tarballs.core = path.join(packs, packed.find((name) => name.startsWith('plangen-core-')) ?? 'missing core tarball');
    tarballs.cli = path.join(packs, packed.find((name) => /^plangen-\d/.test(name)) ?? 'missing cli tarball');

    project = path.join(temp, 'app');
    mkdirSync(project);
    cpSync(path.join(root, 'examples/packed-app'), project, { recursive: true });
    const manifest = {
      name: 'packed-app',
      private: true,
      type: 'module',
      dependencies: { plangen: `file:${tarballs.cli}`, '@plangen/core': `file:${tarballs.core}`, typescript: '~5.9.3' },
    };
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // A cache of its own keeps the user's npm cache out of it; the registry is only needed for third-party dependencies.
    await run('npm', ['install', '--no-audit', '--no-fund', '--cache', path.join(temp, 'npm-cache'), '--fetch-timeout=60000', '--fetch-retries=1'], {
      cwd: project,
    });
  });
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('@plangen/core passes publint --strict', async () => {
    expect((await runBin('publint', ['run', '--strict', tarballs.core], { cwd: root })).stdout).toContain('All good!');
  });

  it('@plangen/core types resolve for node10, node16 (CJS and ESM) and bundlers', async () => {
    const report = JSON.parse((await runBin('attw', [tarballs.core, '--format', 'json'], { cwd: root })).stdout) as {
      analysis: { problems: unknown[]; entrypoints: Record<string, unknown> };
    };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toEqual(['.', './runtime', './internal', './package.json']);
  });

  // One entry point per audience: apps, generated code, the plangen CLI.
  const ENTRY_POINTS = {
    '@plangen/core': ['PlangenNotConfiguredError', 'PlangenViolationError', 'formatViolation'],
    '@plangen/core/runtime': ['createBrowserRuntime', 'createNodeRuntime', 'createValidation', 'pushError'],
    '@plangen/core/internal': ['escapePointerToken', 'resolveEventVersion', 'toValidationErrors'],
  };
  for (const [entry, expected] of Object.entries(ENTRY_POINTS)) {
    it(`${entry} gives import and require the same exports`, async () => {
      const cjs = await run(process.execPath, ['-e', `console.log(JSON.stringify(Object.keys(require('${entry}')).sort()))`], { cwd: project });
      const esm = await run(process.execPath, ['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import('${entry}')).sort()))`], {
        cwd: project,
      });
      const names = JSON.parse(cjs.stdout) as string[];
      expect(JSON.parse(esm.stdout)).toEqual(names);
      expect(names).toEqual(expect.arrayContaining(expected));
    });
  }

  it('plangen passes publint --strict and carries what it reads at run time', async () => {
    expect((await runBin('publint', ['run', '--strict', tarballs.cli], { cwd: root })).stdout).toContain('All good!');
    const files = (await run('tar', ['tzf', tarballs.cli], { cwd: temp })).stdout.split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/bin/plangen.js', 'package/dist/cli.js', 'package/package.json']));
    expect(files.some((file) => file.startsWith('package/templates/'))).toBe(true);
    expect(files.filter((file) => file.startsWith('package/src/') || file.endsWith('.test.ts'))).toEqual([]);
  });

  it('plangen is ESM only, with types for import and bundlers', async () => {
    // --profile esm-only exits non-zero on any problem but the one an ESM-only package has by design.
    const report = JSON.parse((await runBin('attw', [tarballs.cli, '--profile', 'esm-only', '--format', 'json'], { cwd: root })).stdout) as {
      analysis: { problems: { kind: string; resolutionKind?: string }[] };
    };
    expect(report.analysis.problems.map((problem) => `${problem.kind} ${problem.resolutionKind ?? ''}`)).toEqual(['CJSResolvesToESM node16-cjs']);
  });

  it('npx plangen generates an SDK that compiles with tsc and sends through the client', async () => {
    await run('npx', ['plangen', 'generate', '--plan', 'plan.json', '--out', 'analytics', '--client', 'generic'], { cwd: project });
    expect(readdirSync(path.join(project, 'analytics')).filter((file) => !file.startsWith('.')).sort()).toEqual(['index.ts', 'validators.ts']);
    await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: project });

    const { calls, violations } = JSON.parse((await run(process.execPath, ['dist/app.js'], { cwd: project })).stdout) as {
      calls: { event: string; properties: unknown; options: { context: Record<string, unknown> } }[];
      violations: { event: string; version: number; errors: unknown[] }[];
    };
    expect(calls.map((call) => [call.event, call.properties, call.options.context['protocols']])).toEqual([
      ['Order Completed', { order_id: 'ord_1', total: 12.5 }, { event_version: 2 }],
      ['Order Completed', { order_id: 'ord_2' }, { event_version: 1 }],
      ['Order Completed', { order_id: 'ord_3', total: 'free' }, { event_version: 2 }],
    ]);
    expect(calls[0]?.options.context['app']).toEqual({ name: 'packed' });
    expect(violations).toEqual([
      expect.objectContaining({ event: 'Order Completed', version: 2, errors: [{ pointer: '/properties/total', message: 'must be number', keyword: 'type' }] }),
    ]);
  });

  it('npx plangen --mode production --language js emits JavaScript without validators that node runs as is', async () => {
    const out = 'analytics-production';
    await run('npx', ['plangen', 'generate', '--plan', 'plan.json', '--out', out, '--client', 'analytics-node', '--mode', 'production', '--language', 'js'], {
      cwd: project,
    });
    expect(readdirSync(path.join(project, out)).filter((file) => !file.startsWith('.')).sort()).toEqual(['index.d.ts', 'index.js']);
    const calls = JSON.parse((await run(process.execPath, ['production.mjs'], { cwd: project })).stdout) as unknown;
    expect(calls).toEqual([
      expect.objectContaining({
        event: 'Order Completed',
        userId: 'user_1',
        properties: { order_id: 'ord_3', total: 'free' },
        context: { protocols: { event_version: 2 } },
      }),
    ]);
  });
});
