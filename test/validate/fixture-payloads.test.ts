// The fixtures' example payloads get the verdicts written down for them (the same
// strings as test/load/fixture-payloads.test.ts, which derives them from the model
// with ajv), here through `plangen validate`'s own pipeline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorEntries } from '../../packages/cli/src/generate/schema-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { createPayloadChecker } from '../../packages/cli/src/validate/check-payload.js';
import { validatePayloadFiles } from '../../packages/cli/src/validate/validate-payloads.js';

const FIXTURES = [
  // v = valid, x = invalid, u = an event the plan does not define
  ['shop', 'plan.yaml', 'vvvxxvvxvxvxvxvxvxvxxvuvxvxvxx'],
  ['shop-json', 'plan.json', 'vvvxxvvxvxvxvxvxvxvxxvuvxvxvxx'],
  ['segment-public-api', 'plan.json', 'vxxvxxvxvxvxvxvxvxx'],
  ['segment-config-api', 'plan.json', 'vxvxvvxxvvxvx'],
] as const;

describe('fixture payloads through plangen validate', () => {
  it.each(FIXTURES)('%s', async (folder, plan, expected) => {
    const { model } = await loadPlan(`fixtures/${folder}/${plan}`);
    const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
    const lines = readFileSync(`fixtures/${folder}/payloads.jsonl`, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const verdicts = lines
      .map((line) => {
        const verdict = check(JSON.parse(line));
        if (verdict.kind === 'unplanned-event') return 'u';
        if (verdict.kind === 'malformed') return 'm';
        return verdict.errors.length === 0 ? 'v' : 'x';
      })
      .join('');
    expect(verdicts).toBe(expected);

    const report = await validatePayloadFiles(model, [`fixtures/${folder}/payloads.jsonl`]);
    const count = (letter: string) => [...expected].filter((verdict) => verdict === letter).length;
    expect(report.totals).toMatchObject({ payloads: expected.length, valid: count('v'), invalid: count('x'), unplannedEvents: count('u'), malformed: 0 });
  });

  it('shop: reports each version fallback with its reason and the value given', async () => {
    const report = await validatePayloadFiles((await loadPlan('fixtures/shop/plan.yaml')).model, ['fixtures/shop/payloads.jsonl']);
    expect(report.versionFallbacks.filter((group) => group.event === 'Order Completed')).toEqual([
      { event: 'Order Completed', version: 1, reason: 'missing', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:3' } },
      { event: 'Order Completed', version: 1, reason: 'not-a-positive-integer', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:4', given: '2' } },
      { event: 'Order Completed', version: 1, reason: 'not-a-positive-integer', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:7', given: 1.5 } },
      { event: 'Order Completed', version: 1, reason: 'unknown-version', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:6', given: 3 } },
    ]);
    expect(report.unplannedEvents).toEqual([{ event: 'Cart Emptied', count: 1, example: { location: 'fixtures/shop/payloads.jsonl:23' } }]);
  });
});
