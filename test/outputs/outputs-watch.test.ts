// --watch with a config that lists outputs (issue 19): a plan change regenerates every output, each
// with its selection; a broken plan keeps every last good output.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../packages/cli/src/commands/generate.js';
import { fakeStages } from '../cli/fake-stages.js';
import { captureOutput, project } from '../cli/helpers.js';

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

describe('generate --watch with outputs', () => {
  it('regenerates every output on a plan change, and keeps them all on a broken plan', async () => {
    const dir = await project({
      'plan.json': JSON.stringify({ name: 'S', events: { Alpha: 1, Beta: 1 } }),
      'plangen.config.json': JSON.stringify({
        plan: 'plan.json',
        mode: 'production',
        outputs: [{ out: 'a', include: { events: ['A*'] } }, { out: 'all', client: 'generic' }],
      }),
    });
    captureOutput();
    const controller = new AbortController();
    const queue = runQueue();
    const exit = run({ watch: true }, { stages: fakeStages, signal: controller.signal, onRun: queue.onRun });
    const read = () => Promise.all(['a', 'all'].map((out) => readFile(path.join(dir, out, 'index.ts'), 'utf8')));
    expect(await queue.next()).toBe(true);
    expect(await read()).toEqual(['// Alpha v1 (analytics-next)\n', '// Alpha v1 (generic)\n// Beta v1 (generic)\n']);

    await writeFile(path.join(dir, 'plan.json'), JSON.stringify({ name: 'S', events: { Alpha: 2, Beta: 1, Avocado: 1 } }));
    expect(await queue.next()).toBe(true);
    expect(await read()).toEqual(['// Alpha v2 (analytics-next)\n// Avocado v1 (analytics-next)\n', '// Alpha v2 (generic)\n// Beta v1 (generic)\n// Avocado v1 (generic)\n']);

    await writeFile(path.join(dir, 'plan.json'), '{ broken');
    expect(await queue.next()).toBe(false);
    expect(await read()).toEqual(['// Alpha v2 (analytics-next)\n// Avocado v1 (analytics-next)\n', '// Alpha v2 (generic)\n// Beta v1 (generic)\n// Avocado v1 (generic)\n']);

    controller.abort();
    expect(await exit).toBe(0);
  });
});
