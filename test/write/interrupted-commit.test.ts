// A write killed after ANY file-system operation (simulated: nothing after
// operation N runs, no clean-up) must leave a state that the next run turns
// into exactly the old or the new output before doing anything else, with no
// staging folder left; --check on a half-committed folder says so.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import type { GeneratedFile } from '../../packages/cli/src/generate/options.js';
import { checkOutput } from '../../packages/cli/src/write/check-output.js';
import { InterruptedError } from '../../packages/cli/src/write/interrupt-signals.js';
import { repairOutputFolder } from '../../packages/cli/src/write/recover-output.js';
import { writeOutput } from '../../packages/cli/src/write/write-output.js';
import { nodeWriter } from '../../packages/cli/src/write/writer.js';
import { killedAfter, recording, tempDir, tree } from './helpers.js';

const oldFiles: GeneratedFile[] = [
  { path: 'index.ts', content: 'export const a = 1;\n' },
  { path: 'validators.ts', content: 'export const v = 1;\n' },
  { path: 'old/gone.ts', content: 'gone\n' },
];
const newFiles: GeneratedFile[] = [
  { path: 'index.ts', content: 'export const a = 2;\n' },
  { path: 'validators.ts', content: 'export const v = 2;\n' },
  { path: 'nested/deeper/extra.ts', content: 'export {};\n' },
];

interface Scenario {
  readonly name: string;
  /** Prepares the parent folder; returns the output folder. */
  readonly prepare: (parent: string) => Promise<string>;
  /**
   * Empty folders above the output folder that a run killed before its journal
   * may leave (it creates them to stage beside --out, and nothing records them yet).
   */
  readonly emptyAbove?: string;
}

const scenarios: Scenario[] = [
  {
    name: 'an existing output with a foreign file, a removed nested file and a new nested folder',
    prepare: async (parent) => {
      const out = path.join(parent, 'out');
      await writeOutput(out, oldFiles);
      await writeFile(path.join(out, 'mine.ts'), 'user code\n');
      return out;
    },
  },
  { name: 'an output folder that does not exist yet', prepare: async (parent) => path.join(parent, 'out') },
  { name: 'an output folder whose parents do not exist yet', prepare: async (parent) => path.join(parent, 'a', 'b', 'out'), emptyAbove: 'a/b/' },
];

/** The parent folder's whole tree, which holds the output folder and any staging folder. */
async function expectedStates(scenario: Scenario): Promise<{ old: Record<string, string>; new: Record<string, string> }> {
  const parent = await tempDir();
  const out = await scenario.prepare(parent);
  const old = await tree(parent);
  await writeOutput(out, newFiles);
  return { old, new: await tree(parent) };
}

