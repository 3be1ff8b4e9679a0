// Runs one tool as a child process and measures its wall time, CPU time (user
// + system; steadier than wall time when other work shares the machine) and
// peak memory. CPU and memory come from GNU time when the machine has it,
// otherwise from a preload that reports the child's own process.resourceUsage().
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const BLOCK_NETWORK = fileURLToPath(new URL('./block-network.cjs', import.meta.url));
const REPORT_RSS = fileURLToPath(new URL('./report-rss.cjs', import.meta.url));

export const memorySource = existsSync(GNU_TIME) ? 'GNU time' : 'process.resourceUsage()';

/**
 * Runs `node script ...args` in `cwd` with the network blocked; resolves to
 * { wallMs, cpuMs, maxRssKb, stdout, stderr } or rejects with the tool's output when it fails.
 */
export async function measureNode(script, args, { cwd, env = {}, netLog }) {
  const scratch = mkdtempSync(join(tmpdir(), 'plangen-bench-'));
  const rssFile = join(scratch, 'rss');
  const preloads = [`--require ${BLOCK_NETWORK}`];
  if (!existsSync(GNU_TIME)) preloads.push(`--require ${REPORT_RSS}`);
  const childEnv = {
    ...process.env,
    ...env,
    // A home without ~/.typewriter: no API token can ever be found.
    HOME: scratch,
    NODE_OPTIONS: preloads.join(' '),
    BENCH_NET_LOG: netLog ?? join(scratch, 'net.log'),
    BENCH_RSS_FILE: rssFile,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const [command, commandArgs] = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, script, ...args]]
    : [process.execPath, [script, ...args]];
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await run(command, commandArgs, { cwd, env: childEnv });
    const wallMs = performance.now() - started;
    if (code !== 0) {
      const error = new Error(`${script} ${args.join(' ')} exited with ${code} in ${cwd}\n${stdout}${stderr}`.trim());
      // One line for the report: the tool's error message when it printed one.
      const said = `${stderr}\n${stdout}`.split('\n').map((line) => line.trim()).filter(Boolean);
      error.summary = `${basename(script)} ${args[0]} exited with ${code}: ${said.find((line) => /error/i.test(line)) ?? said[0] ?? 'no output'}`;
      throw error;
    }
    // The last line: GNU time puts a status line before it when the command fails.
    const [maxRssKb, userSeconds, systemSeconds] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    return { wallMs, cpuMs: (userSeconds + systemSeconds) * 1000, maxRssKb, stdout, stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    // stdin is /dev/null: Typewriter reads a piped token from stdin otherwise.
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
