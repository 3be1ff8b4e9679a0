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
import { collidingPlanObject, DERIVING_SUFFIXES, planObject, planText, type PlanObject } from './random-plan.js';
import { segmentConfigPlanObject, segmentPlanObject } from './random-segment-plan.js';
import { fuzzParameters } from './runs.js';

// `file:line:col: ` or `file#/json/pointer: ` (a pointer may hold spaces: `#/events/Order Completed`).
const LOCATED = /^plan\.(yaml|json)(:\d+:\d+|#\/.*?): \S/;

const optionsArb: fc.Arbitrary<GenerateOptions> = fc.record({
  client: fc.constantFrom(...CLIENT_KINDS),
  mode: fc.constantFrom('development' as const, 'production' as const),
  language: fc.constantFrom('ts' as const, 'js' as const),
});

type Loaded = { ok: true; model: PlanModel } | { ok: false; error: unknown };

function load(plan: PlanObject, format: 'yaml' | 'json'): Loaded {
  const { text, file } = planText(plan, format);
  try {
    return { ok: true, model: loadPlanText(text, file).model };
  } catch (error) {
    return { ok: false, error };
  }
}

function expectLocatedPlanError(error: unknown): void {
  expect(error).toBeInstanceOf(PlanError);
  const { message } = error as PlanError;
  // One line, even when a name in it holds a line break.
  expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
  expect(message).toMatch(LOCATED);
}

/** The same plan with its events written in the reverse order. */
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

/**
 * JSON text of a plan with a property nested `depth` levels deep through objects, every `arrayEvery`th
 * level an array. Built as text: JSON.stringify itself overflows the stack on such data.
 */
function nestedPlanText({ depth, arrayEvery }: { depth: number; arrayEvery: number }): string {
  let open = '';
  let close = '';
  for (let level = 0; level < depth; level++) {
    const asArray = level % arrayEvery === 0;
    open += asArray ? '{"type":"array","items":' : '{"type":"object","properties":{"q":';
    close = (asArray ? '}' : '}}') + close;
  }
  return `{"name":"Deep","events":{"Deep Event":{"properties":{"p":${open}{"type":"string"}${close}}}}}`;
}

describe('deeply nested plans', () => {
  it('generate, or fail at load with a located PlanError, never overflow the stack', async () => {
    const levels = fc.record({ depth: fc.oneof(fc.nat(60), fc.integer({ min: 60, max: 5000 })), arrayEvery: fc.integer({ min: 1, max: 5 }) });
    const outcomes = { generated: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(levels, fc.constantFrom('yaml' as const, 'json' as const), async (nesting, format) => {
        // The YAML plan is in flow style; the comment keeps the loader from reading it as JSON.
        const json = nestedPlanText(nesting);
        let loaded: Loaded;
        try {
          loaded = { ok: true, model: format === 'json' ? loadPlanText(json, 'plan.json').model : loadPlanText(`# deep\n${json}`, 'plan.yaml').model };
        } catch (error) {
          loaded = { ok: false, error };
        }
        if (!loaded.ok) {
          expectLocatedPlanError(loaded.error);
          outcomes.refused++;
          return;
        }
        const files = await generate(loaded.model, { client: 'analytics-next', mode: 'development', language: 'ts' });
        expect(files.map((file) => file.path)).toEqual(['index.ts', 'validators.ts']);
        outcomes.generated++;
      }),
      fuzzParameters(8),
    );
    expect(outcomes.generated).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

/** Every generated SDK of this file, by folder, type-checked at the end in one TypeScript program. */
const compiled: Record<string, string> = {};
let generated = 0;

/** `$ref`s a raw schema may hold: into its definitions, into itself, broken, remote, encoded. */
const REFS = [
  '#/definitions/code', '#/definitions/nested/properties/inner', '#', '#/properties/other', '#/definitions/missing', '#/definitions/code%',
  '#/definitions/a~1b', '#/definitions/a%2Fb', '#/definitions/a~2b', 'other.json#/a', 'http://127.0.0.1/x.json', '#x', '#/$defs/code', '',
  '#/definitions/toString', '#/definitions/__proto__', '#/definitions/constructor',
];

describe('raw schemas with $ref', () => {
  it('generate, or fail at load with a located PlanError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...REFS), { minLength: 1, maxLength: 3 }), optionsArb, async (refs, options) => {
        const schema = {
          type: 'object',
          definitions: { code: { type: 'string', pattern: '^[A-Z]{4}$' }, nested: { type: 'object', properties: { inner: { type: 'integer' } } }, 'a/b': { type: 'boolean' } },
          properties: { other: { type: 'string' }, ...Object.fromEntries(refs.map((ref, index) => [`ref${index}`, { $ref: ref }])) },
        };
        let model: PlanModel;
        try {
          model = loadPlanText(JSON.stringify({ name: 'Refs', events: { 'Ref Used': { schema } } }, null, 2), 'plan.json').model;
        } catch (error) {
          expectLocatedPlanError(error);
          return;
        }
        const files = await generate(model, options);
        expect(codeProblems(model, files)).toEqual([]);
        const folder = `refs${generated++}-${options.client}-${options.mode}`;
        for (const file of files) compiled[`${folder}/${file.path}`] = file.content;
      }),
      fuzzParameters(10),
    );
  });
});

describe('random hostile plans', () => {

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
    await fc.assert(
      fc.asyncProperty(collidingPlanObject(DERIVING_SUFFIXES), optionsArb, async (plan, options) => {
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

  it('generate SDKs from random Segment plans (both formats, raw schemas, whole-payload rules) with plan text only in strings and comments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(segmentPlanObject, segmentConfigPlanObject), optionsArb, async (plan, options) => {
        let model: PlanModel;
        try {
          model = loadPlanText(JSON.stringify(plan), 'plan.json').model;
        } catch (error) {
          expectLocatedPlanError(error);
          return;
        }
        const files = await generate(model, options);
        expect(codeProblems(model, files)).toEqual([]);
        const folder = `case${generated++}-${options.client}-${options.mode}`;
        for (const file of files) compiled[`${folder}/${file.path}`] = file.content;
      }),
      fuzzParameters(12),
    );
  });

  it('every generated SDK compiles under strict TypeScript (one program for all)', () => {
    expect(generated).toBeGreaterThan(0);
    expect(typeCheck(compiled, `${REPO_ROOT}test/fuzz/.virtual/`)).toEqual([]);
  });
});

