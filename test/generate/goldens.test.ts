// Golden outputs: regenerated and compared byte for byte, then type-checked together
// with the real TypeScript compiler. `UPDATE_GOLDENS=1 npx vitest run test/generate` rewrites them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../packages/cli/src/generate/index.js';
import type { GeneratedFile } from '../../packages/cli/src/generate/options.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { REPO_ROOT, typeCheck } from './compile-in-memory.js';
import { GOLDEN_CASES, readGolden } from './golden-cases.js';

const UPDATE = process.env['UPDATE_GOLDENS'] === '1';

async function generateCase(plan: string, options: (typeof GOLDEN_CASES)[number]['options']): Promise<GeneratedFile[]> {
  const { model } = await loadPlan(`${REPO_ROOT}${plan}`);
  return generate(model, options);
}

describe('golden outputs', () => {
  for (const golden of GOLDEN_CASES) {
    it(`${golden.out} matches generate()`, async () => {
      const files = await generateCase(golden.plan, golden.options);
      const generated = Object.fromEntries(files.map((file) => [file.path, file.content]));
      if (UPDATE) {
        rmSync(REPO_ROOT + golden.out, { recursive: true, force: true });
        mkdirSync(REPO_ROOT + golden.out, { recursive: true });
        for (const file of files) writeFileSync(`${REPO_ROOT}${golden.out}/${file.path}`, file.content);
      }
      expect(generated).toEqual(readGolden(golden.out));
    });
  }

  it('every golden type-checks under strict with noUncheckedIndexedAccess', () => {
    const files: Record<string, string> = {};
    for (const golden of GOLDEN_CASES) {
      for (const [name, content] of Object.entries(readGolden(golden.out))) files[`${golden.out}/${name}`] = content;
    }
    expect(Object.keys(files)).toContain('fixtures/shop/generated/analytics-next-js/index.d.ts');
    expect(Object.keys(files)).toContain('fixtures/shop/generated/analytics-node-cjs/index.d.ts');
    expect(typeCheck(files)).toEqual([]);
  });

  it('the shop plan gives the same SDK from YAML and from JSON', async () => {
    const fromJson = await generateCase('fixtures/shop-json/plan.json', GOLDEN_CASES[0]!.options);
    const golden = readGolden(GOLDEN_CASES[0]!.out);
    expect(Object.fromEntries(fromJson.map((file) => [file.path, file.content.replace('from plan.json.', 'from plan.yaml.')]))).toEqual(golden);
  });

  it('the CommonJS golden requires and assigns exports, with no import or export statement', () => {
    const files = readGolden('fixtures/shop/generated/analytics-node-cjs');
    expect(Object.keys(files).sort()).toEqual(['.plangen-manifest.json', 'index.d.ts', 'index.js', 'validators.d.ts', 'validators.js'].filter((name) => name in files));
    for (const name of ['index.js', 'validators.js']) {
      expect({ name, esm: /^(import|export) /m.test(files[name]!) }).toEqual({ name, esm: false });
      expect(files[name]).toContain("require(");
      expect(files[name]).toMatch(/^exports\.\w+ = /m);
    }
  });

  it('no emitted ES module contains require(', () => {
    for (const golden of GOLDEN_CASES.filter(({ options }) => options.module !== 'cjs')) {
      for (const [name, content] of Object.entries(readGolden(golden.out))) expect({ file: `${golden.out}/${name}`, require: content.includes('require(') }).toEqual({ file: `${golden.out}/${name}`, require: false });
    }
  });
});
