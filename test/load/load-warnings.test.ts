// An unknown `format` loads (JSON Schema makes it an annotation, and Segment
// stores it) but is not checked: the loader says so, at its line and column,
// through the one warning channel every command prints on stderr. Before, ajv
// printed an unlocated "unknown format ignored" during generate only.
import { describe, expect, it } from 'vitest';
import type { PlanError } from '../../packages/cli/src/errors.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { formatWarning } from '../../packages/cli/src/load/load-warnings.js';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from '../cli/helpers.js';

const PLAN = `name: Shop
events:
  Order Completed:
    schema:
      type: object
      properties:
        phone: { type: string, format: phone }
        email: { type: string, format: email }
        placed_at: { type: string, format: date-time }
`;

const WARNING =
  'plan.yaml:7:40: warning: unknown format "phone" in "schema" of event "Order Completed": plangen does not check it, so any value passes. ' +
  'Use a format plangen checks (docs/plan-format.md lists them), or remove "format".';

describe('an unknown format', () => {
  it('is a located warning handed to onWarning, and the plan loads with the format kept', () => {
    const warnings: PlanError[] = [];
    const { model } = loadPlanText(PLAN, 'plan.yaml', { onWarning: (warning) => warnings.push(warning) });
    expect(warnings.map(formatWarning)).toEqual([WARNING]);
    expect(model.events[0]!.versions[0]!.properties.properties?.['phone']).toEqual({ type: 'string', format: 'phone' });
  });

  it.each([
    ['generate', ['generate', '--plan', 'plan.yaml', '--out', 'sdk']],
    ['inspect', ['inspect', 'plan.yaml', '--format', 'json']],
    ['lint', ['lint', 'plan.yaml']],
    ['diff', ['diff', 'plan.yaml', 'plan.yaml']],
    ['validate', ['validate', '--plan', 'plan.yaml', 'events.jsonl']],
  ])('%s prints it once per plan on stderr, keeps stdout clean of it and does not fail for it', async (command, argv) => {
    const event = JSON.stringify({ type: 'track', event: 'Order Completed', messageId: 'm', properties: { phone: 'not a phone' } });
    await project({ 'plan.yaml': PLAN, 'events.jsonl': `${event}\n` });
    const output = captureOutput();
    expect(await main(argv)).toBe(0);
    const lines = output.stderr().split('\n').filter((line) => line.includes('warning'));
    expect(lines).toEqual(command === 'diff' ? [WARNING, WARNING] : [WARNING]);
    expect(output.stdout()).not.toContain('unknown format');
    expect(output.stderr()).not.toContain('ignored in schema');
  });
});
