import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../packages/cli/src/commands/generate.js';
import { fakeStages } from './fake-stages.js';
import { captureOutput, project, stripTime } from './helpers.js';

/** Resolves each run's outcome in order. */
function runQueue() {
  const results: boolean[] = [];
  const waiters: ((ok: boolean) => void)[] = [];
  return {
    onRun: (ok: boolean) => {
      const waiter = waiters.shift();
      if (waiter) waiter(ok);
      else results.push(ok);
    },
    next: () => (results.length > 0 ? Promise.resolve(results.shift()!) : new Promise<boolean>((resolve) => waiters.push(resolve))),
  };
}

describe('generate --watch', () => {
  it('regenerates on plan and config changes, keeps the last good output on a bad plan, and stops on abort', async () => {
    const dir = await project({
      'plan.json': JSON.stringify({ name: 'S', events: { A: 1 } }),
      'plangen.config.json': JSON.stringify({ plan: 'plan.json', out: 'out', mode: 'production' }),
    });
    const io = captureOutput();
    const controller = new AbortController();
    const queue = runQueue();
    const exit = run({ watch: true }, { stages: fakeStages, signal: controller.signal, onRun: queue.onRun });
    expect(await queue.next()).toBe(true);
    await vi.waitFor(() => expect(io.stderr()).toContain('plangen: watching plan.json, plangen.config.json (Ctrl+C to stop)\n'));
    const index = path.join(dir, 'out/index.ts');

    await writeFile(path.join(dir, 'plan.json'), '{ broken');
    expect(await queue.next()).toBe(false);
    expect(await readFile(index, 'utf8')).toBe('// A v1 (analytics-next)\n');

    await writeFile(path.join(dir, 'plan.json'), JSON.stringify({ name: 'S', events: { A: 2 } }));
    expect(await queue.next()).toBe(true);
    expect(await readFile(index, 'utf8')).toBe('// A v2 (analytics-next)\n');

    await writeFile(path.join(dir, 'plangen.config.json'), JSON.stringify({ plan: 'plan.json', out: 'out', mode: 'production', client: 'generic' }));
    expect(await queue.next()).toBe(true);
    expect(await readFile(index, 'utf8')).toBe('// A v2 (generic)\n');

    controller.abort();
    expect(await exit).toBe(0);
    expect(io.stdout()).toBe('');
    expect(stripTime(io.stderr())).toContain('plan.json:1:1: the plan is not valid JSON. Fix the syntax.\n');
  });

  it('exits 1 when there is nothing to watch', async () => {
    await project();
    const io = captureOutput();
    expect(await run({ watch: true, out: 'out' }, { stages: fakeStages, signal: AbortSignal.abort() })).toBe(1);
    expect(io.stderr()).toContain('plangen: no tracking plan given.');
  });
});
