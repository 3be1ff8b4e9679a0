// Every malformed plan in fixtures/invalid/ fails with exactly the one-line error
// beside it (<case>.error.txt): file:line:col, what is wrong, how to fix it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';

const folder = 'fixtures/invalid';
const cases = readdirSync(folder)
  .filter((file) => /\.(yaml|json)$/.test(file))
  .sort();

describe('invalid plans', () => {
  it('has a corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', async (file) => {
    const expected = readFileSync(`${folder}/${file.replace(/\.(yaml|json)$/, '')}.error.txt`, 'utf8').trimEnd();
    const error = await loadPlan(`${folder}/${file}`).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).message).toBe(expected);
    expect((error as PlanError).message).not.toMatch(/[\n\r\u2028\u2029]/);
  });
});
