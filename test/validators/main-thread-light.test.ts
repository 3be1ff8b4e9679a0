// While the worker thread compiles the validators, the main thread plans the batches, emits the types and
// assembles the module. What it loads before handing out the batches delays the worker: the compiler
// (ajv) loads on the main thread only when that thread takes a batch itself (compile-pool.ts, a dynamic
// import), and json-schema-to-typescript only once the batches are out (generate/index.ts).
import { describe, expect, it } from 'vitest';
import { importGraph } from '../import-graph.js';

const VALIDATORS = 'packages/cli/src/generate/validators';
const COMPILER_PACKAGES = ['ajv', 'ajv-formats'];

describe("the main thread's side of the validators", () => {
  it.each(['compile-in-parallel.ts', 'compile-pool.ts', 'build-validator-module.ts', 'render-validators.ts'])('%s loads no ajv', (module) => {
    const { packages } = importGraph(`${VALIDATORS}/${module}`);
    expect(packages.filter((name) => COMPILER_PACKAGES.some((compiler) => name === compiler || name.startsWith(`${compiler}/`)))).toEqual([]);
  });

  it('generate/index.ts loads neither ajv nor json-schema-to-typescript before the batches are handed out', () => {
    const { packages } = importGraph('packages/cli/src/generate/index.ts');
    expect(packages.filter((name) => [...COMPILER_PACKAGES, 'json-schema-to-typescript'].some((heavy) => name === heavy || name.startsWith(`${heavy}/`)))).toEqual([]);
  });

  it('compile-validators.ts, the compiler on this thread, does load ajv (the check above can fail)', () => {
    expect(importGraph(`${VALIDATORS}/compile-validators.ts`).packages).toContain('ajv');
  });
});
