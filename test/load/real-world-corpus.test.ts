// Real tracking plans that public repositories commit (fixtures/real-world/, sources and licences in its
// README), each unchanged: every one loads, generates for every client in development and production,
// and the output compiles under strict TypeScript with exactOptionalPropertyTypes and
// noUncheckedIndexedAccess. One TypeScript program per plan: the compiler is the slow part.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import { CLIENT_KINDS, type GenerateMode } from '../../packages/cli/src/generate/options.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { REPO_ROOT, typeCheck } from '../generate/compile-in-memory.js';

const FOLDER = 'fixtures/real-world';
const MODES: readonly GenerateMode[] = ['development', 'production'];
const STRICTER = { exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, strict: true };

/**
 * Real plans that fail today because of a Segment-shape problem another part of issue 12 fixes, with the
 * start of the error they fail with. Each entry is asserted to still fail that way, so the entry has to
 * go (and the plan joins the passing corpus) the moment the fix lands.
 */
const KNOWN_BROKEN: Readonly<Record<string, string>> = {};

const PLANS = readdirSync(`${REPO_ROOT}${FOLDER}`)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('real-world plan corpus', () => {
  it('holds the RudderStack examples and at least five other public plans', () => {
    expect(PLANS).toContain('ruddertyper-example-analytics.json');
    expect(PLANS).toContain('ruddertyper-example-node-typescript.json');
    expect(PLANS.length).toBeGreaterThanOrEqual(7);
  });

  it('lists only files of the corpus as known broken', () => {
    expect(Object.keys(KNOWN_BROKEN).filter((name) => !PLANS.includes(name))).toEqual([]);
  });

  it.each(PLANS.filter((name) => !(name in KNOWN_BROKEN)))('%s loads, generates for every client and mode, and compiles strictly', async (name) => {
    const { model } = await loadPlan(`${REPO_ROOT}${FOLDER}/${name}`);
    expect(model.events.length + [model.identify, model.group, model.page, model.screen].filter(Boolean).length).toBeGreaterThan(0);
    const files: Record<string, string> = {};
    for (const client of CLIENT_KINDS) {
      for (const mode of MODES) {
        const generated = await generate(model, { client, mode, language: 'ts' });
        expect(generated.map((file) => file.path).sort()).toEqual(mode === 'development' ? ['index.ts', 'validators.ts'] : ['index.ts']);
        for (const file of generated) files[`${name.replace(/\.json$/, '')}/${client}-${mode}/${file.path}`] = file.content;
      }
    }
    expect(typeCheck(files, `${REPO_ROOT}test/load/.virtual/`, STRICTER)).toEqual([]);
  });

  it.each(Object.entries(KNOWN_BROKEN))('%s still fails as recorded (remove the entry once it loads)', async (name, reason) => {
    const error = await loadPlan(`${REPO_ROOT}${FOLDER}/${name}`).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).message).toContain(reason);
  });
});
