// The fixtures' example payloads get the verdicts written down for them as named cases
// (test/validate/fixture-verdicts.ts, which test/load/fixture-payloads.test.ts derives from the
// model with ajv), here through `plangen validate`'s own pipeline.
import { beforeAll, describe, expect, it } from 'vitest';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { createPayloadChecker } from '../../packages/cli/src/validate/check-payload.js';
import { validatePayloadFiles } from '../../packages/cli/src/validate/validate-payloads.js';
import { sdkValidators } from './sdk-validators.js';
import { FIXTURE_VERDICTS, verdictCases, type Verdict } from './fixture-verdicts.js';

describe('fixture payloads through plangen validate', () => {
  describe.each(FIXTURE_VERDICTS.map((fixture) => [fixture.folder, fixture] as const))('%s', (folder, fixture) => {
    const cases = verdictCases(fixture);
    let model: PlanModel;
    let actual: (Verdict | 'malformed')[] = [];
    beforeAll(async () => {
      ({ model } = await loadPlan(`fixtures/${folder}/${fixture.plan}`));
      const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
      actual = cases.map(({ payload }) => {
        const verdict = check(payload);
        if (verdict.kind === 'unplanned-event') return 'unplanned';
        if (verdict.kind === 'malformed') return 'malformed';
        return verdict.errors.length === 0 ? 'valid' : 'invalid';
      });
    });

    it('judges every payload', () => expect(actual).toHaveLength(cases.length));
    it.each(cases.map((entry, index) => [entry.name, entry.verdict, index] as const))('%s: %s', (_name, verdict, index) => {
      expect(actual[index]).toBe(verdict);
    });

    it('the report counts the written verdicts', async () => {
      const report = await validatePayloadFiles(model, [`fixtures/${folder}/payloads.jsonl`], { validators: sdkValidators(model) });
      const count = (verdict: Verdict) => cases.filter((entry) => entry.verdict === verdict).length;
      expect(report.totals).toMatchObject({ payloads: cases.length, valid: count('valid'), invalid: count('invalid'), unplannedEvents: count('unplanned'), malformed: 0 });
    });
  });

  it('shop: reports each version fallback with its reason and the value given', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    const report = await validatePayloadFiles(model, ['fixtures/shop/payloads.jsonl'], { validators: sdkValidators(model) });
    expect(report.versionFallbacks.filter((group) => group.event === 'Order Completed')).toEqual([
      { event: 'Order Completed', version: 1, reason: 'missing', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:3' } },
      { event: 'Order Completed', version: 1, reason: 'not-a-positive-integer', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:4', given: '2' } },
      { event: 'Order Completed', version: 1, reason: 'not-a-positive-integer', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:7', given: 1.5 } },
      { event: 'Order Completed', version: 1, reason: 'unknown-version', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:6', given: 3 } },
    ]);
    expect(report.unplannedEvents).toEqual([{ event: 'Cart Emptied', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:23' } }]);
  });
});
