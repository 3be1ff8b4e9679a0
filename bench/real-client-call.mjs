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
  { client: 'analytics-next', label: '@segment/analytics-next (Chromium)', app: 'examples/browser-app', driver: 'browser-driver.mjs', calls: 300 },
];

export async function run({ workDir, plangenBin, coreEntry, quick, log }) {
  const dir = join(workDir, 'real-client');
  mkdirSync(dir, { recursive: true });
  const rounds = quick ? 5 : 21;
  const results = [];
  for (const spec of CLIENTS) {
    const options = { calls: spec.calls, rounds };
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
  for (const { label, perCall, violations } of results) {
    const direct = median(perCall.direct);
    rows.push(`| ${label} | direct \`track()\` | ${micros(direct)} |  |  |`);
    for (const name of ['plangen (development)', 'plangen (production)']) {
      const added = median(perCall[name].map((value, round) => value - perCall.direct[round]));
      rows.push(`| ${label} | ${name} | ${micros(median(perCall[name]))} | ${added >= 0 ? '+' : ''}${micros(added)} | ${((added / direct) * 100).toFixed(1)}% |`);
    }
    if (violations > 0) lines.push(`- ${label}: the development wrapper reported ${violations} violations; the payload is meant to be valid, so its figures are suspect.`);
  }
  return [
    '## Per call through the real clients (issue 15, target 6)',
    '',
    `The share of a real \`track()\` that plangen's wrapper adds: event \`Order Completed\` v2 of the example apps' plans with valid properties, sent directly (with the same \`context.protocols.event_version\`) and through the generated wrappers. @segment/analytics-node runs in Node.js with its own batching and JSON serialising, handing each batch to an HTTP client that counts the events and answers 200 at once; @segment/analytics-next runs in Chromium with its event queue and plugin pipeline and one destination plugin that counts the events. No network either way. A call is done when the client has handed its event on; each round makes ${results.map(({ label, calls }) => `${calls.toLocaleString('en-US')} (${label.split(' ')[0]})`).join(' or ')} calls of each contender in rotating order, ${rounds} rounds after 2 of warm-up. "Added" is the median over rounds of the wrapper's per-call time minus the direct call's in the same round (so it can come out below zero when the difference is inside the noise).`,
    '',
    '| client | contender | median per call | added over direct | share of the real call |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...(lines.length > 0 ? ['', ...lines] : []),
  ].join('\n');
}

function micros(value) {
  return Math.abs(value) >= 10 ? `${value.toFixed(1)} us` : `${value.toFixed(2)} us`;
}
