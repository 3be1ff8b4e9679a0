// The one validator agreement suite. ajv compiling a schema in memory is the reference (the way
// ajv tests its own standalone mode); two judges must agree with it on every source of cases:
// - the precompiled validators (loadValidators: the very code an SDK ships), verdicts and errors
//   (named schema cases, seeded random schemas, random plans, the fixtures and Typewriter plans),
//   with all of a source's validators in ONE module as in a generated SDK, so shared helpers,
//   patterns and formats must never leak between validators;
// - `plangen validate` (createPayloadChecker), whose verdict must equal ajv's on the schemas
//   that apply to the payload, picked from the model by hand.
// The random sources run under fast-check's fixed seed (test/fuzz/runs.ts): PLANGEN_FUZZ_SCALE
// multiplies their runs (`pnpm fuzz`), PLANGEN_FUZZ_SEED explores other seeds.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatorEntries, type ValidatorEntry } from '../../packages/cli/src/model/validator-entries.js';
import { compileValidators } from '../../packages/cli/src/generate/validators/compile-validators.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlan, loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { JsonSchema, PlanModel } from '../../packages/cli/src/model/types.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';
import { createPayloadChecker } from '../../packages/cli/src/validate/check-payload.js';
import { planObject, planText } from '../fuzz/random-plan.js';
import { segmentConfigPlanObject, segmentPlanObject } from '../fuzz/random-segment-plan.js';
import { fuzzParameters } from '../fuzz/runs.js';
import { payloadFor } from '../fuzz/schema-values.js';
import { comparable as withoutSchemaPath, referenceVerdict } from './prototype-names.js';
import { objectSchema, value } from './random-schemas.js';
import { SCHEMA_CASES, SHARED_PAYLOADS } from './schema-cases.js';

type CompiledValidator = ReturnType<typeof loadValidators>[string];

// Byte-identical copies of ../shared/compat/typewriter/*.json.
const TYPEWRITER_PLANS = ['config-api-reference-plan', 'config-api-reference-plan-with-enums', 'public-api-reference-plan'] as const;

