// The nothing-changed fast path answers only what it can prove: after a full
// generation (which records the fingerprint in the manifest), the same command
// is answered at once; any change to the plan, the config, the options, the
// output or plangen itself hands over to the full CLI (undefined).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runGenerate } from '../../packages/cli/src/commands/generate.js';
import { runFastPath } from '../../packages/cli/src/fast-path/run-fast-path.js';
import { MANIFEST_FILE } from '../../packages/cli/src/write/manifest.js';
import { fakeStages } from '../cli/fake-stages.js';
import { asCli, captureOutput, project, stripTime } from '../cli/helpers.js';

const generate = asCli('generate', runGenerate);
const plan = JSON.stringify({ name: 'Shop', events: { 'Order Completed': 2, 'Signed Up': 1 } });
// Fixed: from sources the real identity hashes src/, which may change while the tests run.
const IDENTITY = 'plangen@test build 0123456789abcdef';
const identity = () => IDENTITY;
const deps = { stages: fakeStages, identity };

/** A project generated once by the full command, with a JSON config. */
async function generated(config: Record<string, unknown> = { plan: 'plan.json', out: 'out' }): Promise<string> {
  const dir = await project({ 'plan.json': plan, 'plangen.config.json': JSON.stringify(config) });
  captureOutput();
  expect(await generate({}, deps)).toBe(0);
  return dir;
}

function fast(argv: string[], cwd: string) {
  const said: string[] = [];
  const code = runFastPath(argv, { cwd, identity, stderr: (text) => said.push(text) });
  return { code, said: stripTime(said.join('')) };
}

