// Where plangen's codegen time goes: one `plangen generate` run under the V8
// CPU profiler, its self time summed by origin (a dependency, a plangen module,
// the garbage collector). Profiling slows the run down; the shares are what
// matter, and they point at what to optimize to reach the codegen target.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BLOCK_NETWORK = fileURLToPath(new URL('./lib/block-network.cjs', import.meta.url));

/** Returns { totalMs, origins: [{ origin, ms }] } for one profiled run, biggest first. */
export function profileCodegen({ workDir, plangenBin, planFile }) {
  const dir = join(workDir, 'profile');
  mkdirSync(dir, { recursive: true });
  execFileSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, '--require', BLOCK_NETWORK, plangenBin, 'generate', '--plan', planFile, '--out', join(dir, 'sdk'), '--client', 'analytics-next'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  return summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')));
}

function summarize(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const origin = originOf(nodes.get(id).callFrame);
    if (origin === undefined) return;
    totals.set(origin, (totals.get(origin) ?? 0) + ms);
    totalMs += ms;
  });
  const origins = [...totals].map(([origin, ms]) => ({ origin, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs, origins };
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