function comparable(errors: CompiledValidator['errors']) {
  return (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
}

/** How many payloads each verdict got: a source must exercise both, or agreement is trivial. */
interface Tally {
  valid: number;
  invalid: number;
}

function expectBothVerdicts(tally: Tally): void {
  expect(tally.valid).toBeGreaterThan(0);
  expect(tally.invalid).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------
// Judge 1: precompiled validators against ajv in memory.

/** ajv in memory, one validator per entry. */
function referenceValidators(entries: readonly ValidatorEntry[]): Record<string, CompiledValidator> {
  const ajv = createAjv();
  return Object.fromEntries(entries.map((entry) => [entry.name, ajv.compile(entry.schema) as CompiledValidator]));
}

/** Runs both validators of one entry on one payload; the verdicts and errors must match. */
function expectAgreement(entry: ValidatorEntry, reference: CompiledValidator, compiled: CompiledValidator | undefined, payload: unknown, tally: Tally): void {
  expect(compiled).toBeTypeOf('function');
  // ajv skips a `properties` entry named __proto__, which plangen's validators check (restated at
  // another schemaPath): those schemas are judged by ajv with the name renamed (./prototype-names.ts).
  if (JSON.stringify(entry.schema).includes('"__proto__"')) {
    const { valid, errors } = referenceVerdict(entry.schema, payload);
    expect({ entry: entry.name, payload, valid: compiled?.(payload), errors: withoutSchemaPath(compiled?.errors) }).toEqual({ entry: entry.name, payload, valid, errors });
    tally[valid ? 'valid' : 'invalid']++;
    return;
  }
  const expected = reference(payload);
  const actual = compiled?.(payload);
  expect({ entry: entry.name, payload, valid: actual }).toEqual({ entry: entry.name, payload, valid: expected });
  expect({ entry: entry.name, payload, errors: comparable(compiled?.errors) }).toEqual({ entry: entry.name, payload, errors: comparable(reference.errors) });
  tally[expected ? 'valid' : 'invalid']++;
}

/** Compiles the entries into one module and judges every (entry, payloads) pair. */
function expectAllAgree(cases: readonly (readonly [ValidatorEntry, readonly unknown[]])[], tally: Tally): void {
  const entries = cases.map(([entry]) => entry);
  const compiled = loadValidators(entries);
  const reference = referenceValidators(entries);
  for (const [entry, payloads] of cases) {
    for (const payload of payloads) expectAgreement(entry, reference[entry.name]!, compiled[entry.name], payload, tally);
  }
}

/** Entries with payloads for each, chosen by fast-check. */
function entriesWithPayloads(model: PlanModel) {
  const entries = validatorEntries(model);
  return fc.tuple(...entries.map((entry) => fc.tuple(fc.constant(entry), fc.array(payloadFor(entry.schema), { minLength: 1, maxLength: 4 }))));
}

function loaded(plan: { file: string; text: string }): PlanModel | undefined {
  try {
    return loadPlanText(plan.text, plan.file).model;
  } catch {
    return undefined; // the plan fuzzing checks the errors; here only loadable plans matter
  }
}

describe('precompiled validators agree with ajv in memory', () => {
  describe('on one named schema per JSON Schema feature plans use (test/validators/schema-cases.ts), all in one module', () => {
    const compiled = loadValidators(SCHEMA_CASES.map(({ name, schema }) => ({ name, schema })));

    it.each(SCHEMA_CASES.map((entry) => [entry.name, entry] as const))('%s', (_name, { name, schema, payloads }) => {
      const tally: Tally = { valid: 0, invalid: 0 };
      const reference = createAjv().compile(schema) as CompiledValidator;
      for (const payload of [...payloads, ...SHARED_PAYLOADS]) expectAgreement({ name, schema }, reference, compiled[name], payload, tally);
      expectBothVerdicts(tally);
    });

    it('runs none of the code a schema $id carries', () => {
      expect(compiled.validateWithId?.({ amount: 1 })).toBe(true);
      expect((globalThis as Record<string, unknown>).plangenInjected).toBeUndefined();
    });
  });

  // A subschema repeated across the SDK compiles once into a shared function (shared-subschemas.ts),
  // whose errors are restated at each copy's own schema path: every feature case, repeated under
  // properties, items, anyOf and additionalProperties of two validators.
  it('on feature cases repeated under properties, items, anyOf and additionalProperties (shared functions)', () => {
    const wrap = (schema: JsonSchema, extra: JsonSchema): JsonSchema => ({
      type: 'object',
      properties: { a: schema, list: { type: 'array', items: schema }, either: { anyOf: [schema, { type: 'null' }] } },
      ...extra,
    });
    // A $ref or $id points from the root, so those cases cannot move under another schema.
    const movable = SCHEMA_CASES.filter(({ schema }) => !/"\$(ref|id)"/.test(JSON.stringify(schema)));
    const cases = movable.flatMap(({ name, schema, payloads }) => {
      const samples = [...payloads, ...SHARED_PAYLOADS];
      const wrapped = samples.flatMap((sample) => [{ a: sample }, { list: [sample, sample] }, { either: sample, extra: sample }]);
      return [
        [{ name: `${name}InFirst`, schema: wrap(schema, {}) }, wrapped],
        [{ name: `${name}InSecond`, schema: wrap(schema, { additionalProperties: schema, required: ['a'] }) }, wrapped],
      ] as const;
    });
    const tally: Tally = { valid: 0, invalid: 0 };
    expectAllAgree(cases, tally);
    expectBothVerdicts(tally);
    const code = compileValidators(cases.map(([entry]) => entry), { language: 'js' }).code;
    expect(code).toMatch(/^function shared_\w+\(/m);
    expect(code).toContain('pushSharedErrors(');
  });

  it('on 120 seeded random schemas in one module, 40 random payloads each', () => {
    const entries = Array.from({ length: 120 }, (_, index) => ({ name: `validateRandom${index}`, schema: objectSchema(0) }));
    const payloads = Array.from({ length: 40 }, () => value(0));
    const tally: Tally = { valid: 0, invalid: 0 };
    expectAllAgree(
      entries.map((entry) => [entry, payloads] as const),
      tally,
    );
    expectBothVerdicts(tally);
  });

  // Random plans: whatever loads, every validator it yields, on schema-shaped payloads, near misses and arbitrary values.
  const RANDOM_PLANS = [
    {
      name: 'random plans',
      models: planObject(false)
        .map((plan) => loaded(planText(plan, 'json')))
        .filter((model): model is PlanModel => model !== undefined && validatorEntries(model).length > 0),
      runs: 25,
    },
    {
      name: 'random Segment plans (both formats; raw schemas, whole-payload and common validators)',
      models: fc
        .oneof(segmentPlanObject, segmentConfigPlanObject)
        .map((plan) => loaded({ file: 'plan.json', text: JSON.stringify(plan) }))
        .filter((model): model is PlanModel => model !== undefined),
      runs: 15,
    },
  ];

  it.each(RANDOM_PLANS.map((source) => [source.name, source] as const))('on %s', (_name, { models, runs }) => {
    const tally: Tally = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(
        models.chain((model) => entriesWithPayloads(model)),
        (cases) => expectAllAgree(cases, tally),
      ),
      fuzzParameters(runs),
    );
    expectBothVerdicts(tally);
  });

  describe("on every bundled fixture and Typewriter plan, with example payloads and the properties, traits and context inside them", () => {
    const FIXTURES = [
      ['shop', 'plan.yaml'],
      ['shop-json', 'plan.json'],
      ['segment-public-api', 'plan.json'],
      ['segment-config-api', 'plan.json'],
    ] as const;
    const payloadsOf = (folder: string) =>
      readFileSync(`fixtures/${folder}/payloads.jsonl`, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown);
    /** A payload and the parts of it that properties, traits and context schemas judge. */
    const samples = (payloads: readonly unknown[]) =>
      payloads.flatMap((payload) => {
        const record = (payload ?? {}) as Record<string, unknown>;
        return [payload, record.properties, record.traits, record.context].filter((sample) => sample !== undefined);
      });
    const expectPlanAgrees = async (planFile: string, payloads: readonly unknown[]) => {
      const entries = validatorEntries((await loadPlan(planFile)).model);
      expect(entries.length).toBeGreaterThan(0);
      const tally: Tally = { valid: 0, invalid: 0 };
      expectAllAgree(
        entries.map((entry) => [entry, samples(payloads)] as const),
        tally,
      );
      expectBothVerdicts(tally);
    };

    it.each(FIXTURES)('fixtures/%s with its payloads.jsonl', async (folder, plan) => {
      await expectPlanAgrees(`fixtures/${folder}/${plan}`, payloadsOf(folder));
    });
    it.each(TYPEWRITER_PLANS)("Typewriter %s with every fixture's payloads", async (plan) => {
      await expectPlanAgrees(`fixtures/typewriter-${plan}/plan.json`, FIXTURES.flatMap(([folder]) => payloadsOf(folder)));
    });
  });

  it.each(TYPEWRITER_PLANS)('on %s.json, with fast-check payloads for its validators', (plan) => {
    const file = `${plan}.json`;
    const { model } = loadPlanText(readFileSync(`fixtures/typewriter-${plan}/plan.json`, 'utf8'), file);
    const entries = validatorEntries(model);
    const compiled = loadValidators(entries);
    const reference = referenceValidators(entries);
    const tally: Tally = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...entries).chain((entry) => fc.tuple(fc.constant(entry), payloadFor(entry.schema))), ([entry, payload]) => {
        expectAgreement(entry, reference[entry.name]!, compiled[entry.name], payload, tally);
      }),
      fuzzParameters(300),
    );
    expectBothVerdicts(tally);
  });
});

