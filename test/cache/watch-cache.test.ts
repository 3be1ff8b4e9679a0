// `--watch` keeps one cache for the whole session: a save regenerates only the
// parts whose input changed; `--no-cache` reuses nothing; and a plain run
// stores parts on disk for the next process.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Stages } from '../../packages/cli/src/commands/generate.js';
import { captureOutput, project } from '../cli/helpers.js';
import { fakeStages } from '../cli/fake-stages.js';

/** fakeStages, with one cached part per event: its text, computed through the cache the command hands over. */
function partStages(computed: string[]): Stages {
  return {
    loadPlan: fakeStages.loadPlan,
    async generate(plan, options, shared, cache) {
      const parts = [];
      for (const event of plan.model.events) {
        const input = { event: event.name, versions: event.versions.length };
        const compute = async () => (computed.push(event.name), `// ${event.name} v${event.versions.length}\n`);
        parts.push(cache ? await cache.memo('part', input, compute) : await compute());
      }
      return [{ path: 'index.ts', content: parts.join('') }];
    },
  };
}

const identity = () => 'plangen@test build watch-cache';

describe('the cache in the generate command', () => {
  it('--watch recomputes only the parts a change touched', async () => {
    const dir = await project({ 'plan.json': JSON.stringify({ name: 'S', events: { A: 1, B: 1 } }) });
    captureOutput();
    const computed: string[] = [];
    const controller = new AbortController();
    const runs: boolean[] = [];
    let changed: () => void = () => undefined;
    const exit = run(
      { watch: true, plan: 'plan.json', out: 'out' },
      { stages: partStages(computed), identity, signal: controller.signal, onRun: (ok) => (runs.push(ok), changed()) },
    );
    await new Promise<void>((resolve) => (changed = resolve));
    expect(computed).toEqual(['A', 'B']);
    const next = new Promise<void>((resolve) => (changed = resolve));
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify({ name: 'S', events: { A: 1, B: 2 } }));
    await next;
    expect(computed).toEqual(['A', 'B', 'B']);
    controller.abort();
    expect(await exit).toBe(0);
    expect(runs).toEqual([true, true]);
  });

  it('stores parts on disk for the next run, and --no-cache reuses nothing', async () => {
    const dir = await project({ 'plan.json': JSON.stringify({ name: 'S', events: { A: 1 } }) });
    await mkdir(path.join(dir, 'node_modules'));
    captureOutput();
    const computed: string[] = [];
    const args = { plan: 'plan.json', out: 'out' };
    expect(await run(args, { stages: partStages(computed), identity })).toBe(0);
    expect(await run({ ...args, out: 'other' }, { stages: partStages(computed), identity })).toBe(0);
    expect(computed).toEqual(['A']);
    expect(await run({ ...args, cache: false }, { stages: partStages(computed), identity })).toBe(0);
    expect(computed).toEqual(['A', 'A']);
    expect(await run({ ...args, out: 'third' }, { stages: partStages(computed), identity: () => 'another build' })).toBe(0);
    expect(computed).toEqual(['A', 'A', 'A']);
  });
});
