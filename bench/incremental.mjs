// Issue 15, targets 2 and 3: what plangen costs when little or nothing changed.
//   - nothing changed: `plangen generate` and `generate --check` of the reference plan against `node -e 0` (Node's
//     own start-up, the floor), in a project where plangen generated before, and in a fresh clone-like copy of it
//     (plan, config and the committed output with its manifest; no node_modules, so no cache);
//   - one event changed: one property added to one event of the 500-event plan, then a rerun (a new process, warm
//     cache) and a `--watch` regeneration (the warm process), against `typewriter build` of the same plan.
// Each measured change adds a property no run has seen before, so no run is served whole from the cache.
// Commands run in turns (A, B, A, B...), and ratios are taken pair by pair, so machine load falls on both alike.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { median } from './lib/measure.mjs';
import { prepareTypewriter, REPO, runTypewriter } from './lib/tools.mjs';

const REFERENCE_PLAN = join(REPO, 'fixtures/typewriter-public-api-reference-plan/plan.json');

export async function run({ workDir, plangenBin, plans, quick, log }) {
  const root = join(workDir, 'incremental');
  rmSync(root, { recursive: true, force: true });
  const loads = [loadavg()[0]];
  const nothing = await nothingChanged(root, plangenBin, quick ? 5 : 15, log);
  loads.push(loadavg()[0]);
  const plan500 = plans.find((plan) => plan.name === 'synthetic-500');
  const oneEvent = plan500 ? await oneEventChanged(root, plangenBin, plan500.file, quick, log) : undefined;
  loads.push(loadavg()[0]);
  return report(nothing, oneEvent, loads);
}

/** A project folder: package.json, the plan, a JSON config; `node_modules` when the cache should be on disk. */
function project(dir, planFile, withNodeModules) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench-app", "private": true }\n');
  cpSync(planFile, join(dir, 'plan.json'));
  writeFileSync(join(dir, 'plangen.config.json'), `${JSON.stringify({ plan: 'plan.json', out: 'src/analytics', client: 'analytics-next' })}\n`);
  if (withNodeModules) mkdirSync(join(dir, 'node_modules'), { recursive: true });
  return dir;
}

async function nothingChanged(root, bin, runs, log) {
  const dir = project(join(root, 'reference'), REFERENCE_PLAN, true);
  await timed(process.execPath, [bin, 'generate'], dir); // the generation whose output stays untouched
  const clone = join(root, 'reference-clone');
  for (const name of ['package.json', 'plan.json', 'plangen.config.json', 'src']) cpSync(join(dir, name), join(clone, name), { recursive: true });
  const rows = [];
  for (const [label, args, cwd] of [
    ['`plangen generate`', ['generate'], dir],
    ['`plangen generate --check`', ['generate', '--check'], dir],
    ['`plangen generate`, fresh clone', ['generate'], clone],
    ['`plangen generate --check`, fresh clone', ['generate', '--check'], clone],
  ]) {
    log(`  nothing changed: ${label} vs node -e 0 (${runs} pairs)`);
    rows.push({ label, ...(await pairs([process.execPath, [bin, ...args], cwd], [process.execPath, ['-e', '0'], cwd], runs)) });
  }
  return rows;
}

/** One property, never seen before, added to one event: the `index`th change. */
function withOneMoreProperty(plan, index) {
  const copy = structuredClone(plan);
  const rule = copy.rules[index % copy.rules.length];
  rule.jsonSchema.properties.properties.properties[`bench_added_${index}`] = { description: `Added by change ${index}.`, type: 'string' };
  return `${JSON.stringify(copy, null, 2)}\n`;
}

async function oneEventChanged(root, bin, planFile, quick, log) {
  const plan = JSON.parse(readFileSync(planFile, 'utf8'));
  const runs = quick ? 2 : 5;
  const dir = project(join(root, 'synthetic-500'), planFile, true);
  log('  one event changed: first (cold) generation of the 500-event plan');
  const cold = await timed(process.execPath, [bin, 'generate'], dir);
  let change = 0;
  const rerun = [];
  const typewriterRuns = quick ? 1 : 2;
  const typewriterDir = prepareTypewriter(join(root, 'typewriter-500'), planFile);
  const typewriter = [];
  // Reruns and Typewriter's builds take turns, so load from elsewhere falls on both alike.
  for (let i = 0; i < runs; i += 1) {
    writeFileSync(join(dir, 'plan.json'), withOneMoreProperty(plan, ++change));
    log(`  one event changed: rerun ${i + 1} of ${runs}`);
    rerun.push(await timed(process.execPath, [bin, 'generate'], dir));
    if (i < typewriterRuns) {
      log(`  one event changed: typewriter build ${i + 1} of ${typewriterRuns}`);
      writeFileSync(join(typewriterDir, 'plan.json'), withOneMoreProperty(plan, ++change));
      typewriter.push(await runTypewriter(typewriterDir, 'development'));
    }
  }
  const watch = await watchRuns(bin, dir, plan, () => ++change, runs, log);
  return {
    cold,
    rerun: { wallMs: median(rerun.map((sample) => sample.wallMs)), cpuMs: median(rerun.map((sample) => sample.cpuMs)) },
    watch: { wallMs: median(watch.map((sample) => sample.wallMs)), cpuMs: median(watch.map((sample) => sample.cpuMs)) },
    typewriter: { wallMs: median(typewriter.map((sample) => sample.wallMs)), cpuMs: median(typewriter.map((sample) => sample.cpuMs)) },
    runs,
    typewriterRuns,
  };
}

