// `plangen generate --watch` as users run it (the built bin, its validators compiled on a worker
// thread that the session keeps from save to save): every save writes the bytes a fresh
// `generate --no-cache` of the same plan writes, also after a save whose compile was stopped (a
// refused pattern ends that thread, and the next save starts another), and Ctrl+C ends the process.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const bin = path.join(root, 'packages/cli/bin/plangen.js');
const { syntheticPlan } = (await import(pathToFileURL(path.join(root, 'bench/synthetic-plan.mjs')).href)) as { syntheticPlan(count: number, seed?: number): { plan: unknown } };

type Plan = { rules: { jsonSchema: { properties: { properties: { properties: Record<string, unknown> } } } }[] };

/** The 40-event synthetic plan with `extra` added to event `event`'s properties. */
function planText(event: number, extra: Record<string, unknown>): string {
  const plan = syntheticPlan(40).plan as Plan;
  Object.assign(plan.rules[event]!.jsonSchema.properties.properties.properties, extra);
  return `${JSON.stringify(plan, null, 2)}\n`;
}

function project(dir: string, plan: string): string {
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "app", "private": true }\n');
  writeFileSync(path.join(dir, 'plangen.config.json'), JSON.stringify({ plan: 'plan.json', out: 'src/analytics', client: 'analytics-next' }));
  writeFileSync(path.join(dir, 'plan.json'), plan);
  return dir;
}

const outputOf = (dir: string) => ['index.ts', 'validators.ts'].map((file) => readFileSync(path.join(dir, 'src/analytics', file), 'utf8'));

describe('generate --watch, built', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'plangen-watch-bin-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('writes what a fresh uncached generation writes after every save, through a stopped compile, and ends on SIGINT', async () => {
    if (!existsSync(path.join(root, 'packages/cli/dist/build-id.txt'))) throw new Error('packages/cli/dist is missing: run `pnpm build` first (`pnpm test` does).');
    const dir = project(path.join(base, 'watched'), planText(3, {}));
    const child = spawn(process.execPath, [bin, 'generate', '--watch'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    const waiters: (() => void)[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      for (const waiter of waiters.splice(0)) waiter();
    });
    const waitFor = async (pattern: RegExp, from: number): Promise<void> => {
      while (!pattern.test(said.slice(from))) {
        if (child.exitCode !== null) throw new Error(`plangen --watch exited: ${said}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    const save = async (plan: string, expected: RegExp): Promise<void> => {
      const from = said.length;
      writeFileSync(path.join(dir, 'plan.json'), plan);
      await waitFor(expected, from);
    };
    /** The output a fresh `generate --no-cache` writes for `plan`. */
    const fresh = (name: string, plan: string) => {
      const other = project(path.join(base, name), plan);
      const result = spawnSync(process.execPath, [bin, 'generate', '--no-cache'], { cwd: other, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return outputOf(other);
    };
    try {
      await waitFor(/watching /, 0);
      const saves = [
        planText(3, { added_one: { type: 'string', maxLength: 4 } }),
        planText(3, { added_one: { type: 'string', maxLength: 4 }, added_two: { type: 'integer' } }),
        planText(17, { added_three: { type: 'array', items: { type: 'string' } } }),
      ];
      for (const [index, plan] of saves.slice(0, 2).entries()) {
        await save(plan, /plangen: wrote \d+ files? to /);
        expect(outputOf(dir)).toEqual(fresh(`fresh-${index}`, plan));
      }
      // A pattern that can hang a validator: refused after the validators' batches went to the thread, which stops them.
      await save(planText(9, { hangs: { type: 'string', pattern: '^(a+)+$' } }), /\^\(a\+\)\+\$/);
      await save(saves[2]!, /plangen: wrote \d+ files? to /);
      expect(outputOf(dir)).toEqual(fresh('fresh-2', saves[2]!));
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
  }, 180_000);
});
