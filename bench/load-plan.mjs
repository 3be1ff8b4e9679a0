// Reading a plan (issue 15, H8): `plangen inspect` (load, check and list signatures; no type
// emitter, templates or validators) of the reference plan and of the 500- and 2,000-event
// synthetic plans, each run taking turns with `node -e 0` (A B A B ...), the ratio taken pair
// by pair. The loader's fixed-schema checks are precompiled ajv standalone code, and a valid
// .json plan is parsed by JSON.parse with jsonc-parser's located scans only on a problem.
//
//   node load-plan.mjs [--quick]   runs the section alone and prints its markdown
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureNode, median } from './lib/measure.mjs';
import { REPO } from './lib/tools.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const SIZES = [500, 2000];

export async function run({ workDir, plangenBin, quick, plans = [], log }) {
  const dir = join(workDir, 'load-plan');
  mkdirSync(dir, { recursive: true });
  const pairs = quick ? 3 : 7;
  const reference = plans.find((plan) => plan.name === 'reference')?.file ?? join(REPO, 'fixtures/typewriter-public-api-reference-plan/plan.json');
  const subjects = [{ label: 'reference plan (25 events)', file: reference }];
  for (const events of SIZES) {
    // The same plans as the codegen rows when run.mjs wrote them; written here (same seed, same bytes) otherwise.
    const file = plans.find((plan) => plan.name === `synthetic-${events}`)?.file ?? join(dir, `synthetic-${events}.json`);
    if (!plans.some((plan) => plan.file === file)) writeSyntheticPlan(events, file);
    subjects.push({ label: `synthetic ${events.toLocaleString('en')} events`, file });
  }
  const loads = [loadavg()[0]];
  const rows = [];
  for (const subject of subjects) {
    log(`load-plan: plangen inspect, ${subject.label}`);
    const measured = [];
    for (let pair = 0; pair < pairs; pair++) {
      const node = await measureNode('-e', ['0'], { cwd: dir });
      const inspect = await measureNode(plangenBin, ['inspect', subject.file], { cwd: dir });
      measured.push({ node, inspect });
      loads.push(loadavg()[0]);
    }
    rows.push({ subject, measured });
  }
  const table = [
    '| `plangen inspect` of | wall (median) | CPU (median) | peak RSS (median) | wall vs `node -e 0` | CPU vs `node -e 0` |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { subject, measured } of rows) {
    const runs = measured.map(({ inspect }) => inspect);
    const ratio = (key) => median(measured.map(({ node, inspect }) => inspect[key] / node[key])).toFixed(2);
    table.push(
      `| ${subject.label} | ${ms(median(runs.map((run) => run.wallMs)))} | ${ms(median(runs.map((run) => run.cpuMs)))} | ${Math.round(median(runs.map((run) => run.maxRssKb)) / 1024)} MiB | ${ratio('wallMs')}x | ${ratio('cpuMs')}x |`,
    );
  }
  return [
    '## Reading a plan: `plangen inspect` against `node -e 0` (issue 15)',
    '',
    `Each \`plangen inspect\` (read, check and model the plan, then list its signatures) takes turns with \`node -e 0\` (${pairs} pairs each); ratios are medians of each pair's ratio. 1-minute load average during these runs: ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)} (2 cores).`,
    '',
    ...table,
  ].join('\n');
}

function ms(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const workDir = join(REPO, 'bench/.work/load-plan-alone');
  console.log(await run({ workDir, plangenBin: join(REPO, 'packages/cli/bin/plangen.js'), quick: process.argv.includes('--quick'), log: (line) => console.error(line) }));
}
