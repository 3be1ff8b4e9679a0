// generate/shared-validators.ts: within one run, equal validator entries (same selection, language and
// module) compile once; anything else compiles on its own.
import { describe, expect, it } from 'vitest';
import { compileValidatorsOnce, createSharedCompilations } from '../../packages/cli/src/generate/shared-validators.js';
import type { ValidatorEntry } from '../../packages/cli/src/generate/validators/entry-names.js';

const entries = (name: string): ValidatorEntry[] => [{ name, schema: { type: 'object', properties: { id: { type: 'string' } } } }];

describe('compileValidatorsOnce', () => {
  it('hands every output of a run with the same entries and options the same compilation', async () => {
    const shared = createSharedCompilations();
    const signal = new AbortController().signal;
    const first = compileValidatorsOnce(entries('validateAV1'), { language: 'ts' }, shared, signal);
    expect(compileValidatorsOnce(entries('validateAV1'), { language: 'ts' }, shared, signal)).toBe(first);
    const other = [
      compileValidatorsOnce(entries('validateBV1'), { language: 'ts' }, shared, signal),
      compileValidatorsOnce(entries('validateAV1'), { language: 'js' }, shared, signal),
      compileValidatorsOnce(entries('validateAV1'), { language: 'js', module: 'cjs' }, shared, signal),
    ];
    for (const compilation of other) expect(compilation).not.toBe(first);
    expect(shared.compiled.size).toBe(4);
    const files = await Promise.all([first, ...other]);
    expect(files[0]!.code).toContain('export const validateAV1');
    expect(files[3]!.code).toContain('exports.validateAV1 = ');
  });

  it('without a run (one output), compiles every time', () => {
    const signal = new AbortController().signal;
    const a = compileValidatorsOnce(entries('validateAV1'), { language: 'ts' }, undefined, signal);
    expect(compileValidatorsOnce(entries('validateAV1'), { language: 'ts' }, undefined, signal)).not.toBe(a);
    return a;
  });
});
