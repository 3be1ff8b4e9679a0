// Issue 15, target 4 (memory): a cold development `plangen generate --no-cache` of a
// 10,000-event synthetic plan must finish within Node.js's default heap on this machine (no
// --max-old-space-size anywhere: the child runs with the bench's NODE_OPTIONS preloads only).
// One run (it takes a while); wall, CPU, peak RSS, output size, and the heap limit the child
// ran under, which a default `node` reports. The 500- and 2,000-event rows against Typewriter
// are the codegen table's (run.mjs, codegen.mjs); this adds the size Typewriter is not run on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { measureNode } from './lib/measure.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const EVENTS = 10_000;
const QUICK_EVENTS = 2_000;

export async function run({ workDir, plangenBin, quick, log }) {
  const events = quick ? QUICK_EVENTS : EVENTS;
  const dir = join(workDir, 'large');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const planFile = join(dir, `synthetic-${events}.json`);
  log(`large: writing the ${events.toLocaleString('en-US')}-event plan`);
  const { plan } = writeSyntheticPlan(events, planFile);
  const heapLimitMb = defaultHeapLimitMb();
  const loadBefore = loadavg()[0];
  log(`large: plangen generate (development, --no-cache) on ${events.toLocaleString('en-US')} events`);
  const out = join(dir, 'sdk');
  const measured = await measureNode(plangenBin, ['generate', '--plan', planFile, '--out', out, '--client', 'analytics-next', '--no-cache'], { cwd: dir });
  const loadAfter = loadavg()[0];
  const output = readdirSync(out)
    .filter((name) => /\.(ts|js)$/.test(name))
    .reduce((sum, name) => sum + statSync(join(out, name)).size, 0);
  const planBytes = statSync(planFile).size;
  rmSync(dir, { recursive: true, force: true });
  return render({ events, rules: plan.rules.length, planBytes, measured, output, heapLimitMb, loads: [loadBefore, loadAfter] });
}

/** The V8 heap limit of a plain `node` on this machine: what "Node's default heap" means here. */
function defaultHeapLimitMb() {
  const bytes = Number(execFileSync(process.execPath, ['-p', 'v8.getHeapStatistics().heap_size_limit'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }).trim());
  return bytes / 1024 / 1024;
}

function render({ events, rules, planBytes, measured, output, heapLimitMb, loads }) {
  const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const rssMib = measured.maxRssKb / 1024;
  return [
    `## Large plans: ${events.toLocaleString('en-US')} events within the default heap (issue 15, target 4)`,
    '',
    'One cold `plangen generate --client analytics-next --no-cache` (development: types and precompiled validators) of a synthetic plan from `bench/synthetic-plan.mjs`, as a child process that sets no heap flag. The validators compile in batches, each with its own ajv instance, over max(1, cores - 1) worker threads and the main thread; peak RSS counts every thread.',
    '',
    '| events | rules | plan.json | wall | CPU | CPU per rule | peak RSS | default heap limit (`node`) | output | 1-minute load (before, after) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${events.toLocaleString('en-US')} | ${rules.toLocaleString('en-US')} | ${mib(planBytes)} | ${(measured.wallMs / 1000).toFixed(1)} s | ${(measured.cpuMs / 1000).toFixed(1)} s | ${(measured.cpuMs / rules).toFixed(1)} ms | ${rssMib.toFixed(0)} MiB | ${heapLimitMb.toFixed(0)} MiB | ${mib(output)} | ${loads.map((load) => load.toFixed(1)).join(', ')} |`,
    '',
    `The generation ${rssMib < heapLimitMb ? 'finished' : 'finished, with a peak RSS above the heap limit (RSS also counts code, stacks and each worker thread)'} without raising the heap limit. Earlier (before issue 15): 5,000 events took 100 s and 5.3 GB, and 50,000 ran out of memory after 14 minutes.`,
    '',
  ].join('\n');
}