describe('the nothing-changed fast path', () => {
  it('answers generate and --check at once when nothing changed, in the words of the full run', async () => {
    const dir = await generated();
    expect(fast([], dir)).toEqual({ code: 0, said: 'plangen: out is up to date (2 files; 2 events, 3 versions) in N ms\n' });
    expect(fast(['generate'], dir).code).toBe(0);
    expect(fast(['generate', '--check'], dir)).toEqual({ code: 0, said: 'plangen: out is up to date (2 files; 2 events, 3 versions)\n' });
    expect(fast(['--plan', 'plan.json', '--out=out'], dir).code).toBe(0);
  });

  it('answers with every value flag of generate, as given to the run that wrote the output', async () => {
    const dir = await generated();
    const flags = ['--language', 'js', '--module', 'cjs', '--client', 'analytics-node', '--mode', 'production', '--input-format', 'plangen'];
    expect(fast(flags, dir).code).toBeUndefined();
    expect(await generate({ language: 'js', module: 'cjs', client: 'analytics-node', mode: 'production', inputFormat: 'plangen' }, deps)).toBe(0);
    expect(fast(flags, dir).code).toBe(0);
    expect(fast([...flags.slice(2)], dir).code).toBeUndefined();
  });

  it('records the fingerprint in the manifest: inputs, summary and the hash of every file', async () => {
    const dir = await generated();
    const manifest = JSON.parse(await readFile(path.join(dir, 'out', MANIFEST_FILE), 'utf8'));
    expect(manifest.files).toEqual(['index.ts', 'validators.ts']);
    expect(manifest.fingerprint).toEqual({
      inputs: expect.stringMatching(/^[0-9a-f]{64}$/),
      summary: '2 events, 3 versions',
      outputs: { 'index.ts': expect.stringMatching(/^[0-9a-f]{64}$/), 'validators.ts': expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('hands over when the plan changed, even by one byte', async () => {
    const dir = await generated();
    await writeFile(path.join(dir, 'plan.json'), `${plan} `);
    expect(fast([], dir).code).toBeUndefined();
  });

  it('hands over when a generated file was edited, removed or replaced by a link', async () => {
    const dir = await generated();
    const index = path.join(dir, 'out/index.ts');
    const original = await readFile(index, 'utf8');
    await writeFile(index, `${original}// hand edit\n`);
    expect(fast([], dir).code).toBeUndefined();
    await rm(index);
    expect(fast([], dir).code).toBeUndefined();
    await writeFile(path.join(dir, 'elsewhere.ts'), original);
    const { symlink } = await import('node:fs/promises');
    await symlink(path.join(dir, 'elsewhere.ts'), index);
    expect(fast([], dir).code).toBeUndefined();
  });

  it('hands over when an option, the config or the plan file differ', async () => {
    const dir = await generated();
    expect(fast(['--mode', 'production'], dir).code).toBeUndefined();
    expect(fast(['--client', 'generic'], dir).code).toBeUndefined();
    expect(fast(['--input-format', 'plangen'], dir).code).toBeUndefined();
    expect(fast(['--language', 'js', '--module', 'cjs'], dir).code).toBeUndefined();
    await cp(path.join(dir, 'plan.json'), path.join(dir, 'same-bytes.json'));
    expect(fast(['--plan', 'same-bytes.json'], dir).code).toBeUndefined(); // its name is in the header
    await writeFile(path.join(dir, 'plangen.config.json'), JSON.stringify({ plan: 'plan.json', out: 'out', mode: 'development' }));
    expect(fast([], dir).code).toBeUndefined(); // same settings, other bytes: never guessed
  });

  it('hands over when plangen itself differs (another build or version)', async () => {
    const dir = await generated();
    const said: string[] = [];
    expect(runFastPath([], { cwd: dir, identity: () => `${IDENTITY} changed`, stderr: (text) => said.push(text) })).toBeUndefined();
    expect(runFastPath([], { cwd: dir, identity: () => undefined })).toBeUndefined();
    expect(said).toEqual([]);
  });

  it('hands over an interrupted write (a staging folder beside --out) and a manifest without a fingerprint', async () => {
    const dir = await generated();
    await mkdir(path.join(dir, '.plangen-tmp-out-123-abcdef'));
    expect(fast([], dir).code).toBeUndefined();
    await rm(path.join(dir, '.plangen-tmp-out-123-abcdef'), { recursive: true });
    expect(fast([], dir).code).toBe(0);
    await writeFile(path.join(dir, 'out', MANIFEST_FILE), JSON.stringify({ generatedBy: 'plangen', files: ['index.ts', 'validators.ts'] }));
    expect(fast([], dir).code).toBeUndefined();
  });

  it('leaves every argument list it does not fully understand to the full CLI', async () => {
    const dir = await generated();
    for (const argv of [
      ['--watch'],
      ['--help'],
      ['--version'],
      ['--no-cache'],
      ['--chek'],
      ['--mode', 'prod'],
      ['--module', 'umd'],
      ['--mode', 'development', '--mode', 'development'],
      ['--plan', ''],
      ['--check=false'],
      ['generate', 'extra'],
      ['inspect', 'plan.json'],
      ['--', '--check'],
      ['-h'],
    ]) {
      expect([argv, fast(argv, dir).code]).toEqual([argv, undefined]);
    }
  });

  it('reads only JSON configs itself; YAML, JS and configs with outputs or $import go to the full CLI', async () => {
    const dir = await generated();
    await writeFile(path.join(dir, 'plangen.config.mjs'), "export default { plan: 'plan.json', out: 'out' };\n");
    expect(fast([], dir).code).toBeUndefined(); // the JS file comes first in discovery
    await rm(path.join(dir, 'plangen.config.mjs'));
    expect(fast(['--config', 'plangen.config.json'], dir).code).toBe(0);
    await writeFile(path.join(dir, 'other.yaml'), 'plan: plan.json\nout: out\n');
    expect(fast(['--config', 'other.yaml'], dir).code).toBeUndefined();
    await writeFile(path.join(dir, 'plangen.config.json'), JSON.stringify({ plan: 'plan.json', out: 'out', $import: 'x.json' }));
    expect(fast([], dir).code).toBeUndefined();
  });

  it('matches on a fresh copy of the project where only the committed output and manifest exist', async () => {
    const dir = await generated();
    const clone = `${dir}-clone`;
    await cp(dir, clone, { recursive: true });
    try {
      expect(fast(['--check'], clone).code).toBe(0);
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  });

  it('hands over when the config file is gone and flags name the same plan and folder', async () => {
    const dir = await generated();
    await rm(path.join(dir, 'plangen.config.json'));
    expect(fast(['--plan', 'plan.json', '--out', 'out'], dir).code).toBeUndefined();
  });
});
