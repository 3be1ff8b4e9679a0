import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { parsePlanArg } from '../../packages/cli/src/diff/read-plan-arg.js';
import { captureOutput, project } from '../cli/helpers.js';

const fixtures = fileURLToPath(new URL('../../fixtures/diff/', import.meta.url));

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=plangen', '-c', 'user.email=plangen@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

/** A temp git repo whose HEAD has fixtures/diff/before.yaml as plans/plan.yaml, and whose work tree has `after`. */
async function repoWithChange(after: string): Promise<string> {
  const dir = await project();
  await mkdir(path.join(dir, 'plans'));
  await copyFile(path.join(fixtures, 'before.yaml'), path.join(dir, 'plans/plan.yaml'));
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'plan');
  await copyFile(path.join(fixtures, after), path.join(dir, 'plans/plan.yaml'));
  return dir;
}

describe('plangen diff', () => {
  it('classifies changes between two files; without --enforce-versioning breaking changes exit 0', async () => {
    const output = captureOutput();
    const code = await main(['diff', path.join(fixtures, 'before.yaml'), path.join(fixtures, 'in-place.yaml')]);
    expect(code).toBe(0);
    expect(output.stdout()).toContain('2 breaking changes, 2 compatible changes');
    expect(output.stdout()).toContain('  + breaking    v2 property "coupon": required property added\n');
    expect(output.stdout()).toContain('  ~ breaking    v2 property "currency": allowed values removed: "USD"\n');
    expect(output.stdout()).not.toContain('Versioning');
    expect(output.stderr()).toBe('');
  });

  it('compares the normalized model, so the same plan in YAML and JSON has no changes', async () => {
    const output = captureOutput();
    const shop = fileURLToPath(new URL('../../fixtures/shop/plan.yaml', import.meta.url));
    const shopJson = fileURLToPath(new URL('../../fixtures/shop-json/plan.json', import.meta.url));
    expect(await main(['diff', shop, shopJson, '--enforce-versioning'])).toBe(0);
    expect(output.stdout()).toBe(`plangen diff ${shop} -> ${shopJson}\nNo changes.\n\nVersioning: ok, no breaking change was made in place.\n`);
  });

  it('--enforce-versioning fails on a breaking change in place, naming the event, the change and version N+1', async () => {
    const output = captureOutput();
    const code = await main(['diff', path.join(fixtures, 'before.yaml'), path.join(fixtures, 'in-place.yaml'), '--enforce-versioning']);
    expect(code).toBe(1);
    expect(output.stdout()).toContain(
      [
        'Generated functions:',
        '  ~ trackCartViewedV1      v1 properties changed',
        '  ~ trackCartViewed        latest version v1 properties changed',
        '  ~ trackOrderCompletedV2  v2 properties changed',
        '  ~ trackOrderCompleted    latest version v2 properties changed',
        '',
        'Versioning: failed.',
        '  event "Order Completed" v2 was changed in place with a breaking change: property "coupon": required property added. Add version 3 with this change instead, and keep v2 as it was.',
        '  event "Order Completed" v2 was changed in place with a breaking change: property "currency": allowed values removed: "USD". Add version 3 with this change instead, and keep v2 as it was.',
        '',
      ].join('\n'),
    );
    expect(output.stderr()).toBe('plangen diff: 2 breaking changes were made in place to an existing event version. Add a new version instead.\n');
  });

  it('--enforce-versioning passes when the change is a new version', async () => {
    const output = captureOutput();
    const code = await main(['diff', path.join(fixtures, 'before.yaml'), path.join(fixtures, 'new-version.yaml'), '--enforce-versioning']);
    expect(code).toBe(0);
    expect(output.stdout()).toContain('  + compatible  v3 version added\n');
    expect(output.stdout()).toContain('  + trackOrderCompletedV3  v3 added\n  ~ trackOrderCompleted    latest version is now v3 (was v2)\n');
    expect(output.stdout()).toContain('Versioning: ok, no breaking change was made in place.\n');
  });

  it('--format json prints the documented shape', async () => {
    const output = captureOutput();
    const before = path.join(fixtures, 'before.yaml');
    const after = path.join(fixtures, 'in-place.yaml');
    expect(await main(['diff', before, after, '--format', 'json', '--enforce-versioning'])).toBe(1);
    const report = JSON.parse(output.stdout()) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['old', 'new', 'summary', 'changes', 'signatures', 'versioning']);
    expect(report.summary).toEqual({ breaking: 2, compatible: 2 });
    expect(report.changes).toContainEqual({
      kind: 'version',
      event: 'Order Completed',
      version: 2,
      scope: 'properties',
      pointer: '/properties/coupon',
      change: 'added',
      classification: 'breaking',
      message: 'required property added',
    });
    expect(report.versioning).toMatchObject({ enforced: true, ok: false, violations: [{ event: 'Order Completed', version: 2, nextVersion: 3 }, {}] });
  });

  it('reads REV:path from git, with the path relative to the current folder', async () => {
    const dir = await repoWithChange('in-place.yaml');
    process.chdir(path.join(dir, 'plans'));
    const output = captureOutput();
    expect(await main(['diff', 'HEAD:plan.yaml', 'plan.yaml', '--enforce-versioning'])).toBe(1);
    expect(output.stdout()).toMatch(/^plangen diff HEAD:plan.yaml -> plan.yaml\n2 breaking changes, 2 compatible changes\n/);
    expect(output.stdout()).toContain('event "Order Completed" v2 was changed in place');
  });

  it('names the revision in plan errors', async () => {
    const dir = await repoWithChange('in-place.yaml');
    await writeFile(path.join(dir, 'plans/plan.yaml'), 'name: Broken\nevents: [\n');
    git(dir, 'commit', '-q', '-am', 'broken');
    const output = captureOutput();
    expect(await main(['diff', 'HEAD:plans/plan.yaml', path.join(fixtures, 'before.yaml')])).toBe(1);
    expect(output.stderr()).toMatch(/^HEAD:plans\/plan\.yaml:3:1: /);
  });

  it('says what git said when the revision or path does not exist', async () => {
    await repoWithChange('in-place.yaml');
    const output = captureOutput();
    expect(await main(['diff', 'HEAD:plans/missing.yaml', 'plans/plan.yaml'])).toBe(1);
    expect(output.stderr()).toBe(
      "HEAD:plans/missing.yaml: cannot read the plan from git: path 'plans/missing.yaml' does not exist in 'HEAD'. " +
        'Pass an existing file, or REV:path with a git revision and a path relative to the current folder (HEAD~1:plan.yaml).\n',
    );
  });

  it('a missing file says how to name a revision instead', async () => {
    await project();
    const output = captureOutput();
    expect(await main(['diff', 'old.yaml', 'new.yaml'])).toBe(1);
    expect(output.stderr()).toBe('old.yaml: no such file. Pass a plan file, or REV:path to read it from git (HEAD~1:plan.yaml).\n');
  });

  it('an existing file whose name has a colon is read as a file', async () => {
    const dir = await project({ 'old:plan.yaml': await readFile(path.join(fixtures, 'before.yaml'), 'utf8') });
    expect(parsePlanArg('old:plan.yaml', dir)).toEqual({ kind: 'file', file: 'old:plan.yaml' });
    expect(parsePlanArg('HEAD~1:plan.yaml', dir)).toEqual({ kind: 'revision', revision: 'HEAD~1', file: 'plan.yaml' });
    expect(parsePlanArg('plan.yaml', dir)).toEqual({ kind: 'file', file: 'plan.yaml' });
    const output = captureOutput();
    expect(await main(['diff', 'old:plan.yaml', path.join(fixtures, 'before.yaml')])).toBe(0);
    expect(output.stdout()).toContain('No changes.');
  });
});