describe('a write killed after any operation', () => {
  it.each(scenarios)('is repaired by the next run into exactly the old or the new output: $name', async (scenario) => {
    const expected = await expectedStates(scenario);
    const seen = { old: 0, new: 0, halfCommitted: 0 };
    for (let n = 1; ; n++) {
      const parent = await tempDir();
      const out = await scenario.prepare(parent);
      const writer = killedAfter(n);
      const finished = await writeOutput(out, newFiles, { writer }).then(
        () => true,
        () => false,
      );
      if (!writer.killed()) {
        // The write ran to its end before operation n: every operation has had its turn.
        expect(finished).toBe(true);
        expect(await tree(parent)).toEqual(expected.new);
        break;
      }
      // --check writes nothing: on a half-committed folder it refuses to judge; otherwise its verdict is right.
      const check = await checkOutput(out, newFiles).then(
        ({ stale }) => (stale.length === 0 ? 'up to date' : 'stale'),
        (error: unknown) => error,
      );
      const leftBehind = await tree(parent);
      if (check instanceof PlanError) {
        expect(check.message).toMatch(/: an interrupted plangen run left this folder half-written \(its journal is in .*\.plangen-tmp-out-\d+-\w{6}\), so it cannot be checked\. Run `plangen generate` to restore it, then --check again\.$/);
        seen.halfCommitted++;
      } else {
        expect(check, `--check after operation ${n}`).toBe(equalsIgnoringStaging(leftBehind, expected.new) ? 'up to date' : 'stale');
      }

      // What the next run does before anything else.
      await repairOutputFolder(out);
      const repaired = await tree(parent);
      const isOld = same(repaired, expected.old) || (scenario.emptyAbove !== undefined && same(repaired, { ...expected.old, [scenario.emptyAbove]: '' }));
      const state = isOld ? 'old' : same(repaired, expected.new) ? 'new' : undefined;
      expect(state, `killed after operation ${n}: ${JSON.stringify(repaired)}`).toBeDefined();
      seen[state!]++;

      // And the whole next run ends with the new output, nothing else.
      await writeOutput(out, newFiles);
      expect(await tree(parent)).toEqual(expected.new);
    }
    // The kills fell before, inside and after the commit.
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
    expect(seen.halfCommitted).toBeGreaterThan(0);
  });

  it('is repaired by the next run when the kill lands in its own rollback, after a rename failed', async () => {
    const scenario = scenarios[0]!;
    const expected = await expectedStates(scenario);
    // Which operations of a clean write are renames (the commit), found by counting a write that is never killed.
    const probeParent = await tempDir();
    const probe = recording();
    await writeOutput(await scenario.prepare(probeParent), newFiles, { writer: probe });
    const renames = probe.ops.flatMap((op, index) => (op === 'rename' ? [index + 1] : []));
    expect(renames.length).toBeGreaterThan(4);
    let killedInRollback = 0;
    for (const failAt of renames) {
      for (let n = failAt; ; n++) {
        const parent = await tempDir();
        const out = await scenario.prepare(parent);
        const writer = killedAfter(n, failAt);
        await writeOutput(out, newFiles, { writer }).catch(() => undefined);
        if (!writer.killed()) break; // the rollback ran to its end
        killedInRollback++;
        await repairOutputFolder(out);
        expect(await tree(parent), `rename ${failAt} failed, killed after operation ${n}`).toEqual(expected.old);
      }
    }
    expect(killedInRollback).toBeGreaterThan(renames.length);
  });

  it('SIGTERM during the commit stops the write at its next operation, rolls it back, and asks for exit code 143', async () => {
    const scenario = scenarios[0]!;
    const expected = await expectedStates(scenario);
    const parent = await tempDir();
    const out = await scenario.prepare(parent);
    const listeners = process.listenerCount('SIGTERM');
    let renames = 0;
    const writer = {
      ...nodeWriter,
      rename: async (from: string, to: string) => {
        // As if the signal arrived while the second rename of the commit ran.
        if (++renames === 2) process.emit('SIGTERM', 'SIGTERM');
        return nodeWriter.rename(from, to);
      },
    };
    const error = await writeOutput(out, newFiles, { writer }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).message).toBe('plangen: interrupted by SIGTERM; nothing was changed');
    expect((error as InterruptedError).exitCode).toBe(143);
    expect(await tree(parent)).toEqual(expected.old);
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });

  it('leaves the staging folder of a run still in progress alone', async () => {
    const parent = await tempDir();
    const out = path.join(parent, 'out');
    await writeOutput(out, oldFiles);
    // A staging folder named for a live process (the test runner's parent), journal and all.
    const live = path.join(parent, `.plangen-tmp-out-${process.ppid}-abcdef`);
    await mkdir(live);
    await writeFile(path.join(live, 'journal.json'), JSON.stringify({ plangenJournal: 1, out, moves: [], removed: [], createdFolders: [], createdAbove: null }));
    expect(await repairOutputFolder(out)).toEqual({ restored: [], removed: [] });
    expect((await readdir(parent)).sort()).toEqual(['.plangen-tmp-out-' + process.ppid + '-abcdef', 'out']);
    await expect(checkOutput(out, oldFiles)).rejects.toThrow(
      `${out}: another plangen run (process ${process.ppid}) is writing this folder right now, so it cannot be checked. Run --check again when that run has finished.`,
    );
  });

  it('removes staging folders a killed run left without a journal, and only those of its own output folder', async () => {
    const parent = await tempDir();
    const out = path.join(parent, 'out');
    await writeOutput(out, oldFiles);
    const dead = 2 ** 22 + 7; // above Linux's pid_max default, so no such process
    for (const name of [`.plangen-tmp-out-${dead}-abcdef`, '.plangen-tmp-out-XyZ123', `.plangen-tmp-out-b-${dead}-abcdef`]) {
      await mkdir(path.join(parent, name, 'new'), { recursive: true });
      await writeFile(path.join(parent, name, 'new', 'index.ts'), 'half\n');
    }
    // An older plangen's folder holding previous files its failed rollback could not put back: the only copy, kept.
    await mkdir(path.join(parent, '.plangen-tmp-out-Old123', 'old'), { recursive: true });
    await writeFile(path.join(parent, '.plangen-tmp-out-Old123', 'old', 'index.ts'), 'only copy\n');
    const before = await tree(out);
    const { removed } = await repairOutputFolder(out);
    expect(removed.map((dir) => path.basename(dir)).sort()).toEqual([`.plangen-tmp-out-${dead}-abcdef`, '.plangen-tmp-out-XyZ123']);
    // `.plangen-tmp-out-b-...` belongs to an output folder named `out-b`.
    expect((await readdir(parent)).sort()).toEqual(['.plangen-tmp-out-Old123', `.plangen-tmp-out-b-${dead}-abcdef`, 'out']);
    expect(await tree(out)).toEqual(before);
  });
});

const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

/** The output folder's part of a parent tree equals the expected one (staging folders aside). */
function equalsIgnoringStaging(actual: Record<string, string>, expected: Record<string, string>): boolean {
  const strip = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([key]) => !key.split('/').some((part) => part.startsWith('.plangen-tmp-'))));
  return same(strip(actual), strip(expected));
}
