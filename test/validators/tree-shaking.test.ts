// An app that imports one wrapper must not ship the other validators: bundle a
// tiny entry that imports ONE of 50 validators and look at what esbuild kept.
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compileValidators } from '../../packages/cli/src/generate/validators/compile-validators.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

// Generated code imports the runtime entry point of @plangen/core.
const CORE = fileURLToPath(new URL('../../packages/core/src/runtime.ts', import.meta.url));
const COUNT = 50;

/** Each schema carries markers unique to it, and every fifth one a date-time format. */
function schema(index: number): JsonSchema {
  return {
    type: 'object',
    required: [`marker_property_${index}`],
    additionalProperties: false,
    properties: {
      [`marker_property_${index}`]: { type: 'string', pattern: `^marker_pattern_${index}_[a-z]+$`, minLength: 3 },
      [`enum_${index}`]: { enum: [`marker_value_${index}`, { nested: index }] },
      ...(index % 5 === 0 ? { at: { type: 'string', format: 'date-time' } } : {}),
    },
  };
}

const entries = Array.from({ length: COUNT }, (_, index) => ({ name: `validateEvent${index}V1`, schema: schema(index) }));
const { code } = compileValidators(entries, { language: 'js' });

/** Bundles `entry` against the generated validators.js, resolving @plangen/core/runtime to its sources. */
async function bundle(entry: string, minify = false): Promise<string> {
  const inMemory: Plugin = {
    name: 'in-memory-sdk',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\/validators\.js$/ }, () => ({ path: 'validators.js', namespace: 'sdk' }));
      pluginBuild.onResolve({ filter: /^@plangen\/core\/runtime$/ }, () => ({ path: CORE }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'sdk' }, () => ({ contents: code, loader: 'js' }));
    },
  };
  const result = await build({
    stdin: { contents: entry, loader: 'js', resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'app',
    platform: 'neutral',
    minify,
    treeShaking: true,
    plugins: [inMemory],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function run(bundled: string): (data: unknown) => boolean {
  return new Function(`${bundled}\nreturn app.validate;`)() as (data: unknown) => boolean;
}

describe('tree-shaking of generated validators', () => {
  it('keeps only the imported validator, its data and the runtime helpers it uses', async () => {
    const bundled = await bundle("export { validateEvent7V1 as validate } from './validators.js';");
    for (let index = 0; index < COUNT; index++) {
      const expected = index === 7;
      expect({ index, kept: bundled.includes(`marker_property_${index}"`) }).toEqual({ index, kept: expected });
      expect({ index, kept: bundled.includes(`marker_pattern_${index}_`) }).toEqual({ index, kept: expected });
      expect({ index, kept: bundled.includes(`marker_value_${index}"`) }).toEqual({ index, kept: expected });
    }
    expect(bundled).toContain('function ucs2length(');
    expect(bundled).toContain('function deepEqual(');
    // No validator of these uses date-time, so its check is left out.
    expect(bundled).not.toContain('compareDateTime');

    const validate = run(bundled);
    expect(validate({ marker_property_7: 'marker_pattern_7_abc', enum_7: { nested: 7 } })).toBe(true);
    expect(validate({ marker_property_7: 'marker_pattern_6_abc' })).toBe(false);
    expect(validate({ marker_property_7: 'marker_pattern_7_abc', enum_7: 'marker_value_6' })).toBe(false);
  });

  it('brings in a format check only with a validator that uses it', async () => {
    const bundled = await bundle("export { validateEvent10V1 as validate } from './validators.js';");
    expect(bundled).toContain('compareDateTime');
    const validate = run(bundled);
    expect(validate({ marker_property_10: 'marker_pattern_10_ok', at: '2024-02-29T10:00:00Z' })).toBe(true);
    expect(validate({ marker_property_10: 'marker_pattern_10_ok', at: '2023-02-29T10:00:00Z' })).toBe(false);
  });

  it('keeps one minified validator a small fraction of all fifty', async () => {
    const one = await bundle("export { validateEvent7V1 as validate } from './validators.js';", true);
    const all = await bundle("export * as validate from './validators.js';", true);
    // Sizes in bytes, not timings: one validator with its helpers stays small.
    expect(one.length).toBeLessThan(all.length / 20);
    expect(one.length).toBeLessThan(4_000);
  });
});
