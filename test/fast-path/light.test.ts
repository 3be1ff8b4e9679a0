// The fast path runs before the full CLI is loaded, so it may import only
// Node's own modules and light plangen modules: this walks its import graph in
// the sources (type-only imports are erased) and fails on any package.
import { describe, expect, it } from 'vitest';
import { importGraph } from '../import-graph.js';

// The fast path's bundle entry (scripts/build-cli.mjs), which imports run-fast-path.ts.
const ENTRY = 'packages/cli/src/fast-path/first-step.ts';

describe('the fast path is light', () => {
  it('imports no package but node:*', () => {
    const { packages, files } = importGraph(ENTRY);
    expect(packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
    expect(files.length).toBeLessThan(25);
  });
});
