// Random hostile plans through load -> generate: each loads or fails with a
// located PlanError; each SDK keeps plan text inside string literals and
// comments, declares only model names, is deterministic across plan key order,
// and (all of them at once, in one TypeScript program) compiles under strict tsc.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import { CLIENT_KINDS, type GenerateOptions } from '../../packages/cli/src/generate/options.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { REPO_ROOT, typeCheck } from '../generate/compile-in-memory.js';
import { codeProblems } from './generated-code.js';
import { collidingPlanObject, DERIVING_SUFFIXES, hasProtoProperty, planObject, planText, type PlanObject } from './random-plan.js';
import { fuzzParameters } from './runs.js';

const LOCATED = /^plan\.(yaml|json)(:\d+:\d+|#\/\S*): \S/;

const optionsArb: fc.Arbitrary<GenerateOptions> = fc.record({
  client: fc.constantFrom(...CLIENT_KINDS),
  mode: fc.constantFrom('development' as const, 'production' as const),
  language: fc.constantFrom('ts' as const, 'js' as const),
});

type Loaded = { ok: true; model: PlanModel } | { ok: false; error: unknown };

function load(plan: PlanObject, format: 'yaml' | 'json'): Loaded {
  const { text, file } = planText(plan, format);
  try {
    return { ok: true, model: loadPlanText(text, file) };
  } catch (error) {
    return { ok: false, error };
  }
}

function expectLocatedPlanError(error: unknown): void {
  expect(error).toBeInstanceOf(PlanError);
  const { message } = error as PlanError;
  // Only the start: a plan name holding a line break still splits the message (FINDINGS.md, F1).
  // Alias errors carry no position yet (F12).
  if (/^plan\.(yaml|json): cannot expand the YAML aliases: /.test(message)) return;
  expect(message).toMatch(LOCATED);
}

/** The same plan with its events (and labels) written in the reverse order. */
function reordered(plan: PlanObject): PlanObject {
  const events = plan['events'];
  if (typeof events !== 'object' || events === null || Array.isArray(events)) return plan;
  return { ...plan, events: Object.fromEntries(Object.entries(events).reverse()) };
}

/** Edits that break YAML and JSON in the ways people (and attackers) do. */
const SNIPPETS = [':', ': ', '-', '- ', '{', '}', '[', ']', '"', "'", ',', '&a ', '*a', '<<: ', '\t', '\n', '\n  ', '!!str ', '!!binary ', '%YAML 1.1\n', '#', '\0', '\ufeff', '\u2028', '? ', '|', '>', '~', 'null', '1e999', '0x10', '---\n', '...\n'];
const edit = fc.record({ at: fc.nat(), remove: fc.nat(8), insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 3 })) });

const SEED_PLANS = ['fixtures/shop/plan.yaml', 'fixtures/shop-json/plan.json'].map((file) => ({ file: file.endsWith('.json') ? 'plan.json' : 'plan.yaml', text: readFileSync(file, 'utf8') }));

describe('mutated plan files', () => {
  it('load or fail with a located PlanError', () => {
    fc.assert(
      fc.property(fc.nat(SEED_PLANS.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (seedIndex, edits) => {
        const { file, text } = SEED_PLANS[seedIndex]!;
        let mutated = text;
        for (const { at, remove, insert } of edits) {
          const position = at % (mutated.length + 1);
          mutated = mutated.slice(0, position) + insert + mutated.slice(position + remove);
        }
        try {
          loadPlanText(mutated, file);
        } catch (error) {
          expectLocatedPlanError(error);
        }
      }),
      fuzzParameters(150),
    );
  });
});

describe('random hostile plans', () => {
  const compiled: Record<string, string> = {};
  let generated = 0;

  it('load or fail with a located PlanError, even with mistakes in them', () => {
    fc.assert(
      fc.property(planObject(true), fc.constantFrom('yaml' as const, 'json' as const), (plan, format) => {
        const loaded = load(plan, format);
        if (!loaded.ok) expectLocatedPlanError(loaded.error);
      }),
      fuzzParameters(60),
    );
  });

  it('generate SDKs with plan text only in strings and comments, the same for any key order', async () => {
    let failedToLoad = 0;
    await fc.assert(
      fc.asyncProperty(planObject(false), fc.constantFrom('yaml' as const, 'json' as const), optionsArb, async (plan, format, options) => {
        const loaded = load(plan, format);
        if (!loaded.ok) {
          expectLocatedPlanError(loaded.error);
          failedToLoad++;
          return;
        }
        if (options.mode === 'development' && hasProtoProperty(plan)) return; // F4 in FINDINGS.md
        const files = await generate(loaded.model, options);
        expect(codeProblems(loaded.model, files)).toEqual([]);

        const again = load(reordered(plan), format);
        if (!again.ok) throw again.error;
        expect(await generate(again.model, options)).toEqual(files);

        const folder = `case${generated++}-${options.client}-${options.mode}`;
        for (const file of files) compiled[`${folder}/${file.path}`] = file.content;
      }),
      fuzzParameters(12),
    );
    // Most random plans are valid: the property above must have checked real SDKs.
    expect(generated).toBeGreaterThan(failedToLoad);
  });

  it('generate SDKs whose names stay apart when event names derive from one another', async () => {
    // F2 and F3 in FINDINGS.md: these suffixes still make SDKs that do not compile.
    const open = new Set([' V1 Spec', ' V1 Properties']);
    await fc.assert(
      fc.asyncProperty(collidingPlanObject(DERIVING_SUFFIXES.filter((suffix) => !open.has(suffix))), optionsArb, async (plan, options) => {
        const loaded = load(plan, 'json');
        if (!loaded.ok) throw loaded.error;
        const files = await generate(loaded.model, options);
        expect(codeProblems(loaded.model, files)).toEqual([]);
        const folder = `case${generated++}-${options.client}-${options.mode}`;
        for (const file of files) compiled[`${folder}/${file.path}`] = file.content;
      }),
      fuzzParameters(6),
    );
  });

  it('every generated SDK compiles under strict TypeScript (one program for all)', () => {
    expect(generated).toBeGreaterThan(0);
    expect(typeCheck(compiled, `${REPO_ROOT}test/fuzz/.virtual/`)).toEqual([]);
  });
});

