// A rerun or a --watch save checks again only the schemas whose text changed
// (load/checked-schemas.ts): a schema that passed, without a warning, is
// remembered by its content; everything else is checked as before, so a
// changed plan reports the very error and warnings a first load gives.
import { describe, expect, it } from 'vitest';
import type { CheckedSchemas } from '../../packages/cli/src/load/checked-schemas.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { formatWarning } from '../../packages/cli/src/load/load-warnings.js';

/** A CheckedSchemas that counts what it answered from memory. */
function memory(): CheckedSchemas & { keys: Set<string>; hits: number } {
  const keys = new Set<string>();
  const set = {
    keys,
    hits: 0,
    has: (key: string) => (keys.has(key) ? (set.hits++, true) : false),
    add: (key: string) => void keys.add(key),
  };
  return set;
}

type Schema = Record<string, unknown>;
const rule = (key: string, properties: Schema) => ({
  key,
  type: 'TRACK',
  version: 1,
  jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { properties: { type: 'object', properties } } },
});
const planText = (rules: unknown[]) => `${JSON.stringify({ name: 'Shop', rules }, null, 2)}\n`;
const VALID = [rule('Order Completed', { total: { type: 'number' } }), rule('Product Viewed', { id: { type: 'string', pattern: '^p_' } })];

function loadError(text: string, file: string, checked?: CheckedSchemas): string {
  try {
    loadPlanText(text, file, { onWarning: () => undefined, ...(checked && { checkedSchemas: checked }) });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the plan loaded');
}

describe('schemas checked in an earlier run', () => {
  it('are not checked again, and the model is the one a full load gives', () => {
    const checked = memory();
    const first = loadPlanText(planText(VALID), 'plan.json', { checkedSchemas: checked });
    expect(checked.keys.size).toBe(2);
    expect(checked.hits).toBe(0);
    const again = loadPlanText(planText(VALID), 'plan.json', { checkedSchemas: checked });
    expect(checked.hits).toBe(2);
    expect(again.model).toEqual(first.model);
    expect(again.model).toEqual(loadPlanText(planText(VALID), 'plan.json').model);
  });

  it('a changed schema is checked in full: the same located error as a first load', () => {
    const checked = memory();
    loadPlanText(planText(VALID), 'plan.json', { checkedSchemas: checked });
    for (const broken of [
      [VALID[0], rule('Product Viewed', { id: { type: 'strng' } })],
      [VALID[0], rule('Product Viewed', { id: { type: 'string', pattern: '(' } })],
      [VALID[0], rule('Product Viewed', { id: { $ref: '#/definitions/missing' } })],
    ]) {
      const cold = loadError(planText(broken), 'plan.json');
      expect(cold).toMatch(/^plan\.json:\d+:\d+: /);
      expect(loadError(planText(broken), 'plan.json', checked)).toBe(cold);
    }
  });

  it('an unchanged schema that moved is still reported at its new place when another one fails', () => {
    const checked = memory();
    loadPlanText(planText(VALID), 'plan.json', { checkedSchemas: checked });
    const moved = [rule('Signed Up', { plan: { type: 'nope' } }), ...VALID];
    expect(loadError(planText(moved), 'plan.json', checked)).toBe(loadError(planText(moved), 'plan.json'));
  });

  it('a schema with a warning is never remembered: the warning comes on every load', () => {
    const checked = memory();
    const text = planText([rule('Signed Up', { phone: { type: 'string', format: 'phone' } })]);
    const warnings: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const seen: string[] = [];
      loadPlanText(text, 'plan.json', { checkedSchemas: checked, onWarning: (warning) => seen.push(formatWarning(warning)) });
      warnings.push(seen);
    }
    expect(checked.keys.size).toBe(0);
    expect(warnings[0]).toHaveLength(1);
    expect(warnings[1]).toEqual(warnings[0]);
  });

  it('a YAML plan is remembered the same way (its data is JSON data too)', () => {
    const checked = memory();
    const yaml = 'name: Shop\nevents:\n  Order Completed:\n    schema:\n      type: object\n      properties:\n        total: { type: number }\n';
    const first = loadPlanText(yaml, 'plan.yaml', { checkedSchemas: checked });
    const again = loadPlanText(yaml, 'plan.yaml', { checkedSchemas: checked });
    expect(checked.keys.size).toBe(1);
    expect(checked.hits).toBe(1);
    expect(again.model).toEqual(first.model);
    const broken = yaml.replace('type: number', 'type: nmber');
    expect(loadError(broken, 'plan.yaml', checked)).toBe(loadError(broken, 'plan.yaml'));
  });

  it('the check options are part of the key: a native plan and a Segment export never share a verdict', () => {
    const checked = memory();
    loadPlanText(planText(VALID), 'plan.json', { checkedSchemas: checked });
    const segmentKeys = new Set(checked.keys);
    const native = JSON.stringify({ name: 'Shop', events: { 'Order Completed': { schema: VALID[0]!.jsonSchema } } });
    loadPlanText(native, 'native.json', { checkedSchemas: checked });
    expect(checked.hits).toBe(0);
    expect([...checked.keys].filter((key) => !segmentKeys.has(key))).toHaveLength(1);
  });
});
