// pull, pull --check and push (dry run, --yes) as a user runs them: the built
// bin as a child process, against the local Segment Public API of
// test/sync/segment-server.ts. The token is in none of what they print or write.
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSegmentServer, storedPlanFrom, type SegmentServer } from '../sync/segment-server.js';
import { plangenBin, requireBuilt, root, runStatus, type RunResult } from './workspace.js';

const TOKEN = 'sgp_e2e-token-5b1d0e';
let server: SegmentServer;
let dir: string;
const printed: string[] = [];

beforeAll(async () => {
  requireBuilt();
  server = await startSegmentServer(TOKEN, { shuffle: true });
  const fixture = JSON.parse(await readFile(path.join(root, 'fixtures/segment-public-api/plan.json'), 'utf8'));
  server.plans.set('tp_1', storedPlanFrom('tp_1', fixture));
  server.plans.set('tp_empty', { id: 'tp_empty', name: 'Shop', rules: [] });
  dir = await mkdtemp(path.join(os.tmpdir(), 'plangen-sync-e2e-'));
  await writeFile(path.join(dir, 'package.json'), '{ "name": "app" }\n');
  await writeFile(path.join(dir, 'plangen.config.json'), JSON.stringify({ plan: 'plan.json', trackingPlan: 'tp_1', apiUrl: server.url }));
});

afterAll(async () => {
  await server?.close();
});

async function plangen(...args: string[]): Promise<RunResult> {
  const result = await runStatus(process.execPath, [plangenBin, ...args], { cwd: dir, env: { ...process.env, SEGMENT_PUBLIC_API_TOKEN: TOKEN } });
  printed.push(result.stdout, result.stderr);
  return result;
}

describe('plangen pull and push (built bin)', () => {
  it('pull writes plan.json from the config; a second pull leaves it byte-identical', async () => {
    const first = await plangen('pull');
    expect(first.code, first.stderr).toBe(0);
    const text = await readFile(path.join(dir, 'plan.json'), 'utf8');
    expect(JSON.parse(text).rules).toHaveLength(9);
    const second = await plangen('pull');
    expect(second.stdout).toContain(': unchanged.');
    expect(await readFile(path.join(dir, 'plan.json'), 'utf8')).toBe(text);
  });

  it('pull --check exits 0 in sync and 1 after a remote change, printing it in diff terms', async () => {
    expect((await plangen('pull', '--check')).code).toBe(0);
    const plan = server.plans.get('tp_1')!;
    plan.rules = plan.rules.filter((rule) => !(rule.key === 'Subscription Started' && rule.version === 1));
    const drift = await plangen('pull', '--check');
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('event "Subscription Started"\n  - breaking    v1 version removed');
    await plangen('pull');
  });

  it('push: dry run, then --yes, then a pull gives the same rules back', async () => {
    await writeFile(path.join(dir, 'shop.yaml'), await readFile(path.join(root, 'fixtures/shop/plan.yaml')));
    const dry = await plangen('push', '--plan', 'shop.yaml', '--tracking-plan', 'tp_empty');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run (rules: 14 added, 0 removed, 0 changed, 0 unchanged): nothing was sent.');
    expect(server.plans.get('tp_empty')!.rules).toHaveLength(0);
    const applied = await plangen('push', '--plan', 'shop.yaml', '--tracking-plan', 'tp_empty', '--yes');
    expect(applied.code, applied.stderr).toBe(0);
    expect(server.plans.get('tp_empty')!.rules).toHaveLength(14);
    const pulled = await plangen('pull', '--tracking-plan', 'tp_empty', '--out', 'shop-pulled.json');
    expect(pulled.code).toBe(0);
    const again = await plangen('push', '--plan', 'shop-pulled.json', '--tracking-plan', 'tp_empty', '--yes');
    expect(again.stdout).toContain('is up to date: nothing to push.');
  });

  it('a wrong token: 401 in one line, exit 1', async () => {
    const result = await runStatus(process.execPath, [plangenBin, 'pull', '--out', 'other.json'], { cwd: dir, env: { ...process.env, SEGMENT_PUBLIC_API_TOKEN: 'wrong' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/: 401 Unauthorized \(Unauthorized\): the token in SEGMENT_PUBLIC_API_TOKEN is missing, invalid or expired\./);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the token is in no captured stream and no written file', async () => {
    expect(printed.length).toBeGreaterThan(0);
    for (const text of printed) expect(text).not.toContain(TOKEN);
    for (const name of await readdir(dir)) expect(await readFile(path.join(dir, name), 'utf8'), name).not.toContain(TOKEN);
  });
});
