// pull and push against a local Segment Public API (segment-server.ts), through
// the CLI's main() in process; test/e2e/sync-commands.test.ts runs the built bin.
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from '../cli/helpers.js';
import { startSegmentServer, storedPlanFrom, type SegmentServer } from './segment-server.js';

const TOKEN = 'sgp_secret-token-7f3a9c';
const fixture = JSON.parse(await readFile(fileURLToPath(new URL('../../fixtures/segment-public-api/plan.json', import.meta.url)), 'utf8'));
const shopPlan = fileURLToPath(new URL('../../fixtures/shop/plan.yaml', import.meta.url));

let server: SegmentServer;
beforeEach(async () => {
  server = await startSegmentServer(TOKEN, { shuffle: true });
  server.plans.set('tp_1', storedPlanFrom('tp_1', fixture));
  process.env.SEGMENT_PUBLIC_API_TOKEN = TOKEN;
});
afterEach(async () => {
  await server.close();
});

/** Runs the CLI; asserts the token is in none of what it printed. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = captureOutput();
  const code = await main(args);
  const result = { code, stdout: output.stdout(), stderr: output.stderr() };
  expect(result.stdout + result.stderr).not.toContain(TOKEN);
  return result;
}

async function filesHoldNoToken(dir: string): Promise<void> {
  for (const name of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if (name.includes('node_modules')) continue;
    const text = await readFile(file, 'utf8').catch(() => '');
    expect(text, name).not.toContain(TOKEN);
  }
}

describe('plangen pull', () => {
  it('fetches the plan and every page of rules into a plan.json the loader reads, keys sorted, byte-identical on the next pull', async () => {
    const dir = await project();
    const first = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Pulled tracking plan "Media App" (tp_1, 9 rules) into plan.json.');
    const rulesRequests = server.requests.filter((request) => request.url.includes('/rules'));
    expect(rulesRequests.length).toBe(3); // 9 rules, 3 a page
    expect(rulesRequests[1]!.url).toContain('pagination.cursor=');
    expect(server.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const text = await readFile(path.join(dir, 'plan.json'), 'utf8');
    const written = JSON.parse(text);
    expect(Object.keys(written)).toEqual(['id', 'name', 'rules']);
    expect(written.rules).toHaveLength(9);
    expect(Object.keys(written.rules[0])).toEqual(['jsonSchema', 'key', 'type', 'version']);
    expect(text).not.toContain('updatedAt');

    // The server answers in another order this time: the file does not change.
    const second = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(second.stdout).toContain(': unchanged.');
    expect(await readFile(path.join(dir, 'plan.json'), 'utf8')).toBe(text);
    const inspect = await cli('inspect', 'plan.json', '--format', 'json');
    expect(inspect.code).toBe(0);
    await filesHoldNoToken(dir);
  });

  it('takes the id, API URL and output file from the config', async () => {
    const dir = await project({ 'plangen.config.json': JSON.stringify({ plan: 'plans/segment.json', trackingPlan: 'tp_1', apiUrl: server.url }) });
    const result = await cli('pull');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'plans/segment.json'))).toBe(true);
  });

  it('never overwrites a file that is not a Public API plan.json (the config\'s hand-written plan.yaml)', async () => {
    const dir = await project({ 'plan.yaml': 'name: Shop\nevents: {}\n', 'plangen.config.json': JSON.stringify({ plan: 'plan.yaml', trackingPlan: 'tp_1', apiUrl: server.url }) });
    const result = await cli('pull');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('plan.yaml: this file is not a Segment Public API plan.json, and pull would replace it. Pass --out with another file (plan.json), or delete this one if it should be replaced.\n');
    expect(await readFile(path.join(dir, 'plan.yaml'), 'utf8')).toBe('name: Shop\nevents: {}\n');
    // --check only reads it, so it compares any format.
    const check = await cli('pull', '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('event added');
  });

  it('--check exits 0 when the file matches, 1 with the changes in diff terms when the remote changed, and writes nothing', async () => {
    const dir = await project();
    await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    const before = await readFile(path.join(dir, 'plan.json'), 'utf8');
    const same = await cli('pull', '--check', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No changes.');

    const plan = server.plans.get('tp_1')!;
    const track = plan.rules.find((rule) => rule.key === 'Video Paused')!;
    const schema = track.jsonSchema as { properties: { properties: { required?: string[]; properties: Record<string, unknown> } } };
    schema.properties.properties.properties.brand_new = { type: 'string' };
    schema.properties.properties.required = [...(schema.properties.properties.required ?? []), 'brand_new'];
    const drift = await cli('pull', '--check', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toMatch(/\+ breaking\s+v\d+ property "brand_new": required property added/);
    expect(drift.stderr).toContain('plangen pull --check: plan.json differs from tracking plan tp_1. Run plangen pull to update it.');
    expect(await readFile(path.join(dir, 'plan.json'), 'utf8')).toBe(before);
  });

  it('401: says the token is missing, invalid or expired, never printing it; the previous file is untouched', async () => {
    const dir = await project({ 'plan.json': '{ "rules": [] }\n' });
    process.env.SEGMENT_PUBLIC_API_TOKEN = `${TOKEN}-wrong`;
    const result = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/tracking-plans\/tp_1: 401 Unauthorized \(Unauthorized\): the token in SEGMENT_PUBLIC_API_TOKEN is missing, invalid or expired\. Create a new Public API token/);
    expect(await readFile(path.join(dir, 'plan.json'), 'utf8')).toBe('{ "rules": [] }\n');
    expect(await readdir(dir)).toEqual(['package.json', 'plan.json']);
  });

  it('a missing token is a clear error before any request', async () => {
    await project();
    delete process.env.SEGMENT_PUBLIC_API_TOKEN;
    const result = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SEGMENT_PUBLIC_API_TOKEN: the Segment Public API token is missing: the environment variable is not set.');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a plain-http API URL other than this machine\'s, before any request', async () => {
    await project();
    const result = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', 'http://api.segmentapis.com');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('--api-url: "http://api.segmentapis.com" is plain http: the token would travel unencrypted. Use https (https://api.segmentapis.com, or https://eu1.api.segmentapis.com for the EU).\n');
  });

  it('404 names the tracking plan id', async () => {
    await project();
    const result = await cli('pull', '--tracking-plan', 'tp_missing', '--out', 'plan.json', '--api-url', server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('404 Not Found (Resource not found): no tracking plan "tp_missing" in the token\'s workspace.');
  });

  it('403 says the token lacks the Protocols scope', async () => {
    await project();
    server.script({ path: '/tracking-plans/tp_1', status: 403, body: JSON.stringify({ errors: [{ message: 'Forbidden' }] }) });
    const result = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('403 Forbidden (Forbidden): the token lacks access to Protocols tracking plans');
  });

  it('429 waits as long as Retry-After says, then goes on', async () => {
    const dir = await project();
    server.script({ path: '/rules', status: 429, headers: { 'retry-after': '1' }, body: JSON.stringify({ errors: [{ message: 'Too many requests' }] }) });
    const result = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/rules\?pagination\.count=200: 429 Too Many Requests; retrying in 1 s/);
    const rules = server.requests.filter((request) => request.url.includes('/rules'));
    expect(rules[1]!.at - rules[0]!.at).toBeGreaterThanOrEqual(950);
    expect(existsSync(path.join(dir, 'plan.json'))).toBe(true);
  });

  it('a 500 is retried with backoff, then succeeds', async () => {
    await project();
    server.script({ path: '/tracking-plans/tp_1', status: 500, body: 'upstream failed' });
    server.script({ path: '/tracking-plans/tp_1', status: 503, body: '' });
    const result = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('500 Internal Server Error; retrying in 500 ms');
    expect(result.stderr).toContain('503 Service Unavailable; retrying in 1 s');
  });

  it('a malformed body is a located error and nothing is written', async () => {
    const dir = await project({ 'plan.json': 'previous\n' });
    server.script({ path: '/rules', status: 200, body: '{\n  "data": {\n    "rules": [ {"type": "TRACK", } ]\n  }\n}' });
    const notJson = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/\/rules\?pagination\.count=200:3:34: the response is not JSON \(PropertyNameExpected\)/);

    server.script({ path: '/rules', status: 200, body: '{\n  "data": {\n    "rules": [\n      { "type": "TRAK", "version": 1, "jsonSchema": {} }\n    ]\n  }\n}' });
    const shape = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(shape.code).toBe(1);
    expect(shape.stderr).toMatch(/\/rules\?pagination\.count=200:4:17: unexpected response: data\.rules\[0\]\.type must be one of COMMON, GROUP, IDENTIFY, PAGE, SCREEN, TRACK\./);
    expect(await readFile(path.join(dir, 'plan.json'), 'utf8')).toBe('previous\n');
  });

  it('a rule the loader refuses is a located error in the pulled plan, and nothing is written', async () => {
    const dir = await project({ 'plan.json': 'previous\n' });
    server.plans.get('tp_1')!.rules.push({ type: 'TRACK', key: 'Broken', version: 1, jsonSchema: { type: 'object', properties: { total: { type: 'strng' } } } });
    const result = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^segment:tp_1\/plan\.json:\d+:\d+: .*strng/);
    expect(await readFile(path.join(dir, 'plan.json'), 'utf8')).toBe('previous\n');
  });

  it('the token is redacted from a message that echoes it', async () => {
    await project();
    server.script({ path: '/tracking-plans/tp_1', status: 400, body: JSON.stringify({ errors: [{ message: `bad header Bearer ${TOKEN}` }] }) });
    const result = await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad header Bearer [redacted token]');
  });
});

describe('plangen push', () => {
  it('pull, push the same plan back, pull again: byte-identical, and nothing to push', async () => {
    const dir = await project();
    await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    const first = await readFile(path.join(dir, 'plan.json'), 'utf8');
    const push = await cli('push', '--plan', 'plan.json', '--tracking-plan', 'tp_1', '--api-url', server.url, '--yes');
    expect(push.code).toBe(0);
    expect(push.stdout).toContain('Tracking plan tp_1 is up to date: nothing to push.');
    await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(await readFile(path.join(dir, 'plan.json'), 'utf8')).toBe(first);
  });

  it('dry run prints the changes and sends nothing; --yes replaces the rules; a pull then matches the plan', async () => {
    const dir = await project();
    server.plans.set('tp_2', { id: 'tp_2', name: 'Shop', rules: [] });
    const dry = await cli('push', '--plan', shopPlan, '--tracking-plan', 'tp_2', '--api-url', server.url);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+ compatible  event added (v1, v2)');
    expect(dry.stdout).toContain('Dry run (rules: 14 added, 0 removed, 0 changed, 0 unchanged): nothing was sent. Run plangen push --yes');
    expect(server.requests.some((request) => request.method === 'PUT')).toBe(false);

    const applied = await cli('push', '--plan', shopPlan, '--tracking-plan', 'tp_2', '--api-url', server.url, '--yes');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Pushed .*plan\.yaml to tracking plan tp_2: 14 rules \(rules: 14 added, 0 removed, 0 changed, 0 unchanged\)\./);
    const put = server.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).not.toContain(TOKEN);

    expect((await cli('pull', '--tracking-plan', 'tp_2', '--out', 'pulled.json', '--api-url', server.url)).code).toBe(0);
    // Every schema came back; a rule has one description where the native plan has an event's and a version's.
    const diff = await cli('diff', shopPlan, 'pulled.json');
    expect(diff.stdout).toContain('0 breaking changes');
    const changes = diff.stdout.split('\n').filter((line) => /^  [+~-] /.test(line));
    expect(changes.length).toBeGreaterThan(0);
    for (const line of changes) expect(line).toMatch(/description changed$|v1 payload: description added$|v1 payload property "properties": optional property added$/);
    // Pushing the pulled file again changes nothing.
    const again = await cli('push', '--plan', 'pulled.json', '--tracking-plan', 'tp_2', '--api-url', server.url, '--yes');
    expect(again.stdout).toContain('is up to date: nothing to push.');
    await filesHoldNoToken(dir);
  });

  it('refuses a breaking change made in place unless --allow-breaking', async () => {
    const dir = await project();
    await cli('pull', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    const plan = JSON.parse(await readFile(path.join(dir, 'plan.json'), 'utf8'));
    const track = plan.rules.find((rule: { type: string }) => rule.type === 'TRACK');
    const part = track.jsonSchema.properties?.properties ?? track.jsonSchema;
    part.properties = { ...part.properties, must_have: { type: 'string' } };
    part.required = [...(part.required ?? []), 'must_have'];
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify(plan));
    const refused = await cli('push', '--plan', 'plan.json', '--tracking-plan', 'tp_1', '--api-url', server.url, '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Versioning: failed.');
    expect(refused.stderr).toContain('plangen push: a breaking change was made in place to an existing event version; nothing was sent. Add a new version instead, or pass --allow-breaking.');
    expect(server.requests.some((request) => request.method === 'PUT')).toBe(false);

    const before = JSON.parse(JSON.stringify(server.plans.get('tp_1')!.rules)) as { key?: string; version: number; jsonSchema: unknown }[];
    const allowed = await cli('push', '--plan', 'plan.json', '--tracking-plan', 'tp_1', '--api-url', server.url, '--yes', '--allow-breaking');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('(rules: 0 added, 0 removed, 1 changed, 8 unchanged)');
    const check = await cli('pull', '--check', '--tracking-plan', 'tp_1', '--out', 'plan.json', '--api-url', server.url);
    expect(check.code).toBe(0);
    // Every rule but the changed one went back exactly as Segment held it.
    const after = server.plans.get('tp_1')!.rules;
    const same = before.filter((rule) => after.some((other) => other.key === rule.key && other.version === rule.version && JSON.stringify(other.jsonSchema) === JSON.stringify(rule.jsonSchema)));
    expect(same).toHaveLength(before.length - 1);
  });
});
