// The built CLI compiles validators on a worker thread; it must give exactly what
// compileValidators gives in this thread, and report the compiler's errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import { compileValidators } from '../../packages/cli/src/generate/validators/compile-validators.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';

const BUILT = new URL('../../packages/cli/dist/generate/validators/compile-in-parallel.js', import.meta.url);

async function builtCompiler(): Promise<typeof import('../../packages/cli/src/generate/validators/compile-in-parallel.js')> {
  if (!existsSync(BUILT)) throw new Error('packages/cli/dist is missing: run `pnpm build` first (`pnpm test` does).');
  return (await import(BUILT.href)) as typeof import('../../packages/cli/src/generate/validators/compile-in-parallel.js');
}

describe('compileValidatorsInParallel (built, on a worker thread)', () => {
  it('emits byte for byte what compileValidators emits, for ts and js', async () => {
    const { compileValidatorsInParallel } = await builtCompiler();
    const entries = validatorEntries((await loadPlan('fixtures/shop/plan.yaml')).model);
    for (const language of ['ts', 'js'] as const) {
      expect(await compileValidatorsInParallel(entries, { language })).toEqual(compileValidators(entries, { language }));
    }
  });

  it('emits the same bytes with 1 and with 3 worker threads, in batches taken by whichever thread is free', async () => {
    const { compileValidatorsInParallel } = await builtCompiler();
    const [entry] = validatorEntries((await loadPlan('fixtures/shop/plan.yaml')).model);
    // Distinct schemas, several batches of them, all repeating the entry's nested subschemas (shared functions).
    const entries = Array.from({ length: 200 }, (_, index) => ({
      name: `validateCopy${index}`,
      schema: { ...entry!.schema, maxProperties: 1000 + index },
    }));
    const one = await compileValidatorsInParallel(entries, { language: 'ts' }, undefined, 1);
    const three = await compileValidatorsInParallel(entries, { language: 'ts' }, undefined, 3);
    expect(three.code).toBe(one.code);
    expect(one).toEqual(compileValidators(entries, { language: 'ts' }));
  });

  it('stops when its signal aborts, rejecting instead of answering', async () => {
    const { compileValidatorsInParallel } = await builtCompiler();
    const [entry] = validatorEntries((await loadPlan('fixtures/shop/plan.yaml')).model);
    // Distinct schemas, so that none is compiled once for all: enough work that the abort comes first.
    const entries = Array.from({ length: 300 }, (_, index) => ({
      name: `validateCopy${index}`,
      schema: { ...entry!.schema, maxProperties: 1000 + index },
    }));
    const stop = new AbortController();
    const compiling = compileValidatorsInParallel(entries, { language: 'ts' }, stop.signal);
    stop.abort();
    await expect(compiling).rejects.toThrow('plangen: the validator compilation was stopped.');
  });

  it('a worker started ahead (before the plan is read) compiles the same bytes, once', async () => {
    const { compileValidatorsInParallel, prestartValidatorWorker } = await builtCompiler();
    const entries = validatorEntries((await loadPlan('fixtures/shop/plan.yaml')).model);
    prestartValidatorWorker();
    const [first, second] = await Promise.all([
      compileValidatorsInParallel(entries, { language: 'ts' }),
      compileValidatorsInParallel(entries, { language: 'js' }),
    ]);
    expect(first).toEqual(compileValidators(entries, { language: 'ts' }));
    expect(second).toEqual(compileValidators(entries, { language: 'js' }));
  });

  it('a worker started ahead but never used does not keep the process alive', () => {
    const script = `import(${JSON.stringify(BUILT.href)}).then(({ prestartValidatorWorker }) => { prestartValidatorWorker(); console.log('started'); });`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.stdout).toBe('started\n');
    expect(result.status).toBe(0);
  });

  it('while a session keeps them, one warm thread serves compile after compile, with the same bytes, until the session ends', async () => {
    const { compileValidatorsInParallel, keepValidatorWorkers } = await builtCompiler();
    const entries = validatorEntries((await loadPlan('fixtures/shop/plan.yaml')).model);
    const session = keepValidatorWorkers();
    try {
      expect(await compileValidatorsInParallel(entries, { language: 'ts' }, undefined, 1)).toEqual(compileValidators(entries, { language: 'ts' }));
      const [thread] = session.threadIds();
      expect(session.threadIds()).toEqual([thread]);
      expect(await compileValidatorsInParallel(entries, { language: 'js' }, undefined, 1)).toEqual(compileValidators(entries, { language: 'js' }));
      expect(session.threadIds()).toEqual([thread]);
    } finally {
      await session.end();
    }
    expect(session.threadIds()).toEqual([]);
    // Once the session has ended, a compile's threads end with it: none is kept.
    await compileValidatorsInParallel(entries, { language: 'ts' }, undefined, 1);
    expect(session.threadIds()).toEqual([]);
  });

  it('a kept thread whose compile was stopped is replaced by a new one, which compiles the same bytes', async () => {
    const { compileValidatorsInParallel, keepValidatorWorkers } = await builtCompiler();
    const entries = validatorEntries((await loadPlan('fixtures/shop/plan.yaml')).model);
    const [entry] = entries;
    const many = Array.from({ length: 300 }, (_, index) => ({ name: `validateCopy${index}`, schema: { ...entry!.schema, maxProperties: 1000 + index } }));
    const session = keepValidatorWorkers();
    try {
      await compileValidatorsInParallel(entries, { language: 'ts' }, undefined, 1);
      const [first] = session.threadIds();
      const stop = new AbortController();
      const stopped = compileValidatorsInParallel(many, { language: 'ts' }, stop.signal, 1);
      stop.abort();
      await expect(stopped).rejects.toThrow('plangen: the validator compilation was stopped.');
      expect(session.threadIds()).toEqual([]);
      expect(await compileValidatorsInParallel(entries, { language: 'ts' }, undefined, 1)).toEqual(compileValidators(entries, { language: 'ts' }));
      const [second] = session.threadIds();
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
    } finally {
      await session.end();
    }
  });

  it("a compile that fails with the compiler's message keeps its thread, which compiles the next plan", async () => {
    const { compileValidatorsInParallel, keepValidatorWorkers } = await builtCompiler();
    const entries = validatorEntries((await loadPlan('fixtures/shop/plan.yaml')).model);
    const session = keepValidatorWorkers();
    try {
      await compileValidatorsInParallel(entries, { language: 'ts' }, undefined, 1);
      const kept = session.threadIds();
      await expect(compileValidatorsInParallel([{ name: 'not-a-name', schema: {} }], { language: 'ts' }, undefined, 1)).rejects.toThrow('cannot compile validator "not-a-name"');
      expect(session.threadIds()).toEqual(kept);
      // Refused by ajv in the batch compiler (answered by a thread, not crashed).
      await expect(compileValidatorsInParallel([{ name: 'validateA', schema: JSON.parse('{"type":"nonsense"}') }], { language: 'ts' }, undefined, 1)).rejects.toThrow('cannot compile validateA: its schema is invalid');
      expect(session.threadIds()).toEqual(kept);
      expect(await compileValidatorsInParallel(entries, { language: 'js' }, undefined, 1)).toEqual(compileValidators(entries, { language: 'js' }));
      expect(session.threadIds()).toEqual(kept);
    } finally {
      await session.end();
    }
  });

  it('kept threads never keep the process alive, and ending the session lets it exit too', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-kept-'));
    try {
      for (const end of ['', 'await session.end();']) {
        // A module file, not --input-type: a worker inherits the process's execArgv, and that flag stops its own file from loading.
        const script = path.join(dir, 'keep.mjs');
        writeFileSync(
          script,
          `const { compileValidatorsInParallel, keepValidatorWorkers } = await import(${JSON.stringify(BUILT.href)});
const session = keepValidatorWorkers();
await compileValidatorsInParallel([{ name: 'validateA', schema: { type: 'string' } }], { language: 'ts' }, undefined, 1);
console.log(session.threadIds().length);
${end}`,
        );
        const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
        expect(result.signal).toBeNull();
        expect(result.stdout).toBe('1\n');
        expect(result.status).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects with the compiler's own message", async () => {
    const { compileValidatorsInParallel } = await builtCompiler();
    await expect(compileValidatorsInParallel([{ name: 'not-a-name', schema: {} }], { language: 'ts' })).rejects.toThrow(
      'cannot compile validator "not-a-name": a validator name is "validate" followed by letters, digits, _ or $, like validateOrderCompletedV1.',
    );
  });
});
