// examples/browser-app end to end: `plangen generate` on its two-version plan,
// tsc (strict), an esbuild bundle, then the page in headless Chromium (Debian's
// /usr/bin/chromium, launched once for the suite) sending through analytics-next
// and through RudderStack's JS SDK to the local ingest server. The page is served
// from a second local origin, so CORS is real; every request to a host other than
// 127.0.0.1 is aborted and recorded. Needs `pnpm build` first.
//
// RudderStack runs offline when its `bundled` build is used (plugins inside the
// bundle instead of fetched from its CDN) and `getSourceConfig` gives the source
// configuration inline (instead of fetching it from its control plane).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from './ingest-server.js';
import { invalidCallTexts, invalidCallViolations } from './invalid-calls.js';
import { findings, invalidCallFindings, recordingFile, validateRecorded } from './validate-recorded.js';
import { plangen, requireBuilt, root, run, runBin } from './workspace.js';

const app = path.join(root, 'examples/browser-app');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Message = Record<string, unknown>;

interface PageResult {
  readonly violations: { type: string; event?: string; version?: number; errors: unknown[] }[];
  readonly caught: string[];
}

describe('examples/browser-app in Chromium', () => {
  let ingest: IngestServer;
  let site: IngestServer;
  let browser: Browser;
  let recordings = '';

  beforeAll(async () => {
    requireBuilt();
    await plangen(['generate', '--plan', 'plan.yaml', '--out', 'src/analytics', '--client', 'analytics-next'], app);
    await runBin('tsc', ['-p', 'tsconfig.json'], { cwd: app });
    await run(path.join(app, 'node_modules/.bin/esbuild'), ['src/main.ts', '--bundle', '--format=esm', '--platform=browser', '--target=es2020', '--outfile=dist/app.js', '--log-level=warning'], { cwd: app });
    ingest = await startIngestServer();
    site = await startIngestServer({
      files: {
        '/index.html': { contentType: 'text/html', body: readFileSync(path.join(app, 'index.html')) },
        '/app.js': { contentType: 'text/javascript', body: readFileSync(path.join(app, 'dist/app.js')) },
      },
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    recordings = mkdtempSync(path.join(os.tmpdir(), 'plangen-recorded-'));
  });
  afterAll(async () => {
    await browser?.close();
    await ingest?.close();
    await site?.close();
    if (recordings) rmSync(recordings, { recursive: true, force: true });
  });
  beforeEach(() => ingest.clear());

  /** Aborts every request of the context to a host other than 127.0.0.1, and returns the list of those it aborted. */
  async function keepOnMachine(context: BrowserContext): Promise<string[]> {
    const offMachine: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offMachine.push(url.href);
      return route.abort('blockedbyclient');
    });
    return offMachine;
  }

  it('aborts and records requests that would leave 127.0.0.1', async () => {
    const context = await browser.newContext();
    const offMachine = await keepOnMachine(context);
    const page = await context.newPage();
    await page.goto(`${site.url}/blank`); // any page of the local origin, without the app
    const outcome = await page.evaluate(() => fetch('https://cdn.segment.com/v1/projects/wk/settings').then(() => 'sent', () => 'blocked'));
    await context.close();
    expect(outcome).toBe('blocked');
    expect(offMachine).toEqual(['https://cdn.segment.com/v1/projects/wk/settings']);
  });

  /** Loads the page in a fresh context (its own storage), runs the scenario, and waits until `expected` messages arrived and nothing is in flight. */
  async function visit(client: string, scenario: string, expected: number) {
    const context = await browser.newContext();
    const offMachine = await keepOnMachine(context);
    const page = await context.newPage();
    const warnings: string[] = [];
    const pageErrors: string[] = [];
    let inFlight = 0;
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => void (request.url().startsWith(ingest.url) && inFlight++));
    const done = (request: { url(): string }) => void (request.url().startsWith(ingest.url) && inFlight--);
    page.on('requestfinished', done);
    page.on('requestfailed', done);

    await page.goto(`${site.url}/index.html?ingest=${encodeURIComponent(ingest.url)}&client=${client}&scenario=${scenario}`);
    const result = (await (await page.waitForFunction(() => (window as { exampleResult?: unknown }).exampleResult)).jsonValue()) as PageResult;
    await ingest.waitForMessages(expected);
    await expect.poll(() => inFlight, { timeout: 10_000 }).toBe(0);
    await context.close();
    return { ...result, warnings, pageErrors, offMachine };
  }

  // Per-call requests arrive in any order; sorted by code units of [event, properties, protocols].
  const byEventAndVersion = (tracks: Record<string, unknown>[]) =>
    tracks
      .map((track) => [track['event'], track['properties'], (track['context'] as { protocols?: unknown }).protocols, track['context']])
      .map((track) => ({ track, key: JSON.stringify(track.slice(0, 3)) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ track }) => track);

  // Where each client puts things: analytics-next posts per call to /v1/t, /v1/i, ...; RudderStack to
  // /v1/track, /v1/identify, ... and keeps identify traits in context.traits.
  const clients = [
    {
      client: 'segment',
      // analytics-next reads its settings from the CDN (here the ingest server); RudderStack is given its source config.
      settingsRequests: ['wk_browser_app'],
      endpoints: ['g', 'i', 'p', 't', 't', 't', 't'],
      library: 'analytics.js',
      identifyTraits: (message: Message) => message['traits'],
    },
    {
      client: 'rudderstack',
      settingsRequests: [],
      endpoints: ['group', 'identify', 'page', 'track', 'track', 'track', 'track'],
      library: 'RudderLabs JavaScript SDK',
      identifyTraits: (message: Message) => (message['context'] as Message)['traits'],
    },
  ];

  it.each(clients)('delivers every call through $client with the plan’s names, the event version, and the caller’s context', async (expected) => {
    const { violations, pageErrors, offMachine } = await visit(expected.client, 'send', 7);
    expect({ violations, pageErrors, offMachine }).toEqual({ violations: [], pageErrors: [], offMachine: [] });
    expect(ingest.unknownRequests).toEqual([]);
    expect(ingest.settingsRequests).toEqual(expected.settingsRequests);
    expect(ingest.messages.map((message) => message.endpoint).sort()).toEqual(expected.endpoints);

    const tracks = byEventAndVersion(ingest.ofType('track'));
    expect(tracks.map((track) => track.slice(0, 3))).toEqual([
      ['Order Completed', { order_id: 'legacy-1' }, { event_version: 1 }],
      ['Order Completed', { order_id: 'ord_1', total: 12.5, currency: 'EUR' }, { event_version: 2 }],
      ['Signed Up', { method: 'email' }, { event_version: 1 }],
      ['checkout.step_viewed', { 'step number': 2 }, { event_version: 1 }],
    ]);
    // The caller's context is kept beside what the client adds (library, page, userAgent).
    expect(tracks[1]?.[3]).toMatchObject({ campaign: { name: 'winter' }, library: { name: expected.library }, page: { path: '/index.html' } });

    const identifies = ingest.ofType('identify');
    expect(identifies).toEqual([expect.objectContaining({ userId: 'user_1' })]);
    expect(identifies.map(expected.identifyTraits)).toEqual([{ email: 'ada@example.com', plan: 'pro' }]);
    expect(ingest.ofType('group')).toEqual([expect.objectContaining({ groupId: 'group_1', traits: { name: 'Acme', employees: 12 } })]);
    expect(ingest.ofType('page')).toEqual([
      expect.objectContaining({ category: 'Shop', name: 'Catalog', properties: expect.objectContaining({ section: 'catalog', path: '/index.html' }) }),
    ]);
  });

  const sentEvents = () => ingest.ofType('track').map((track) => [track['event'], track['properties']]);
  const sentTraits = () => ingest.ofType('identify').map((call) => [call['userId'], call['traits']]);

  it('under the skip policy, reports the violations and sends nothing of those calls', async () => {
    const { violations, caught, offMachine } = await visit('segment', 'skip', 1);
    expect(violations).toEqual(invalidCallViolations.map((violation) => expect.objectContaining(violation)));
    expect(caught).toEqual([]);
    expect(offMachine).toEqual([]);
    expect(sentEvents()).toEqual([['Signed Up', { method: 'google' }]]);
    expect(sentTraits()).toEqual([]);
  });

  it('under the throw policy, throws PlangenViolationError and sends nothing of those calls', async () => {
    const { violations, caught } = await visit('segment', 'throw', 1);
    expect(violations).toEqual(invalidCallViolations.map((violation) => expect.objectContaining(violation)));
    expect(caught).toEqual(invalidCallTexts);
    expect(sentEvents()).toEqual([['Signed Up', { method: 'google' }]]);
    expect(sentTraits()).toEqual([]);
  });

  it('by default (warn), warns in the console and still sends the calls', async () => {
    const { violations, warnings } = await visit('segment', 'warn', 3);
    expect(violations).toEqual([]);
    for (const text of invalidCallTexts) expect(warnings.some((warning) => warning.includes(text))).toBe(true);
    expect(sentEvents().sort()).toEqual([
      ['Order Completed', { order_id: 'ord_2', total: 'free' }],
      ['Signed Up', { method: 'google' }],
    ]);
    expect(sentTraits()).toEqual([['user_2', { plan: 'pro' }]]);
  });

  it('before configure(), sends through the analytics-next client the snippet leaves on window.analytics', async () => {
    const { violations, pageErrors } = await visit('segment', 'snippet', 1);
    expect({ violations, pageErrors }).toEqual({ violations: [], pageErrors: [] });
    expect(byEventAndVersion(ingest.ofType('track')).map((track) => track.slice(0, 3))).toEqual([
      ['Order Completed', { order_id: 'legacy-2' }, { event_version: 1 }],
    ]);
  });

  it('what analytics-next put on the wire passes `plangen validate` against the same plan', async () => {
    await visit('segment', 'send', 7);
    const { code, report } = await validateRecorded(ingest.messages, recordingFile(recordings, 'send'), 'plan.yaml', app);
    expect(report.totals).toEqual({ payloads: 7, valid: 7, invalid: 0, unplannedEvents: 0, malformed: 0, versionFallbacks: 0 });
    expect(code).toBe(0);
  });

  it('what the warn policy let through fails `plangen validate` with the same findings', async () => {
    await visit('segment', 'warn', 3);
    const { code, report } = await validateRecorded(ingest.messages, recordingFile(recordings, 'warn'), 'plan.yaml', app);
    expect(findings(report)).toEqual(invalidCallFindings);
    expect(code).toBe(1);
  });
});
