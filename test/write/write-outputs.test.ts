// writeOutputs: several output folders written all or nothing (write/write-outputs.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { writeOutputs } from '../../packages/cli/src/write/write-outputs.js';
import { failingWriter, killedAfter, tempDir, tree } from './helpers.js';
import { repairOutputFolder } from '../../packages/cli/src/write/recover-output.js';

const files = (tag: string) => [
  { path: 'index.ts', content: `// index ${tag}\n` },
  { path: 'validators.ts', content: `// validators ${tag}\n` },
];

async function threeOutputs(): Promise<{ root: string; outs: string[]; snapshot: () => Promise<Record<string, string>> }> {
  const root = await tempDir();
  const outs = ['web', 'node', 'all'].map((name) => path.join(root, name));
  await writeOutputs(outs.map((outDir, index) => ({ outDir, files: files(`old ${index}`) })));
  return { root, outs, snapshot: () => tree(root) };
}

describe('writeOutputs', () => {
  it('writes every output and reports each', async () => {
    const { outs, snapshot } = await threeOutputs();
    const results = await writeOutputs(outs.map((outDir, index) => ({ outDir, files: index === 1 ? files('old 1') : files(`new ${index}`) })));
    expect(results.map((result) => result.written)).toEqual([['index.ts', 'validators.ts'], [], ['index.ts', 'validators.ts']]);
    const after = await snapshot();
    expect(after['web/index.ts']).toBe('// index new 0\n');
    expect(after['node/index.ts']).toBe('// index old 1\n');
    expect(after['all/validators.ts']).toBe('// validators new 2\n');
  });

  // Every rename of the three commits fails in turn: whichever it is, all three folders stay as they were.
  for (let nth = 1; nth <= 12; nth++) {
    it(`a failure at rename ${nth} leaves all three outputs as they were`, async () => {
      const { outs, snapshot } = await threeOutputs();
      const before = await snapshot();
      const writer = failingWriter('rename', nth);
      await expect(writeOutputs(outs.map((outDir, index) => ({ outDir, files: files(`new ${index}`) })), { writer })).rejects.toThrow(/injected rename failure/);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('a foreign file in the last output refuses the run before any folder changes', async () => {
    const { outs, snapshot } = await threeOutputs();
    await writeFile(path.join(outs[2]!, 'extra.ts'), 'mine\n');
    const before = await snapshot();
    const next = outs.map((outDir, index) => ({ outDir, files: [...files(`new ${index}`), { path: 'extra.ts', content: 'generated\n' }] }));
    await expect(writeOutputs(next)).rejects.toThrow(PlanError);
    expect(await snapshot()).toEqual(before);
  });

  it('killed after the first folder is placed: the next run restores every folder from its journal', async () => {
    const { root, outs, snapshot } = await threeOutputs();
    const before = await snapshot();
    // Count the operations of a full write, then kill a copy of it two thirds of the way.
    const probe = killedAfter(Number.MAX_SAFE_INTEGER);
    const copy = path.join(root, 'copy');
    await mkdir(copy);
    const copyOuts = outs.map((out) => path.join(copy, path.basename(out)));
    await writeOutputs(copyOuts.map((outDir, index) => ({ outDir, files: files(`old ${index}`) })));
    await writeOutputs(copyOuts.map((outDir, index) => ({ outDir, files: files(`new ${index}`) })), { writer: probe });
    const total = probe.count();

    const writer = killedAfter(Math.floor((total * 5) / 6));
    await expect(writeOutputs(outs.map((outDir, index) => ({ outDir, files: files(`new ${index}`) })), { writer })).rejects.toThrow(/killed after operation/);
    for (const out of outs) await repairOutputFolder(out);
    const after = await snapshot();
    for (const key of Object.keys(before).filter((name) => !name.startsWith('copy/'))) expect({ key, content: after[key] }).toEqual({ key, content: before[key] });
  });
});
