// The validators' worker file is found beside every built module that starts it: tsc's dist/
// (.js), the ESM bundles (.js) and the generate command's script bundle (generate.cjs, run by
// fast-path/code-cached-bundle.ts); from the TypeScript sources there is none, and the
// validators compile on the calling thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileWorkerFile, startCompileWorker } from '../../packages/cli/src/generate/validators/start-compile-worker.js';

describe('the built compile worker beside a module', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-worker-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const url = (name: string) => pathToFileURL(path.join(dir, name)).href;

  it('is found beside .js and .cjs modules, never beside .ts sources, nor when it is missing', () => {
    expect(compileWorkerFile(url('generate.cjs'))).toBeUndefined();
    writeFileSync(path.join(dir, 'compile-worker.js'), '');
    const worker = path.join(dir, 'compile-worker.js');
    expect([compileWorkerFile(url('generate.cjs')), compileWorkerFile(url('chunk-ABC.js'))]).toEqual([worker, worker]);
    expect(compileWorkerFile(url('compile-in-parallel.ts'))).toBeUndefined();
    expect(startCompileWorker(url('compile-in-parallel.ts'))).toBeUndefined();
  });

  it("is the bundle's CommonJS file when there is one (fast-path/code-cached-worker.ts), else tsc's module", () => {
    const both = mkdtempSync(path.join(os.tmpdir(), 'plangen-worker-file-'));
    try {
      const at = (name: string) => pathToFileURL(path.join(both, name)).href;
      writeFileSync(path.join(both, 'compile-worker.js'), '');
      expect(compileWorkerFile(at('chunk-ABC.js'))).toBe(path.join(both, 'compile-worker.js'));
      writeFileSync(path.join(both, 'compile-worker.cjs'), '');
      expect([compileWorkerFile(at('generate.cjs')), compileWorkerFile(at('chunk-ABC.js'))]).toEqual([path.join(both, 'compile-worker.cjs'), path.join(both, 'compile-worker.cjs')]);
      expect(compileWorkerFile(at('compile-in-parallel.ts'))).toBeUndefined();
    } finally {
      rmSync(both, { recursive: true, force: true });
    }
  });
});
