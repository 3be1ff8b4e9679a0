// The generate command keeps the schemas whose load checks passed in its cache:
// the next run (a new process, from disk) and the next --watch save check only
// the schemas whose text changed; --no-cache checks everything every time.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Stages } from '../../packages/cli/src/commands/generate.js';
import { loadPlanBytes } from '../../packages/cli/src/load/load-plan.js';
import { captureOutput, project } from '../cli/helpers.js';

const identity = () => 'plangen@test build checked-schemas';
const plan = (type: string) =>
  JSON.stringify({ name: 'Shop', events: { 'Order Completed': { schema: { type: 'object', properties: { total: { type } } } }, 'Signed Up': { schema: { type: 'object' } } } });

/** The real loader, counting how many schemas each run took as checked; generation is a stand-in. */
function countingStages(answered: number[]): Stages {
  return {
    async loadPlan(file, { bytes, checkedSchemas, ...options } = {}) {
      let hits = 0;
      const counted = checkedSchemas && { has: (key: string) => checkedSchemas.has(key) && ++hits > 0, add: (key: string) => checkedSchemas.add(key) };
      try {
        return loadPlanBytes(bytes!, file, { ...options, ...(counted && { checkedSchemas: counted }) });
      } finally {
        answered.push(hits);
      }
    },
    generate: async ({ model }) => [{ path: 'index.ts', content: `// ${model.events.length}\n` }],
  };
}

describe('schemas checked in an earlier run', () => {
  it('are taken from the cache on disk by the next run; a changed schema is checked again; --no-cache checks all', async () => {
    const dir = await project({ 'plan.json': plan('number') });
    await mkdir(path.join(dir, 'node_modules'));
    captureOutput();
    const answered: number[] = [];
    const args = { plan: 'plan.json', out: 'out' };
    expect(await run(args, { stages: countingStages(answered), identity })).toBe(0);
    expect(await run({ ...args, out: 'other' }, { stages: countingStages(answered), identity })).toBe(0);
    await writeFile(path.join(dir, 'plan.json'), plan('string'));
    expect(await run(args, { stages: countingStages(answered), identity })).toBe(0);
    expect(await run({ ...args, cache: false }, { stages: countingStages(answered), identity })).toBe(0);
    expect(answered).toEqual([0, 2, 1, 0]);
  });

  it('a bad change is reported as by a first load, and --watch keeps what it checked in memory', async () => {
    const dir = await project({ 'plan.json': plan('number') }); // no node_modules: memory only
    const output = captureOutput();
    const answered: number[] = [];
    const controller = new AbortController();
    let ran: (ok: boolean) => void = () => undefined;
    const next = () => new Promise<boolean>((resolve) => (ran = resolve));
    let pending = next();
    const exit = run({ watch: true, plan: 'plan.json', out: 'out' }, { stages: countingStages(answered), identity, signal: controller.signal, onRun: (ok) => ran(ok) });
    expect(await pending).toBe(true);
    pending = next();
    await writeFile(path.join(dir, 'plan.json'), plan('nmber'));
    expect(await pending).toBe(false);
    pending = next();
    await writeFile(path.join(dir, 'plan.json'), plan('string'));
    expect(await pending).toBe(true);
    controller.abort();
    expect(await exit).toBe(0);
    // The bad save stops at its first schema; the next save still knows "Signed Up" from the first run.
    expect(answered).toEqual([0, 0, 1]);
    expect(output.stderr()).toMatch(/plan\.json:1:\d+: invalid JSON Schema in "schema" of event "Order Completed": unknown type "nmber"/);
  });
});
