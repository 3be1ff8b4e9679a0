// On every bundled fixture and every real Typewriter plan, the precompiled
// validators give ajv's in-memory verdict and errors for every example payload
// (and the properties, traits and context inside it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledValidatorError } from '@plangen/core/runtime';
import { describe, expect, it } from 'vitest';
import { validatorEntries } from '../../packages/cli/src/generate/schema-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = ['shop', 'shop-json', 'segment-public-api', 'segment-config-api'];
const TYPEWRITER = ['config-api-reference-plan', 'config-api-reference-plan-with-enums', 'public-api-reference-plan'];

function readPayloads(fixture: string): unknown[] {
  return readFileSync(`${ROOT}fixtures/${fixture}/payloads.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

const ALL_PAYLOADS = FIXTURES.flatMap(readPayloads);

/** A payload and the parts of it that properties, traits and context schemas judge. */
function samples(payloads: readonly unknown[]): unknown[] {
  return payloads.flatMap((payload) => {
    const record = (payload ?? {}) as Record<string, unknown>;
    return [payload, record.properties, record.traits, record.context].filter((sample) => sample !== undefined);
  });
}

function comparable(errors: readonly CompiledValidatorError[] | null | undefined) {
  return (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
}

async function expectAgreement(planFile: string, payloads: readonly unknown[]): Promise<void> {
  const entries = validatorEntries((await loadPlan(planFile)).model);
  expect(entries.length).toBeGreaterThan(0);
  const compiled = loadValidators(entries);
  let verdicts = 0;
  let rejections = 0;
  for (const { name, schema } of entries) {
    const reference = createAjv().compile(schema);
    const validate = compiled[name];
    for (const sample of samples(payloads)) {
      const expected = reference(sample);
      expect({ name, sample, valid: validate?.(sample) }).toEqual({ name, sample, valid: expected });
      expect({ name, sample, errors: comparable(validate?.errors) }).toEqual({ name, sample, errors: comparable(reference.errors) });
      verdicts++;
      if (!expected) rejections++;
    }
  }
  // Both verdicts occur, so agreement is not trivial.
  expect(rejections).toBeGreaterThan(0);
  expect(rejections).toBeLessThan(verdicts);
}

describe('precompiled validators agree with ajv on the fixtures', () => {
  for (const fixture of FIXTURES) {
    it(fixture, async () => {
      const plan = fixture === 'shop' ? 'plan.yaml' : 'plan.json';
      await expectAgreement(`${ROOT}fixtures/${fixture}/${plan}`, readPayloads(fixture));
    });
  }
  for (const plan of TYPEWRITER) {
    it(`Typewriter ${plan}`, async () => {
      await expectAgreement(`fixtures/typewriter-${plan}/plan.json`, ALL_PAYLOADS);
    });
  }
});