// ---------------------------------------------------------------------------------------------
// Judge 2: `plangen validate` against ajv compiling the plan's schemas directly.

/** The schemas that apply to a payload, picked from the model by hand. */
function applicableSchemas(model: PlanModel, payload: Record<string, unknown>, version: number | undefined) {
  const picked: { member?: 'properties' | 'traits'; schema: object }[] = [];
  const add = (member: 'properties' | 'traits', schema: object, whole: object | undefined) => {
    picked.push({ member, schema });
    if (whole) picked.push({ schema: whole });
  };
  if (payload.type === 'track') {
    const event = model.events.find((candidate) => candidate.name === payload.event)!;
    const chosen = event.versions.find((candidate) => candidate.version === version)!;
    add('properties', chosen.properties, chosen.payload);
  }
  if (payload.type === 'identify' && model.identify) add('traits', model.identify.traits, model.identify.payload);
  if (payload.type === 'group' && model.group) add('traits', model.group.traits, model.group.payload);
  if (payload.type === 'page' && model.page) add('properties', model.page.properties, model.page.payload);
  if (payload.type === 'screen' && model.screen) add('properties', model.screen.properties, model.screen.payload);
  if (model.common) picked.push({ schema: model.common.schema });
  return picked;
}

/** For each line that parses and names a planned call: plangen validate's verdict and ajv's. */
function validateVerdicts(model: PlanModel, lines: readonly string[]) {
  const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
  const ajv = createAjv();
  const compiled = new Map<object, ReturnType<typeof ajv.compile>>();
  const compile = (schema: object) => {
    if (!compiled.has(schema)) compiled.set(schema, ajv.compile(schema));
    return compiled.get(schema)!;
  };
  const cases: { line: number; ours: boolean; ajv: boolean }[] = [];
  lines.forEach((text, index) => {
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return;
    }
    const verdict = check(payload);
    if (verdict.kind !== 'checked') return;
    const record = payload as Record<string, unknown>;
    const valid = applicableSchemas(model, record, verdict.version).every(({ member, schema }) =>
      compile(schema)(member ? (record[member] ?? {}) : record),
    );
    cases.push({ line: index + 1, ours: verdict.errors.length === 0, ajv: valid });
  });
  return cases;
}

