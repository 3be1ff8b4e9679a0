// Issue 19: three SDKs of the 500-event synthetic plan from one config (`outputs`), in one
// `plangen generate` run, against three runs of one output each (the same selections, one
// config per output). The one run loads the plan once and shares what outputs can share;
// the separate runs each start Node, load the plan and compile their validators alone.
// Outputs: a "web" subset (events whose action is a view or a click, by glob), a "node" subset
// (every other event, the same globs excluded), and everything. Runs alternate (A, B, A, B...) and
// the ratio is taken pair by pair, so machine load falls on both alike; --no-cache and emptied
// output folders, so every run generates and writes everything.
//
//   node outputs.mjs [--quick]   runs the section alone on a fresh 500-event plan and prints its markdown
import { mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureNode, median } from './lib/measure.mjs';

const WEB_EVENTS = ['* Viewed', '* Clicked', '* Opened', '* Closed', '* Previewed', '* Expanded', '* Collapsed', '* Selected'];
const OUTPUTS = [
  { out: 'web', client: 'analytics-next', include: { events: WEB_EVENTS } },
  { out: 'node', client: 'analytics-node', exclude: { events: WEB_EVENTS } },
  { out: 'all', client: 'analytics-next' },
];

export async function run({ workDir, plangenBin, plans, quick, log }) {
  const plan = plans.find((one) => one.name === 'synthetic-500');
  if (plan === undefined) return '## Several outputs in one run (issue 19)\n\nSkipped: no 500-event plan in this run.\n';
  const dir = join(workDir, 'outputs');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench-outputs", "private": true, "type": "module" }\n');
  cpSync(plan.file, join(dir, 'plan.json'));
  writeFileSync(join(dir, 'three-outputs.config.json'), JSON.stringify({ plan: 'plan.json', outputs: OUTPUTS }));
  for (const output of OUTPUTS) writeFileSync(join(dir, `one-${output.out}.config.json`), JSON.stringify({ plan: 'plan.json', outputs: [output] }));

  const clean = () => {
    for (const { out } of OUTPUTS) rmSync(join(dir, out), { recursive: true, force: true });
  };
  const generate = (config) => measureNode(plangenBin, ['generate', '--config', config, '--no-cache'], { cwd: dir });
  const oneRun = async () => {
    clean();
    return generate('three-outputs.config.json');
  };
  const separateRuns = async () => {
    clean();
    const runs = [];
    for (const { out } of OUTPUTS) runs.push(await generate(`one-${out}.config.json`));
    return { wallMs: runs.reduce((sum, one) => sum + one.wallMs, 0), cpuMs: runs.reduce((sum, one) => sum + one.cpuMs, 0), maxRssKb: Math.max(...runs.map((one) => one.maxRssKb)) };
  };

  log('outputs: warm-up');
  await oneRun();
  const pairs = quick ? 3 : 5;
  const samples = [];
  for (let i = 0; i < pairs; i++) {
    log(`outputs: pair ${i + 1} of ${pairs}`);
    const one = await oneRun();
    const separate = await separateRuns();
    samples.push({ one, separate });
  }
  const summary = (await oneRun()).stderr.trim().split('\n');
  return render(samples, summary);
}

function render(samples, summary) {
  const row = (label, pick) => {
    const one = median(samples.map((sample) => pick(sample.one)));
    const separate = median(samples.map((sample) => pick(sample.separate)));
    const ratio = median(samples.map((sample) => pick(sample.separate) / pick(sample.one)));
    return `| ${label} | ${(one / 1000).toFixed(2)} s | ${(separate / 1000).toFixed(2)} s | ${ratio.toFixed(2)}x |`;
  };
  const peak = (pick) => `${Math.round(median(samples.map((sample) => pick(sample).maxRssKb)) / 1024)} MB`;
  return [
    '## Several outputs in one run (issue 19)',
    '',
    'Three SDKs of the 500-event synthetic plan (`outputs`: a web subset by event glob with analytics-next, the other events with',
    'analytics-node, everything with analytics-next), development mode, `--no-cache`, output folders emptied before each run:',
    `one \`plangen generate\` of the three-output config against three runs of one output each. Medians of ${samples.length} alternating pairs;`,
    'the ratio is the median of the per-pair ratios (separate / one run).',
    '',
    '| measure | one run, 3 outputs | 3 runs, 1 output each | separate / one run |',
    '| --- | --- | --- | --- |',
    row('wall time', (sample) => sample.wallMs),
    row('CPU time (user + system)', (sample) => sample.cpuMs),
    `| peak memory | ${peak((sample) => sample.one)} | ${peak((sample) => sample.separate)} (largest run) | |`,
    '',
    'What the one run printed:',
    '',
    ...summary.map((line) => `    ${line}`),
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { REPO } = await import('./lib/tools.mjs');
  const { writeSyntheticPlan } = await import('./synthetic-plan.mjs');
  const { buildPlangen } = await import('./lib/build-plangen.mjs');
  const workDir = join(REPO, 'bench/.work/outputs-section');
  mkdirSync(workDir, { recursive: true });
  // A build of its own: packages/cli/dist is rebuilt by other work at any time.
  rmSync(join(workDir, 'plangen'), { recursive: true, force: true });
  const { bin } = await buildPlangen(join(workDir, 'plangen'));
  const file = join(workDir, 'synthetic-500.json');
  writeSyntheticPlan(500, file);
  const markdown = await run({
    workDir,
    plangenBin: bin,
    plans: [{ name: 'synthetic-500', file }],
    quick: process.argv.includes('--quick'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(markdown);
}
