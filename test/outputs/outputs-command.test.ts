// One config, three SDKs (issue 19): fixtures/outputs/plangen.config.json generates a web subset
// (platform:web, analytics-next), a Node subset (platform:node, analytics-node) and everything
// (generic) in one run. The committed folders under fixtures/outputs/generated/ are the goldens
// (`UPDATE_GOLDENS=1` rewrites them); --check covers all three; a failure in one output leaves all
// three as they were.
import { readFileSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runGenerate } from '../../packages/cli/src/commands/generate.js';
import { asCli, captureOutput, project, stripTime } from '../cli/helpers.js';
import { REPO_ROOT, typeCheck } from '../generate/compile-in-memory.js';
import { tree } from '../write/helpers.js';

const generate = asCli('generate', runGenerate);
const FIXTURE = `${REPO_ROOT}fixtures/outputs/`;
const OUTPUTS = ['web', 'node', 'all'] as const;
const UPDATE = process.env['UPDATE_GOLDENS'] === '1';

/** A project holding the fixture's plan and config, without its generated folders. */
async function fixtureProject(): Promise<string> {
  const dir = await project({ 'plan.yaml': await readFile(`${FIXTURE}plan.yaml`, 'utf8'), 'plangen.config.json': await readFile(`${FIXTURE}plangen.config.json`, 'utf8') });
  await writeFile(path.join(dir, 'package.json'), '{ "name": "apps", "type": "module" }\n');
  return dir;
}

const outputs = async (dir: string) => Object.fromEntries(await Promise.all(OUTPUTS.map(async (name) => [name, await tree(path.join(dir, 'generated', name))] as const)));

