// pull, push and the spreadsheet conversions (issue 17) on the 2,000-event synthetic
// plan, against `plangen inspect` of the same plan in the same run as the baseline
// (both load the plan; the ratio is what the feature adds). pull and push talk to a
// local stand-in of the Segment Public API serving the plan's rules in pages of 200,
// as the real rules endpoint does. Medians of several runs.
//
//   node sync.mjs [--quick]   runs the section alone and prints its markdown
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureNode, median } from './lib/measure.mjs';
import { REPO } from './lib/tools.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const EVENTS = 2000;
const TOKEN = 'bench-token';

export async function run({ workDir, plangenBin, quick, log }) {
  mkdirSync(workDir, { recursive: true });
  const runs = quick ? 3 : 5;
  const plan = join(workDir, `sync-synthetic-${EVENTS}.json`);
  writeSyntheticPlan(EVENTS, plan);
  const rulesFile = join(workDir, 'sync-rules.json');
  await measureNode(plangenBin, ['export', '--to', 'segment-public-api', '--plan', plan, '--out', rulesFile], { cwd: workDir });
  const server = await startServer(JSON.parse(readFileSync(rulesFile, 'utf8')).rules);
  const env = { SEGMENT_PUBLIC_API_TOKEN: TOKEN };
  const api = ['--tracking-plan', 'tp_bench', '--api-url', server.url];
  const csv = join(workDir, 'sync.csv');
  const commands = [
    { label: 'inspect --format json (baseline)', args: ['inspect', plan, '--format', 'json'] },
    { label: 'export --to csv', args: ['export', '--to', 'csv', '--plan', plan, '--out', csv] },
    { label: 'import --from csv', args: ['import', '--from', 'csv', csv, '--out', join(workDir, 'sync-imported.yaml')] },
    { label: 'export --to segment-public-api', args: ['export', '--to', 'segment-public-api', '--plan', plan, '--out', join(workDir, 'sync-export.json')] },
    { label: 'pull (10 pages of 200 rules)', args: ['pull', ...api, '--out', join(workDir, 'sync-pulled.json')] },
    { label: 'pull --check', args: ['pull', '--check', ...api, '--out', join(workDir, 'sync-pulled.json')] },
    { label: 'push (dry run)', args: ['push', '--plan', plan, ...api] },
  ];
  const rows = [];
  try {
    for (const command of commands) {
      log(`sync: plangen ${command.args.slice(0, 2).join(' ')}`);
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await measureNode(plangenBin, command.args, { cwd: workDir, env }));
      rows.push({ label: command.label, wallMs: median(samples.map((sample) => sample.wallMs)), rssKb: median(samples.map((sample) => sample.maxRssKb)) });
    }
  } finally {
    await server.close();
  }
  return render(rows, runs, statSync(csv).size, server.requests());
}

/** GET the plan, GET its rules 200 a page with a cursor; PUT is not needed by a dry run. */
function startServer(rules) {
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    const url = new URL(request.url, 'http://localhost');
    const send = (status, value) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { errors: [{ message: 'Unauthorized' }] });
    if (url.pathname === '/tracking-plans/tp_bench') return send(200, { data: { trackingPlan: { id: 'tp_bench', name: 'Synthetic', type: 'LIVE' } } });
    if (url.pathname === '/tracking-plans/tp_bench/rules') {
      const count = Number(url.searchParams.get('pagination.count'));
      const offset = Number(url.searchParams.get('pagination.cursor') ?? 0);
      const next = offset + count < rules.length ? String(offset + count) : null;
      return send(200, { data: { rules: rules.slice(offset, offset + count), pagination: { current: String(offset), next, totalEntries: rules.length } } });
    }
    return send(404, { errors: [{ message: 'Not found' }] });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        requests: () => requests,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

function render(rows, runs, csvBytes, requests) {
  const base = rows[0].wallMs;
  const lines = [
    '## pull, push and spreadsheets on the 2,000-event plan (issue 17)',
    '',
    `Wall time of the built CLI, median of ${runs} runs, against \`plangen inspect --format json\` of the same plan in the same run ` +
      '(every command loads the plan; the ratio is what the command adds). pull and push ask a local stand-in of the Public API, ' +
      `200 rules a page (${requests} requests in all); the CSV is ${(csvBytes / 1024).toFixed(0)} KB.`,
    '',
    '| command | wall | vs inspect | peak RSS |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| \`plangen ${row.label}\` | ${Math.round(row.wallMs)} ms | ${(row.wallMs / base).toFixed(2)}x | ${Math.round(row.rssKb / 1024)} MB |`),
  ];
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
