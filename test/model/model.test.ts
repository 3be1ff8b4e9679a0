import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan, loadPlanText, type LoadedPlan } from '../../packages/cli/src/load/load-plan.js';
import { lintPlan } from '../../packages/cli/src/lint/lint-plan.js';
import { NO_LOCATOR } from '../../packages/cli/src/model/locator.js';
import { modelToText } from '../../packages/cli/src/model/model-text.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';

function frozenEverywhere(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const here = Object.isFrozen(value) ? [] : [path || '/'];
  return [...here, ...Object.entries(value).flatMap(([key, child]) => frozenEverywhere(child, `${path}/${key}`))];
}

/** The model without source pointers, which name positions in the file and so follow its order. */
function withoutSources(model: PlanModel): unknown {
  return JSON.parse(JSON.stringify(model, (key, value: unknown) => (key === 'source' ? undefined : value)));
}

describe('the model', () => {
  it('is deeply immutable', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    expect(frozenEverywhere(model)).toEqual([]);
    const version = model.events[0]!.versions[0]!;
    expect(() => {
      (version.properties as { type?: string }).type = 'string';
    }).toThrow(TypeError);
  });

  it('is the same for the same input', async () => {
    const { model: first } = await loadPlan('fixtures/segment-public-api/plan.json');
    const { model: second } = await loadPlan('fixtures/segment-public-api/plan.json');
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('does not depend on the order of events, versions or rules in the plan', () => {
    const plan = JSON.parse(readFileSync('fixtures/shop-json/plan.json', 'utf8')) as { events: Record<string, { versions?: unknown[] }> };
    const reversedEvents = Object.fromEntries(
      Object.entries(plan.events)
        .reverse()
        .map(([name, event]) => [name, event.versions ? { ...event, versions: [...event.versions].reverse() } : event]),
    );
    const { model: original } = loadPlanText(JSON.stringify(plan), 'a.json');
    const { model: reordered } = loadPlanText(JSON.stringify({ ...plan, events: reversedEvents }), 'a.json');
    expect(withoutSources(reordered)).toEqual(withoutSources(original));
    expect(reordered.events.find((e) => e.name === 'Order Completed')!.versions.map((v) => v.version)).toEqual([1, 2]);

    const segment = JSON.parse(readFileSync('fixtures/segment-public-api/plan.json', 'utf8')) as { rules: unknown[] };
    const { model: forwards } = loadPlanText(JSON.stringify(segment), 'b.json');
    const { model: backwards } = loadPlanText(JSON.stringify({ ...segment, rules: [...segment.rules].reverse() }), 'b.json');
    expect(withoutSources(backwards)).toEqual(withoutSources(forwards));
  });

  it('keeps wire names exactly as written', async () => {
    const { model } = await loadPlan('fixtures/typewriter-public-api-reference-plan/plan.json');
    expect(model.events[0]!.name).toBe(`42_--terrible==\\"event'++name~!3`);
  });
});

describe('locate', () => {
  it('finds model elements in the file they came from', async () => {
    const { model, locator } = await loadPlan('fixtures/shop/plan.yaml');
    const lines = readFileSync('fixtures/shop/plan.yaml', 'utf8').split('\n');
    const order = model.events.find((e) => e.name === 'Order Completed')!;
    const at = locator.locate(order.source)!;
    expect(lines[at.line - 1]!.slice(at.column - 1)).toBe('Order Completed:');
    const v2 = locator.locate(order.versions[1]!.source)!;
    expect(lines[v2.line - 1]!.slice(v2.column - 1)).toBe('version: 2');
    const identify = locator.locate(model.identify!.source)!;
    expect(lines[identify.line - 1]).toBe('identify:');
  });

  it('answers for JSON plans and nothing for files it never loaded', async () => {
    const { model, locator } = await loadPlan('fixtures/segment-config-api/plan.json');
    const transfer = model.events.find((e) => e.name === 'Transfer Sent')!;
    expect(locator.locate(transfer.versions[1]!.source)).toEqual({ line: 43, column: 7 });
    expect(locator.locate({ file: 'never-loaded.yaml', pointer: '/events' })).toBeUndefined();
  });

  it('keeps each plan its own positions when a later load reuses the file name (the global source map replaced them)', () => {
    const first = loadPlanText('name: Shop\nevents:\n  Viewed: {}\n', 'plan.yaml');
    const second = loadPlanText('name: Shop\n\n\nevents:\n\n  Viewed: {}\n', 'plan.yaml');
    expect(first.locator.locate(first.model.events[0]!.source)).toEqual({ line: 3, column: 3 });
    expect(second.locator.locate(second.model.events[0]!.source)).toEqual({ line: 6, column: 3 });
  });

  it('places findings with the locator it is given, not with whatever the process loaded (a model built in code has no positions)', () => {
    const loaded = loadPlanText('name: Shop\nevents:\n  Viewed:\n    properties:\n      code: { type: string, pattern: "^(a+)+$" }\n', 'plan.yaml');
    const redos = (plan: LoadedPlan) => lintPlan(plan).filter((problem) => problem.rule === 'redos-pattern').map((problem) => problem.location);
    expect(redos(loaded)).toEqual([{ file: 'plan.yaml', line: 5, column: 7 }]);
    expect(redos({ model: loaded.model, locator: NO_LOCATOR })).toEqual([{ file: 'plan.yaml', pointer: '/events/Viewed/properties/code' }]);
  });
});

describe('the model as text', () => {
  it('escapes U+2028 and U+2029 from plan text, so every line stays one line', () => {
    const { model } = loadPlanText(JSON.stringify({ name: 'Shop\u2029', events: { 'Order\u2028Completed': { description: 'Paid\u2028.', properties: {} } } }), 'plan.json');
    const text = modelToText(model);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Shop\\u2029 (plangen format, plan.json)',
      '1 event, 1 version',
      '',
      '"Order\\u2028Completed"',
      '  Paid\\u2028.',
      '  trackOrderCompleted sends v1',
    ]);
  });
});
