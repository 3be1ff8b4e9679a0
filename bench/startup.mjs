// Issue 15, target 1: a cold `plangen generate` of the Typewriter reference plan (25 events,
// development, analytics-next) as a fresh process with no cache, against Node.js's own
// start-up (`node -e 0`), the floor on any machine. Each command takes turns with
// `node -e 0` (A B A B ...), both under the same network-blocking preload, and the ratio is
// taken pair by pair, so load that comes and goes during the run moves both sides of a pair.
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { measureNode, median } from './lib/measure.mjs';

const TARGET = 3;

export async function run({ workDir, plangenBin, quick, plans, log }) {
  const dir = join(workDir, 'startup');
  mkdirSync(dir, { recursive: true });
  const reference = plans.find((plan) => plan.name === 'reference');
  const pairs = quick ? 3 : 15;
  let fresh = 0;
  // Every generate writes into a folder of its own: no earlier output, manifest or cache to reuse.
  const generate = (mode) => () => ['generate', '--plan', reference.file, '--out', join(dir, `out-${fresh++}`), '--client', 'analytics-next', '--mode', mode, '--no-cache'];
  const commands = [
    { label: '`plangen --version`', script: plangenBin, args: () => ['--version'] },
    { label: '`plangen generate`, reference plan (25 events), development, cold, `--no-cache`', script: plangenBin, args: generate('development'), target: true },
    { label: '`plangen generate`, reference plan, production, cold, `--no-cache`', script: plangenBin, args: generate('production') },
  ];
  const loads = [loadavg()[0]];
  const rows = [];
  let baseline = [];
  for (const command of commands) {
    log(`start-up: ${command.label}`);
    const pairsMeasured = [];
    for (let pair = 0; pair < pairs; pair++) {
      const node = await measureNode('-e', ['0'], { cwd: dir });
      const measured = await measureNode(command.script, command.args(), { cwd: dir });
      pairsMeasured.push({ node, measured });
      loads.push(loadavg()[0]);
    }
    baseline = baseline.concat(pairsMeasured.map(({ node }) => node));
    rows.push({ command, pairs: pairsMeasured });
  }
  rmSync(dir, { recursive: true, force: true });
  return render(rows, baseline, pairs, loads);
}

function render(rows, baseline, pairs, loads) {
  const wall = (runs) => median(runs.map((run) => run.wallMs));
  const cpu = (runs) => median(runs.map((run) => run.cpuMs));
  const table = [
    '| command | wall (median) | CPU (median) | wall vs `node -e 0` (median of pairs) | CPU vs `node -e 0` |',
    '| --- | --- | --- | --- | --- |',
    `| \`node -e 0\` (every pair's other half) | ${ms(wall(baseline))} | ${ms(cpu(baseline))} | 1.00x | 1.00x |`,
  ];
  let verdict = '';
  for (const { command, pairs: measured } of rows) {
    const wallRatio = median(measured.map(({ node, measured: run }) => run.wallMs / node.wallMs));
    const cpuRatio = median(measured.map(({ node, measured: run }) => run.cpuMs / node.cpuMs));
    const runs = measured.map(({ measured: run }) => run);
    table.push(`| ${command.label} | ${ms(wall(runs))} | ${ms(cpu(runs))} | ${wallRatio.toFixed(2)}x | ${cpuRatio.toFixed(2)}x |`);
    if (command.target) {
      verdict = `Target 1 (at most ${TARGET}x \`node -e 0\` in wall time): ${wallRatio.toFixed(2)}x, ${wallRatio <= TARGET ? 'met' : 'not met'}.`;
    }
  }
  return [
    '## Start-up: a cold generation against `node -e 0` (issue 15, target 1)',
    '',
    `Each command runs as a fresh process, taking turns with \`node -e 0\` (${pairs} pairs each), both under the benchmark's network-blocking preload and GNU time; the ratio is the median of each pair's ratio. \`generate\` writes into a new folder every run with \`--no-cache\`: nothing from an earlier run is reused. plangen's bin runs the bundled CLI (scripts/build-cli.mjs): a \`generate\` whose flags it understands runs from the generate command's own bundle, compiled from the V8 code cache the build saved, without yargs. The validators compile on a worker thread the bin starts before the command loads, so a generation uses two threads: its CPU time can exceed its wall time. 1-minute load average during these runs: ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)} (2 cores).`,
    '',
    ...table,
    '',
    `- ${verdict}`,
  ].join('\n');
}

function ms(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}