/**
 * `plangen generate --watch` in `dir`: for each change, the time from the plan's write to the "wrote" line, and
 * the CPU time the process (all its threads) spent meanwhile, from /proc (Linux).
 */
async function watchRuns(bin, dir, plan, nextChange, runs, log) {
  const child = spawn(process.execPath, [bin, 'generate', '--watch'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  const waiters = [];
  child.stderr.on('data', (chunk) => {
    said += chunk;
    for (const waiter of waiters.splice(0)) waiter();
  });
  const waitFor = async (pattern, from) => {
    while (!pattern.test(said.slice(from))) {
      if (child.exitCode !== null) throw new Error(`plangen --watch exited: ${said}`);
      await new Promise((resolve) => waiters.push(resolve));
    }
  };
  try {
    await waitFor(/watching /, 0);
    const samples = [];
    for (let i = 0; i < runs; i += 1) {
      log(`  one event changed: --watch regeneration ${i + 1} of ${runs}`);
      const from = said.length;
      const cpuBefore = processCpuMs(child.pid);
      const started = performance.now();
      writeFileSync(join(dir, 'plan.json'), withOneMoreProperty(plan, nextChange()));
      await waitFor(/plangen: wrote \d+ files? to /, from);
      samples.push({ wallMs: performance.now() - started, cpuMs: processCpuMs(child.pid) - cpuBefore });
    }
    return samples;
  } finally {
    child.kill('SIGINT');
  }
}

const sum = (values) => values.reduce((total, value) => total + value, 0);

/** User + system CPU of a running process so far (clock ticks of 10 ms, as Linux reports them). */
function processCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop().split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A and B in turns; medians of each and of the pair-by-pair ratio of wall and CPU time. */
async function pairs([commandA, argsA, cwd], [commandB, argsB], runs) {
  await timed(commandA, argsA, cwd);
  await timed(commandB, argsB, cwd); // warm-up pair
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i += 1) {
    a.push(await timed(commandA, argsA, cwd));
    b.push(await timed(commandB, argsB, cwd));
  }
  return {
    aMs: median(a.map((sample) => sample.wallMs)),
    bMs: median(b.map((sample) => sample.wallMs)),
    wallRatio: median(a.map((sample, index) => sample.wallMs / b[index].wallMs)),
    // GNU time counts CPU in 10 ms ticks, a quarter of `node -e 0`: the ratio of the totals is the finer figure.
    cpuRatio: sum(a.map((sample) => sample.cpuMs)) / Math.max(1, sum(b.map((sample) => sample.cpuMs))),
    runs,
  };
}

/** Wall time of one process, and its CPU time (user + system) as GNU time reports it. */
function timed(command, args, cwd) {
  const timesFile = join(mkdtempSync(join(tmpdir(), 'plangen-incremental-')), 'times');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timesFile, command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const times = readFileSync(timesFile, 'utf8');
      rmSync(dirname(timesFile), { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr}`));
      const [user, system] = times.trim().split('\n').pop().split(' ').map(Number);
      resolve({ wallMs, cpuMs: (user + system) * 1000 });
    });
  });
}

function report(nothing, oneEvent, loads) {
  const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;
  const x = (value) => `${value.toFixed(2)}x`;
  const lines = [
    '## Nothing changed, and one event changed (issue 15, targets 2 and 3)',
    '',
    `Load average (1 min) before, between and after: ${loads.map((load) => load.toFixed(1)).join(', ')}.`,
    '',
    '| nothing changed (reference plan, 25 events) | plangen | `node -e 0` | wall ratio (median of pairs) | CPU ratio (totals) | target |',
    '| --- | --- | --- | --- | --- | --- |',
    ...nothing.map((row) => `| ${row.label} | ${ms(row.aMs)} | ${ms(row.bMs)} | ${x(row.wallRatio)} | ${x(row.cpuRatio)} | <= 1.5x: ${row.wallRatio <= 1.5 ? 'met' : 'not met'} |`),
    '',
  ];
  if (oneEvent) {
    const faster = (sample) => `${(oneEvent.typewriter.wallMs / sample.wallMs).toFixed(1)}x / ${(oneEvent.typewriter.cpuMs / sample.cpuMs).toFixed(1)}x`;
    const verdict = (sample) => (oneEvent.typewriter.wallMs / sample.wallMs >= 20 ? 'met' : 'not met');
    lines.push(
      '| one property added to one event of the 500-event plan | wall | CPU | faster than `typewriter build` (wall / CPU; target 20x) |',
      '| --- | --- | --- | --- |',
      `| \`typewriter build\` (median of ${oneEvent.typewriterRuns}) | ${ms(oneEvent.typewriter.wallMs)} | ${ms(oneEvent.typewriter.cpuMs)} | |`,
      `| plangen, first generation (cold cache) | ${ms(oneEvent.cold.wallMs)} | ${ms(oneEvent.cold.cpuMs)} | ${faster(oneEvent.cold)} |`,
      `| plangen rerun, warm cache (median of ${oneEvent.runs}) | ${ms(oneEvent.rerun.wallMs)} | ${ms(oneEvent.rerun.cpuMs)} | ${faster(oneEvent.rerun)}: ${verdict(oneEvent.rerun)} |`,
      `| plangen \`--watch\` regeneration (median of ${oneEvent.runs}) | ${ms(oneEvent.watch.wallMs)} | ${ms(oneEvent.watch.cpuMs)} | ${faster(oneEvent.watch)}: ${verdict(oneEvent.watch)} |`,
      '',
    );
  } else {
    lines.push('The 500-event plan was not written in this run (quick mode), so the one-event rows are missing.', '');
  }
  return lines.join('\n');
}
