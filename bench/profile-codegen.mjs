// Where plangen's codegen time goes: one `plangen generate` run under the V8
// CPU profiler, its self time summed by origin (a dependency, a plangen module,
// the garbage collector), for each thread: the main thread (plan, types,
// formatting, writing) and the worker that compiles the validators meanwhile.
// Profiling slows the run down; the shares are what matter.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BLOCK_NETWORK = fileURLToPath(new URL('./lib/block-network.cjs', import.meta.url));

/**
 * Returns { threads: [{ thread, busyMs, spanMs, origins: [{ origin, ms }] }] }, main thread first;
 * `busyMs` is the non-idle sampled time, `spanMs` the time from the thread's start to its end.
 */
export function profileCodegen({ workDir, plangenBin, planFile }) {
  const dir = join(workDir, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, '--require', BLOCK_NETWORK, plangenBin, 'generate', '--plan', planFile, '--out', join(dir, 'sdk'), '--client', 'analytics-next'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Node.js names each file CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile; thread 0 is the main thread.
  const threads = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({ threadId: Number(name.split('.').at(-3)), profile: JSON.parse(readFileSync(join(dir, name), 'utf8')) }))
    .sort((a, b) => a.threadId - b.threadId);
  return {
    threads: threads.map(({ threadId, profile }) => ({
      thread: threadId === 0 ? 'main thread' : 'validator worker thread',
      spanMs: (profile.endTime - profile.startTime) / 1000,
      ...summarize(profile),
    })),
  };
}

function summarize(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let busyMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const origin = originOf(nodes.get(id).callFrame);
    if (origin === undefined) return;
    totals.set(origin, (totals.get(origin) ?? 0) + ms);
    busyMs += ms;
  });
  const origins = [...totals].map(([origin, ms]) => ({ origin, ms })).sort((a, b) => b.ms - a.ms);
  return { busyMs, origins };
}

/** A dependency's name, plangen's own module path, or what V8 calls the frame; undefined for idle time. */
function originOf({ url, functionName }) {
  if (functionName === '(idle)') return undefined;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 and native code';
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dependency) return dependency[1];
  const own = /\/cli\/dist\/(.+)\.js$/.exec(url);
  if (own) return `plangen ${own[1].split('/').slice(0, -1).join('/') || own[1]}/`;
  if (url.startsWith('node:')) return 'Node.js internals';
  return url === '' ? 'generated validator code and V8 built-ins' : url;
}