function expectValidateAgrees(cases: ReturnType<typeof validateVerdicts>, describeLine: (line: number) => string): void {
  for (const entry of cases) expect(entry, describeLine(entry.line)).toEqual({ line: entry.line, ours: entry.ajv, ajv: entry.ajv });
}

/** A guess at valid properties (first enum value, or a value of the first type); agreement matters, not validity. */
function sample(schema: object): Record<string, unknown> {
  const properties = (schema as { properties?: Record<string, { type?: string | string[]; enum?: unknown[] }> }).properties ?? {};
  const values: Record<string, unknown> = {};
  const byType: Record<string, unknown> = { string: 'text', number: 1.5, integer: 2, boolean: true, object: {}, array: [], null: null };
  for (const [key, property] of Object.entries(properties)) {
    const type = Array.isArray(property.type) ? property.type[0] : property.type;
    values[key] = property.enum?.[0] ?? (type !== undefined ? byType[type] : 'text');
  }
  return values;
}

describe('plangen validate agrees with ajv compiling the plan directly', () => {
  it('on test/validate/cases/payloads.jsonl (16 checked lines, 6 of them invalid)', async () => {
    const { model } = await loadPlan(fileURLToPath(new URL('../validate/cases/plan.yaml', import.meta.url)));
    const lines = readFileSync(new URL('../validate/cases/payloads.jsonl', import.meta.url), 'utf8').split('\n');
    const cases = validateVerdicts(model, lines);
    expect(cases).toHaveLength(16);
    expect(cases.filter((entry) => !entry.ours).map((entry) => entry.line)).toEqual([6, 9, 11, 12, 14, 17]);
    expectValidateAgrees(cases, (line) => `line ${line}`);
  });

  it.each([
    ['shop', 'plan.yaml'],
    ['shop-json', 'plan.json'],
    ['segment-public-api', 'plan.json'],
    ['segment-config-api', 'plan.json'],
  ])("on fixtures/%s's payloads.jsonl", async (folder, plan) => {
    const { model } = await loadPlan(`fixtures/${folder}/${plan}`);
    const lines = readFileSync(`fixtures/${folder}/payloads.jsonl`, 'utf8').split('\n');
    const cases = validateVerdicts(model, lines);
    expect(cases.length).toBeGreaterThan(10);
    expectValidateAgrees(cases, (line) => `line ${line}`);
  });

  it.each(TYPEWRITER_PLANS)('on %s: every event version, with empty, typed and unplanned properties, plus identify/group/page', async (name) => {
    const { model } = await loadPlan(fileURLToPath(new URL(`../../fixtures/typewriter-${name}/plan.json`, import.meta.url)));
    const lines: string[] = [];
    for (const event of model.events) {
      for (const { version } of event.versions) {
        const context = { protocols: { event_version: version } };
        lines.push(JSON.stringify({ type: 'track', event: event.name, userId: 'u', properties: {}, context }));
        lines.push(JSON.stringify({ type: 'track', event: event.name, userId: 'u', properties: { not_in_the_plan: 1 }, context }));
        lines.push(JSON.stringify({ type: 'track', event: event.name, userId: 'u', properties: sample(event.versions.find((entry) => entry.version === version)!.properties), context }));
      }
    }
    for (const type of ['identify', 'group']) lines.push(JSON.stringify({ type, userId: 'u', groupId: 'g', traits: { not_in_the_plan: true } }));
    lines.push(JSON.stringify({ type: 'page', userId: 'u', properties: {} }));
    const cases = validateVerdicts(model, lines);
    expect(cases.length).toBe(lines.length);
    // Both verdicts occur, so agreement is not trivial.
    expect(cases.some((entry) => entry.ours)).toBe(true);
    expect(cases.some((entry) => !entry.ours)).toBe(true);
    expectValidateAgrees(cases, (line) => `payload ${lines[line - 1]}`);
  });
});
