import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Four projects (docs/architecture.md, "Tests"). `pnpm test` builds, then runs them all; `pnpm test:unit`
// runs `unit` alone: no build needed, under 30 seconds. A new test file lands in `unit` unless listed below.

/** Need the build (`packages/cli/dist`, `bin/plangen.js`) or pack packages, run real clients, Chromium, killed writes. */
const E2E = [
  'test/e2e/**/*.test.ts',
  'test/cli/bin.test.ts', // bundles the CLI (scripts/build-cli.mjs) into a temp folder and runs its bin
  'test/write/signals.test.ts', // signals the built CLI in the middle of a write
  'test/generate/compile-in-parallel.test.ts', // the worker thread exists only in dist/
  'test/write/interrupted-commit.test.ts', // a real write stopped after each of its file-system operations (6 s)
];

/** Compare generated code with the committed goldens, or compile and run it with the TypeScript compiler. */
const GOLDEN_AND_COMPILE = [
  'test/generate/goldens.test.ts',
  'test/generate/cached-generate.test.ts', // every golden case with the cache, cold and warm
  'test/generate/type-chunks.test.ts', // types in chunks against one json-schema-to-typescript run
  'test/generate/cached-batches.test.ts', // validator batches through the cache on a 150-event plan
  'test/generate/generate.test.ts',
  'test/generate/injection.test.ts',
  'test/generate/runtime.test.ts',
  'test/typecheck/**/*.test.ts',
  'test/validators/typecheck.test.ts',
  'test/load/real-world-corpus.test.ts',
  'test/load/segment-shapes.test.ts',
  'test/validate/prototype-names.test.ts', // imports and runs a generated development SDK
  'test/audit/**/*.test.ts', // audits fixture apps with the TypeScript type checker, against their expected findings
];

/** Random and mutated inputs (fast-check, seeded mutations); `pnpm fuzz` scales their runs up. */
const FUZZ = [
  'test/fuzz/**/*.test.ts',
  'test/core/fuzz-runtime.test.ts',
  'test/load/robustness.test.ts',
  'test/validators/agreement.test.ts', // the one validator agreement suite: mostly fast-check and seeded random sources
];

/** vitest's per-file isolation of modules and mocks, in a reused process (the pool's own `isolate` is off). */
const FRESH_MODULES = { forks: { isolate: true } };

export default defineConfig({
  resolve: {
    // Tests run against the sources; the packaging tests build and pack the real packages.
    // One entry per audience (apps, generated code, the CLI); exact matches, so `@plangen/core` is no prefix of the others.
    alias: [
      { find: /^@plangen\/core$/, replacement: fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
      { find: /^@plangen\/core\/runtime$/, replacement: fileURLToPath(new URL('./packages/core/src/runtime.ts', import.meta.url)) },
      { find: /^@plangen\/core\/internal$/, replacement: fileURLToPath(new URL('./packages/core/src/internal.ts', import.meta.url)) },
    ],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // `pnpm test` (CI) gives every file a process of its own. `pnpm test:unit` passes
    // --poolOptions.forks.isolate=false: files reuse processes, since a new process per file re-loaded
    // typescript, ajv and yaml each time (over half of the unit run); every project still gets fresh modules
    // and mocks per file (isolate below), and test/restore-process-state.ts puts back the working directory,
    // environment and exit code. Reuse once left a test waiting (patterns.test.ts, 1 run in 7, cause not
    // found), so the run that gates a change keeps the isolation it always had.
    // --expose-gc: the memory bounds of test/validate/limits.test.ts collect first, so garbage an earlier file left in
    // the process can neither inflate nor hide what the test keeps.
    poolOptions: { forks: { isolate: true, execArgv: ['--expose-gc'] } },
    setupFiles: ['test/restore-process-state.ts'],
    // `extends: true`: each project keeps the settings above and the alias.
    projects: [
      { extends: true, test: { poolOptions: FRESH_MODULES, name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...E2E, ...GOLDEN_AND_COMPILE, ...FUZZ] } },
      { extends: true, test: { poolOptions: FRESH_MODULES, name: 'golden', include: GOLDEN_AND_COMPILE } },
      { extends: true, test: { poolOptions: FRESH_MODULES, name: 'fuzz', include: FUZZ } },
      { extends: true, test: { poolOptions: FRESH_MODULES, name: 'e2e', include: E2E } },
    ],
  },
});
