// Issue 15, target 6: what plangen's wrapper adds to a real client's track(), as a share of
// that call. The same event (Order Completed v2 of the example apps' plans, valid
// properties) is sent directly and through the generated development and production
// wrappers, with @segment/analytics-node in Node.js (its batching and serialising, an HTTP
// client that answers at once) and @segment/analytics-next in Chromium (its queue and plugin
// pipeline, a counting destination). No network either way. Rounds alternate the three
// contenders; the added time is the median of each round's difference from the direct call.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { median } from './lib/measure.mjs';
import { REPO } from './lib/tools.mjs';

const HERE = fileURLToPath(new URL('./real-client/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const CLIENTS = [
  // 1,500 calls a round are 100 full analytics-node batches; analytics-next takes milliseconds a call (its queue), so fewer.
  { client: 'analytics-node', label: '@segment/analytics-node (Node.js)', app: 'examples/node-app', driver: 'node-driver.mjs', calls: 1500 },
  // analytics-next persists its whole queue on every call, so its calls go in bursts of 10, each delivered before the next.
  { client: 'analytics-next', label: '@segment/analytics-next (Chromium)', app: 'examples/browser-app', driver: 'browser-driver.mjs', calls: 300, burst: 10 },
];

export async function run({ workDir, plangenBin, coreEntry, quick, log }) {
  const dir = join(workDir, 'real-client');
  mkdirSync(dir, { recursive: true });
  const rounds = quick ? 5 : 21;
  const results = [];
  for (const spec of CLIENTS) {
    const options = { calls: spec.calls, burst: spec.burst ?? spec.calls, rounds };
    log(`per call through ${spec.label}`);
    const sdks = {};
    for (const mode of ['development', 'production']) {
      const out = join(dir, `${spec.client}-${mode}`);
      const plan = join(REPO, spec.app, 'plan.yaml');
      execFileSync(process.execPath, [plangenBin, 'generate', '--plan', plan, '--out', out, '--client', spec.client, '--mode', mode], { stdio: 'pipe' });
      sdks[`sdk-${mode}`] = join(out, 'index.ts');
    }
    const bundle = join(dir, `${spec.client}-driver.js`);
    await build({
      entryPoints: [join(HERE, spec.driver)],
      outfile: bundle,
      bundle: true,
      format: spec.client === 'analytics-node' ? 'esm' : 'iife',
      platform: spec.client === 'analytics-node' ? 'node' : 'browser',
      nodePaths: [join(REPO, spec.app, 'node_modules')],
      alias: { ...sdks, '@plangen/core/runtime': coreEntry },
      // Bundled CommonJS (analytics-node's dependencies) requires Node's own modules.
      ...(spec.client === 'analytics-node' && { banner: { js: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);" } }),
      logLevel: 'silent',
    });
    const measured = spec.client === 'analytics-node' ? runInNode(bundle, options) : await runInChromium(bundle, options);
    results.push({ ...spec, ...measured });
  }
  return render(results, rounds);
}

function runInNode(bundle, options) {
  return JSON.parse(execFileSync(process.execPath, [bundle, JSON.stringify(options)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
}

async function runInChromium(bundle, options) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    // A page of its own origin (analytics-next keeps its queue in localStorage); nothing leaves the browser.
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === 'bench.invalid'
        ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' })
        : route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto('http://bench.invalid/');
    await page.addScriptTag({ content: readFileSync(bundle, 'utf8') });
    return await page.evaluate((settings) => window.runBench(settings), options);
  } finally {
    await browser.close();
  }
}

function render(results, rounds) {
  const rows = [];
  const lines = [];
  for (const { label, returned, delivered, violations } of results) {
    const directReturned = median(returned.direct);
    const directDelivered = median(delivered.direct);
    rows.push(`| ${label} | direct \`track()\` | ${micros(directReturned)} | ${micros(directDelivered)} |  |  |`);
    for (const name of ['plangen (development)', 'plangen (production)']) {
      // Paired by round, so a slower stretch of the run moves both sides of the difference.
      const added = median(delivered[name].map((value, round) => value - delivered.direct[round]));
      const share = `${((added / directDelivered) * 100).toFixed(1)}%`;
      rows.push(`| ${label} | ${name} | ${micros(median(returned[name]))} | ${micros(median(delivered[name]))} | ${signed(added)} | ${share} |`);
    }
    if (violations > 0) lines.push(`- ${label}: the development wrapper reported ${violations} violations; the payload is meant to be valid, so its figures are suspect.`);
  }
  return [
    '## Per call through the real clients (issue 15, target 6)',
    '',
    `The share of a real \`track()\` that plangen's wrapper adds: event \`Order Completed\` v2 of the example apps' plans with valid properties, sent directly (with the same \`context.protocols.event_version\`) and through the generated wrappers. @segment/analytics-node runs in Node.js with its own batching and JSON serialising, handing each batch to an HTTP client that counts the events and answers 200 at once; @segment/analytics-next runs in Chromium with its event queue and plugin pipeline and one destination plugin that counts the events. No network either way. Each round makes ${results.map(({ label, calls, burst }) => `${calls.toLocaleString('en-US')} calls${burst && burst < calls ? ` in bursts of ${burst}, each delivered before the next,` : ''} (${label.split(' ')[0]})`).join(' or ')} of each contender in rotating order, ${rounds} rounds after 2 of warm-up, timed until the calls have returned and until every event has reached the sink; in Node.js in process CPU time (the client runs on one thread, so the machine's other work does not inflate it), in Chromium in wall time (analytics-next's queue dispatches from timers, so its delivered time is mostly waiting). "Added" is the median over rounds of the wrapper's delivered time minus the direct call's in the same round; it can come out below zero when the difference is inside the noise.`,
    '',
    '| client | contender | per call, until it returns | per call, until delivered | added over direct | share of the real call |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(lines.length > 0 ? ['', ...lines] : []),
  ].join('\n');
}

function signed(value) {
  return `${value >= 0 ? '+' : '-'}${micros(Math.abs(value))}`;
}

function micros(value) {
  return Math.abs(value) >= 10 ? `${value.toFixed(1)} us` : `${value.toFixed(2)} us`;
}
