// Per-call benchmark, orchestration: bundles each generated SDK into one ESM
// file (esbuild, same settings for every tool), then runs every contender in a
// single fresh process (per-call-worker.mjs) and returns its JSON report.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const WORKER = fileURLToPath(new URL('./per-call-worker.mjs', import.meta.url));

/**
 * `coreEntry`: the @plangen/core/runtime build the plangen SDKs are bundled with.
 * `contenders`: [{ name, kind: 'direct' | 'validator' | 'plangen' | 'typewriter', entry?, fn? }]; a
 * `validator` contender runs the exported validator `fn` and then the direct call.
 * `event`, `payload`: the one track call every contender makes; `requiredProperty`
 * is dropped from it to check that a validating contender reports the violation.
 * `probe` ({ event, payload, fns: { [contender]: exported name } }) makes one
 * extra call per contender and reports whether it was sent or threw.
 */
export async function benchPerCall({ workDir, coreEntry, contenders, event, payload, requiredProperty, timeMs, probe }) {
  const dir = join(workDir, 'per-call');
  mkdirSync(dir, { recursive: true });
  const modules = [];
  for (const contender of contenders) {
    if (contender.kind === 'direct') {
      modules.push(contender);
      continue;
    }
    const file = join(dir, `${contender.name}.mjs`);
    await build({ entryPoints: [contender.entry], outfile: file, bundle: true, format: 'esm', platform: 'node', alias: { '@plangen/core/runtime': coreEntry }, logLevel: 'silent' });
    modules.push({ ...contender, file });
  }
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ modules, event, payload, requiredProperty, timeMs, probe }, null, 2));
  return JSON.parse(await runWorker(config));
}

function runWorker(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, config], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`per-call worker exited with ${code}`))));
  });
}
