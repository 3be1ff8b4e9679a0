// The precompiled validators (loadValidators: the very code an SDK ships) give
// the verdict and errors ajv gives compiling the model's schema in memory, for
// random plans and the Typewriter plans, on schema-shaped payloads, near misses
// and arbitrary values.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledValidator, CompiledValidatorError } from '@plangen/core';
import { validatorEntries, type ValidatorEntry } from '../../packages/cli/src/generate/schema-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';
import { planObject, planText } from './random-plan.js';
import { segmentConfigPlanObject, segmentPlanObject } from './random-segment-plan.js';
import { fuzzParameters } from './runs.js';
import { payloadFor } from './schema-values.js';
import { comparable as withoutSchemaPath, referenceVerdict } from '../validators/prototype-names.js';

// Byte-identical copies of ../shared/compat/typewriter/*.json.
const TYPEWRITER_PLANS = ['config-api-reference-plan', 'config-api-reference-plan-with-enums', 'public-api-reference-plan'];

function comparable(errors: readonly CompiledValidatorError[] | null | undefined) {
  return (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
}

interface Tally {
  valid: number;
  invalid: number;
}

/** ajv in memory, one validator per entry. */
function referenceValidators(entries: readonly ValidatorEntry[]): Record<string, CompiledValidator> {
  const ajv = createAjv();
  return Object.fromEntries(entries.map((entry) => [entry.name, ajv.compile(entry.schema) as CompiledValidator]));
}

/** Runs both validators of one entry on one payload; the verdicts and errors must match. */
function expectAgreement(entry: ValidatorEntry, reference: CompiledValidator, compiled: CompiledValidator | undefined, payload: unknown, tally: Tally): void {
  expect(compiled).toBeTypeOf('function');
  // ajv skips a property named __proto__, which plangen's validators check (restated at another
  // schemaPath): those schemas are judged by ajv with the name renamed (test/validators/prototype-names.ts).
  if (JSON.stringify(entry.schema).includes('"__proto__"')) {
    const { valid, errors } = referenceVerdict(entry.schema, payload);
    expect({ entry: entry.name, payload, valid: compiled?.(payload), errors: withoutSchemaPath(compiled?.errors) }).toEqual({ entry: entry.name, payload, valid, errors });
    if (valid) tally.valid++;
    else tally.invalid++;
    return;
  }
  const expected = reference(payload);
  const actual = compiled?.(payload);
  expect({ entry: entry.name, payload, valid: actual }).toEqual({ entry: entry.name, payload, valid: expected });
  expect(comparable(compiled?.errors)).toEqual(comparable(reference.errors));
  if (expected) tally.valid++;
  else tally.invalid++;
}

/** Entries with payloads for each, chosen by fast-check. */
function entriesWithPayloads(model: PlanModel) {
  const entries = validatorEntries(model);
  return fc.tuple(...entries.map((entry) => fc.tuple(fc.constant(entry), fc.array(payloadFor(entry.schema), { minLength: 1, maxLength: 4 }))));
}

function loaded(plan: ReturnType<typeof planText>): PlanModel | undefined {
  try {
    return loadPlanText(plan.text, plan.file);
  } catch {
    return undefined; // the plan fuzzing checks the errors; here only loadable plans matter
  }
}

describe('precompiled validators agree with ajv', () => {
  it('on random plans', () => {
    const tally: Tally = { valid: 0, invalid: 0 };
    const models = planObject(false)
      .map((plan) => loaded(planText(plan, 'json')))
      .filter((model): model is PlanModel => model !== undefined && validatorEntries(model).length > 0);
    fc.assert(
      fc.property(models.chain((model) => entriesWithPayloads(model)), (cases) => {
        const entries = cases.map(([entry]) => entry);
        const compiled = loadValidators(entries);
        const reference = referenceValidators(entries);
        for (const [entry, payloads] of cases) {
          for (const payload of payloads) expectAgreement(entry, reference[entry.name]!, compiled[entry.name], payload, tally);
        }
      }),
      fuzzParameters(25),
    );
    // Both verdicts were exercised.
    expect(tally.valid).toBeGreaterThan(0);
    expect(tally.invalid).toBeGreaterThan(0);
  });

  it('on random Segment plans (both formats; raw schemas, whole-payload and common validators)', () => {
    const tally: Tally = { valid: 0, invalid: 0 };
    const models = fc
      .oneof(segmentPlanObject, segmentConfigPlanObject)
      .map((plan) => loaded({ file: 'plan.json', text: JSON.stringify(plan) }))
      .filter((model): model is PlanModel => model !== undefined);
    fc.assert(
      fc.property(models.chain((model) => entriesWithPayloads(model)), (cases) => {
        const entries = cases.map(([entry]) => entry);
        const compiled = loadValidators(entries);
        const reference = referenceValidators(entries);
        for (const [entry, payloads] of cases) {
          for (const payload of payloads) expectAgreement(entry, reference[entry.name]!, compiled[entry.name], payload, tally);
        }
      }),
      fuzzParameters(15),
    );
    expect(tally.valid).toBeGreaterThan(0);
    expect(tally.invalid).toBeGreaterThan(0);
  });

  for (const plan of TYPEWRITER_PLANS) {
    const file = `${plan}.json`;
    it(`on ${file}`, () => {
      const model = loadPlanText(readFileSync(`fixtures/typewriter-${plan}/plan.json`, 'utf8'), file);
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
      expect(tally.valid).toBeGreaterThan(0);
      expect(tally.invalid).toBeGreaterThan(0);
    });
  }
});
