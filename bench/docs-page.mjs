// `plangen docs` at scale: the 2,000-event synthetic plan's catalog page in headless
// Chromium (Debian's /usr/bin/chromium, driven by playwright-core), against the 100-event
// page of the same run as the baseline. Per page: the time `plangen docs` takes to write it,
// its size, when its script has run (the `plangen-ready` mark: search and filters work from
// then on; each event's details, after the script in the page, are still being parsed),
// when the whole document is parsed (DOMContentLoaded), a keystroke's filter until the next
// frame is painted, and the first opening of an event. Medians of several page loads.
//
//   node docs-page.mjs [--quick]   runs the section alone and prints its markdown
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { measureNode, median } from './lib/measure.mjs';
import { REPO } from './lib/tools.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SIZES = [100, 2000];

export async function run({ workDir, plangenBin, quick, log }) {
  mkdirSync(workDir, { recursive: true });
  const loads = quick ? 3 : 7;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows = [];
  try {
    for (const events of SIZES) {
      const plan = join(workDir, `docs-synthetic-${events}.json`);
      writeSyntheticPlan(events, plan);
      const out = join(workDir, `docs-${events}`);
      log(`docs page: plangen docs on ${events} events`);
      const written = await measureNode(plangenBin, ['docs', '--plan', plan, '--out', out], { cwd: workDir });
      const page = join(out, 'index.html');
      const samples = [];
      for (let i = 0; i < loads; i++) samples.push(await loadOnce(browser, pathToFileURL(page).href));
      rows.push({
        events,
        writeMs: written.wallMs,
        bytes: statSync(page).size,
        ready: median(samples.map((sample) => sample.ready)),
        parsed: median(samples.map((sample) => sample.parsed)),
        filter: median(samples.map((sample) => sample.filter)),
        widen: median(samples.map((sample) => sample.widen)),
        open: median(samples.map((sample) => sample.open)),
        shown: samples[0].shown,
      });
    }
  } finally {
    await browser.close();
  }
  return render(rows, loads);
}

/** One fresh page: load, then filter (type a word), widen again (clear it), open the first event. */
async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const result = await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const ready = performance.getEntriesByName('plangen-ready')[0].startTime;
    const parsed = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
    await frame();
    const search = document.getElementById('search');
    const type = async (value) => {
      const start = performance.now();
      search.value = value;
      search.dispatchEvent(new Event('input'));
      await frame();
      return performance.now() - start;
    };
    const filter = await type('order viewed');
    const shown = document.querySelectorAll('[data-event]:not([hidden])').length;
    const widen = await type('');
    const start = performance.now();
    document.querySelector('[data-event] .toggle').click();
    await frame();
    return { ready, parsed, filter, shown, widen, open: performance.now() - start };
  });
  await context.close();
  return result;
}

function render(rows, loads) {
  const [base, big] = rows;
  const ms = (value) => `${Math.round(value)} ms`;
  const ratio = (a, b) => `${(a / b).toFixed(1)}x`;
  const lines = [
    '## plangen docs on the 2,000-event plan',
    '',
    `The catalog page of the synthetic plans in headless Chromium, opened from file://; medians of ${loads} page loads. ` +
      'Ready: the page script has run (search, label filters and anchors work); parsed: DOMContentLoaded (every event\'s details read); ' +
      'filter: typing "order viewed" until the next frame; widen: clearing it (all events shown again); open: the first event\'s details rendered.',
    '',
    '| events | write (plangen docs) | page size | ready | parsed | filter | widen | open |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.events.toLocaleString('en')} | ${ms(row.writeMs)} | ${(row.bytes / 1048576).toFixed(1)} MB | ${ms(row.ready)} | ${ms(row.parsed)} | ${ms(row.filter)} | ${ms(row.widen)} | ${ms(row.open)} |`),
  ];
  if (base && big) {
    lines.push(
      '',
      `2,000 events against 100 in the same run: ready ${ratio(big.ready, base.ready)}, parsed ${ratio(big.parsed, base.parsed)}, ` +
        `filter ${ratio(big.filter, base.filter)}, page size ${ratio(big.bytes, base.bytes)}, write ${ratio(big.writeMs, base.writeMs)} ` +
        `(the filter left ${big.shown} of 2,000 events shown).`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const markdown = await run({
    workDir: join(REPO, 'bench/.work/sections'),
    plangenBin: join(REPO, 'packages/cli/bin/plangen.js'),
    quick: process.argv.includes('--quick'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(markdown);
}
