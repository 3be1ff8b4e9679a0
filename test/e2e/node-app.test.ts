// examples/node-app end to end: `plangen generate` on its two-version plan, tsc
// (strict), then the service itself sending through @segment/analytics-node and
// RudderStack's Node client to the local ingest server. Needs `pnpm build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from './ingest-server.js';
import { invalidCallTexts, invalidCallViolations } from './invalid-calls.js';
import { findings, invalidCallFindings, recordingFile, validateRecorded } from './validate-recorded.js';
import { plangen, requireBuilt, root, run, runBin } from './workspace.js';

const app = path.join(root, 'examples/node-app');

interface AppResult {
  readonly violations: { type: string; event?: string; version?: number; errors: unknown[] }[];
  readonly caught: string[];
}

describe('examples/node-app', () => {
  let server: IngestServer;
  let recordings = '';
  const start = async (client: string, scenario: string) => {
    const result = await run(path.join(app, 'node_modules/.bin/tsx'), ['src/main.ts', client, scenario], {
      cwd: app,
      env: { ...process.env, INGEST_URL: server.url },
    });
    return { ...(JSON.parse(result.stdout) as AppResult), stderr: result.stderr };
  };

  beforeAll(async () => {
    requireBuilt();
    await plangen(['generate', '--plan', 'plan.yaml', '--out', 'src/analytics', '--client', 'analytics-node'], app);
    await runBin('tsc', ['-p', 'tsconfig.json'], { cwd: app });
    server = await startIngestServer();
    recordings = mkdtempSync(path.join(os.tmpdir(), 'plangen-recorded-'));
  });
  afterAll(async () => {
    await server?.close();
    if (recordings) rmSync(recordings, { recursive: true, force: true });
  });
  beforeEach(() => server.clear());

  describe.each(['segment', 'rudderstack'])('through %s', (client) => {
    it('delivers every call with the plan’s names, the event version, and the caller’s context', async () => {
      const { violations } = await start(client, 'send');
      expect(violations).toEqual([]);
      expect(server.unknownRequests).toEqual([]);
      expect(server.messages.every((message) => message.endpoint === 'batch')).toBe(true);

      const tracks = server.ofType('track');
      expect(tracks.map((track) => [track['event'], track['properties'], (track['context'] as { protocols?: unknown }).protocols])).toEqual([
        ['Order Completed', { order_id: 'ord_1', total: 12.5, currency: 'EUR' }, { event_version: 2 }],
        ['Order Completed', { order_id: 'legacy-1' }, { event_version: 1 }],
        ['Signed Up', { method: 'email' }, { event_version: 1 }],
        ['checkout.step_viewed', { 'step number': 2 }, { event_version: 1 }],
      ]);
      expect(tracks[0]).toMatchObject({ userId: 'user_1', context: { app: { name: 'node-app' } } });
      expect(tracks[1]).toMatchObject({ anonymousId: 'anon_1' });

      expect(server.ofType('identify')).toEqual([expect.objectContaining({ userId: 'user_1', traits: { email: 'ada@example.com', plan: 'pro' } })]);
      expect(server.ofType('group')).toEqual([
        expect.objectContaining({ userId: 'user_1', groupId: 'group_1', traits: { name: 'Acme', employees: 12 } }),
      ]);
    });
  });

  const sentEvents = () => server.ofType('track').map((track) => [track['event'], track['properties']]);
  const sentTraits = () => server.ofType('identify').map((call) => [call['userId'], call['traits']]);

  it('under the skip policy, reports the violations and sends nothing of those calls', async () => {
    const { violations, caught } = await start('segment', 'skip');
    expect(violations).toEqual(invalidCallViolations.map((violation) => expect.objectContaining(violation)));
    expect(caught).toEqual([]);
    expect(sentEvents()).toEqual([['Signed Up', { method: 'google' }]]);
    expect(sentTraits()).toEqual([]);
  });

  it('under the throw policy, throws PlangenViolationError and sends nothing of those calls', async () => {
    const { violations, caught } = await start('segment', 'throw');
    expect(violations).toEqual(invalidCallViolations.map((violation) => expect.objectContaining(violation)));
    expect(caught).toEqual(invalidCallTexts);
    expect(sentEvents()).toEqual([['Signed Up', { method: 'google' }]]);
    expect(sentTraits()).toEqual([]);
  });

  it('by default (warn), warns on stderr and still sends the calls', async () => {
    const { violations, stderr } = await start('segment', 'warn');
    expect(violations).toEqual([]);
    for (const text of invalidCallTexts) expect(stderr).toContain(text);
    expect(sentEvents()).toEqual([
      ['Order Completed', { order_id: 'ord_2', total: 'free' }],
      ['Signed Up', { method: 'google' }],
    ]);
    expect(sentTraits()).toEqual([['user_2', { plan: 'pro' }]]);
  });

  it('what analytics-node put on the wire passes `plangen validate` against the same plan', async () => {
    await start('segment', 'send');
    const { code, report } = await validateRecorded(server.messages, recordingFile(recordings, 'send'), 'plan.yaml', app);
    expect(report.totals).toEqual({ payloads: 6, valid: 6, invalid: 0, unplannedEvents: 0, malformed: 0, versionFallbacks: 0 });
    expect(code).toBe(0);
  });

  it('what the warn policy let through fails `plangen validate` with the same findings', async () => {
    await start('segment', 'warn');
    const { code, report } = await validateRecorded(server.messages, recordingFile(recordings, 'warn'), 'plan.yaml', app);
    expect(findings(report)).toEqual(invalidCallFindings);
    expect(code).toBe(1);
  });
});
