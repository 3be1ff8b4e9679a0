// Where plangen's codegen time goes: one `plangen generate` run under the V8
// CPU profiler, its self time summed by origin (a dependency, a plangen module,
// the garbage collector), for each thread: the main thread (plan, types,
// layout, writing) and the workers that compile the validators meanwhile.
// The CLI runs as a bundle (scripts/build-cli.mjs): each sampled frame is mapped
// back through the bundle's source map to the file it came from. Profiling slows
// the run down; the shares are what matter. As a section (run), it profiles the
// 25-event reference plan, where start-up is most of the time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  const maps = new Map();
  const workers = threads.length - 1;
  return {
    threads: threads.map(({ threadId, profile }, index) => ({
      thread: threadId === 0 ? 'main thread' : workers > 1 ? `validator worker thread ${index}` : 'validator worker thread',
      spanMs: (profile.endTime - profile.startTime) / 1000,
      ...summarize(profile, maps),
    })),
  };
}

function summarize(profile, maps) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let busyMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const origin = originOf(originalFrame(nodes.get(id).callFrame, maps));
    if (origin === undefined) return;
    totals.set(origin, (totals.get(origin) ?? 0) + ms);
    busyMs += ms;
  });
  const origins = [...totals].map(([origin, ms]) => ({ origin, ms })).sort((a, b) => b.ms - a.ms);
  return { busyMs, origins };
}

/** The frame with the url of the file it was bundled from, when its script has a source map beside it. */
function originalFrame(frame, maps) {
  // The generate command's bundle runs as a vm script (fast-path/code-cached-bundle.ts): its frames name its path.
  const url = isAbsolute(frame.url) ? pathToFileURL(frame.url).href : frame.url;
  if (!url.startsWith('file:') || frame.lineNumber < 0) return frame;
  if (!maps.has(url)) {
    const file = `${fileURLToPath(url)}.map`;
    maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  const entry = maps.get(url)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) return { ...frame, url };
  return { ...frame, url: new URL(entry.originalSource, url).href };
}

/** A dependency's name, plangen's own module path, or what V8 calls the frame; undefined for idle time. */
function originOf({ url, functionName }) {
  if (functionName === '(idle)') return undefined;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 and native code';
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dependency) return dependency[1];
  // Left unmapped in the bundle: esbuild's module wrappers and chunk glue.
  if (/\/cli\/dist\/bundle\//.test(url)) return 'bundle glue (esbuild module wrappers)';
  const own = /\/cli\/(?:dist|src)\/(.+)\.[jt]s$/.exec(url);
  if (own) return `plangen ${own[1].split('/').slice(0, -1).join('/') || own[1]}/`;
  if (url.startsWith('node:')) return 'Node.js internals';
  return url === '' ? 'generated validator code and V8 built-ins' : url;
}

/** The section: the same profile for the 25-event reference plan, where loading and start-up weigh most. */
export async function run({ workDir, plangenBin, plans }) {
  const reference = plans.find((plan) => plan.name === 'reference');
  const { threads } = profileCodegen({ workDir: join(workDir, 'profile-reference'), plangenBin, planFile: reference.file });
  const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);
  const tables = threads.flatMap((thread) => {
    const share = (value) => `${((value / thread.busyMs) * 100).toFixed(1)}%`;
    const rest = thread.origins.slice(12).reduce((sum, entry) => sum + entry.ms, 0);
    const rows = [...thread.origins.slice(0, 12), ...(rest > 0 ? [{ origin: 'everything else', ms: rest }] : [])];
    return [
      `${thread.thread}: busy ${ms(thread.busyMs)} of its ${ms(thread.spanMs)}`,
      '',
      '| origin | self time | share |',
      '| --- | --- | --- |',
      ...rows.map((entry) => `| ${entry.origin} | ${ms(entry.ms)} | ${share(entry.ms)} |`),
      '',
    ];
  });
  return [
    "## Where a cold generation of the 25-event plan spends its time (issue 15)",
    '',
    'One `plangen generate` (development, analytics-next) of the Typewriter reference plan under the V8 CPU profiler, self time by origin for each thread, as in the 500-event profile above: at this size much of the time goes to starting up (the start-up of Node.js and of the worker thread, reading the bundle and its code cache) rather than to generating. Profiling slows the run down; the shares are what count.',
    '',
    ...tables,
  ].join('\n');
}