describe('a config with three outputs', () => {
  it('generates the three SDKs in one run, each matching its golden', async () => {
    const dir = await fixtureProject();
    const io = captureOutput();
    expect(await generate({})).toBe(0);
    expect(stripTime(io.stderr()).split('\n')).toEqual([
      'plangen: wrote 2 files to generated/web (analytics-next, development, ts; 2 events, 2 versions)',
      'plangen: wrote 2 files to generated/node (analytics-node, development, ts; 2 events, 2 versions)',
      'plangen: wrote 2 files to generated/all (generic, development, ts; 4 events, 5 versions)',
      'plangen: 3 outputs generated from plan.yaml in N ms',
      '',
    ]);
    const generated = await outputs(dir);
    if (UPDATE) await cp(path.join(dir, 'generated'), `${FIXTURE}generated`, { recursive: true, force: true });
    for (const name of OUTPUTS) expect({ name, files: generated[name] }).toEqual({ name, files: await tree(`${FIXTURE}generated/${name}`) });
  });

  it('an output alone gives the same bytes as in the three-output run (sharing never leaks between outputs)', async () => {
    const dir = await fixtureProject();
    const config = JSON.parse(await readFile(path.join(dir, 'plangen.config.json'), 'utf8')) as { outputs: { out: string }[] };
    // The Node output alone, then twice under two folders with the same selection and two clients.
    const node = config.outputs[1]!;
    await writeFile(path.join(dir, 'plangen.config.json'), JSON.stringify({ plan: 'plan.yaml', outputs: [{ ...node }, { ...node, out: 'generated/node-generic', client: 'generic' }] }));
    captureOutput();
    expect(await generate({})).toBe(0);
    expect(await tree(path.join(dir, 'generated/node'))).toEqual(await tree(`${FIXTURE}generated/node`));
    const generic = await tree(path.join(dir, 'generated/node-generic'));
    // The same selection for another client: the very same validators file.
    expect(generic['validators.ts']).toBe((await tree(`${FIXTURE}generated/node`))['validators.ts']);
    expect(generic['index.ts']).toContain('export function configure<Client extends AnalyticsNextLike>(');
  });

  it('the web and Node subsets hold only their versions; trackOrderCompleted() of the Node SDK sends v1 and says why', async () => {
    const node = await readFile(`${FIXTURE}generated/node/index.ts`, 'utf8');
    const web = await readFile(`${FIXTURE}generated/web/index.ts`, 'utf8');
    expect(node).toContain("Tracks \"Order Completed\" at its latest selected version, 1 (sent as context.protocols.event_version); the plan's latest version, 2, is not in this SDK's selection.");
    expect(node).toMatch(/export function trackOrderCompleted\([^)]*\): void \{\n {2}runtime\.track\(TRACK_ORDER_COMPLETED_V1_SPEC,/);
    expect(node).not.toContain('trackOrderCompletedV2');
    expect(node).not.toContain('trackProductViewed');
    expect(node).toContain('export function trackInvoiceSent(');
    expect(web).toContain('export function trackOrderCompletedV2(');
    expect(web).not.toContain('trackOrderCompletedV1');
    expect(web).not.toContain('trackInvoiceSent');
    // identify has no labels: every output keeps it.
    for (const text of [node, web]) expect(text).toContain('export function identify(');
  });

  it('the goldens type-check together under strict', () => {
    const files: Record<string, string> = {};
    for (const name of OUTPUTS) {
      for (const file of ['index.ts', 'validators.ts']) files[`outputs/${name}/${file}`] = readFileSync(`${FIXTURE}generated/${name}/${file}`, 'utf8');
    }
    expect(typeCheck(files)).toEqual([]);
  });

  it('--check covers every output: up to date, then one stale file in one output fails the run and writes nothing', async () => {
    const dir = await fixtureProject();
    captureOutput();
    expect(await generate({})).toBe(0);
    let io = captureOutput();
    expect(await generate({ check: true })).toBe(0);
    expect(io.stderr()).toContain('plangen: generated/all is up to date (2 files; generic, development, ts; 4 events, 5 versions)');

    const stale = path.join(dir, 'generated/node/index.ts');
    await writeFile(stale, `${await readFile(stale, 'utf8')}// edited\n`);
    const before = await outputs(dir);
    io = captureOutput();
    expect(await generate({ check: true })).toBe(1);
    expect(io.stdout()).toContain('-// edited');
    expect(io.stderr()).toContain('generated/node/index.ts');
    expect(io.stderr()).toContain('Generated code is not up to date in 1 of 3 outputs. Run `plangen generate` to update it.');
    expect(await outputs(dir)).toEqual(before);
  });

  it('a file plangen did not write in one output: the run fails and none of the three changes', async () => {
    const dir = await fixtureProject();
    captureOutput();
    expect(await generate({})).toBe(0);
    // A plan change touches all three outputs...
    await writeFile(path.join(dir, 'plan.yaml'), (await readFile(path.join(dir, 'plan.yaml'), 'utf8')).replace('order_id: { type: string, required: true }', 'order_id: { type: string, required: true, minLength: 3 }'));
    // ...but the last output now holds a file plangen would have to overwrite and did not write.
    await writeFile(path.join(dir, 'generated/all/index.js'), 'mine\n');
    await writeFile(path.join(dir, 'plangen.config.json'), JSON.stringify({ plan: 'plan.yaml', outputs: [
      { out: 'generated/web', client: 'analytics-next', include: { labels: ['platform:web'] } },
      { out: 'generated/node', client: 'analytics-node', include: { labels: ['platform:node'] } },
      { out: 'generated/all', client: 'generic', language: 'js' },
    ] }));
    const before = await outputs(dir);
    const io = captureOutput();
    expect(await generate({})).toBe(1);
    expect(io.stderr()).toBe('generated/all/index.js: refusing to overwrite a file plangen did not generate. Delete it, or choose another --out.\n');
    expect(await outputs(dir)).toEqual(before);
  });

  it('an output whose selection is empty fails the run before anything is written', async () => {
    const dir = await fixtureProject();
    const config = JSON.parse(await readFile(path.join(dir, 'plangen.config.json'), 'utf8')) as { outputs: { include?: unknown }[] };
    config.outputs[1]!.include = { labels: ['platform:tv'] };
    await writeFile(path.join(dir, 'plangen.config.json'), JSON.stringify(config));
    await mkdir(path.join(dir, 'generated'));
    const io = captureOutput();
    expect(await generate({})).toBe(1);
    expect(io.stderr()).toBe(
      'plangen.config.json#/outputs/1: the selection (include labels "platform:tv") selects no event of plan.yaml. Labels in the plan: platform:mobile, platform:node, platform:web, team:billing, team:catalog, team:checkout.\n',
    );
    expect(await tree(path.join(dir, 'generated'))).toEqual({}); // still the empty folder made above
  });

  it('--out cannot be combined with a config that lists outputs', async () => {
    await fixtureProject();
    const io = captureOutput();
    expect(await generate({ out: 'x' })).toBe(1);
    expect(io.stderr()).toBe('plangen.config.json: --out cannot be used with a config that lists "outputs". Leave --out out to generate every output of plangen.config.json, or pass a --config without "outputs".\n');
  });
});
