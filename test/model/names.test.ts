import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { assignEventIdentifiers, pascalCase } from '../../packages/cli/src/model/names.js';

describe('pascalCase', () => {
  it.each([
    ['Order Completed', 'OrderCompleted'],
    ['order_completed', 'OrderCompleted'],
    ['orderCompleted', 'OrderCompleted'],
    ['ORDER-COMPLETED', 'OrderCompleted'],
    ['HTMLParser loaded', 'HtmlParserLoaded'],
    ['Café Ordered', 'CafeOrdered'],
    ['Straße geändert', 'StrasseGeandert'],
    ['Łódź Ørder', 'LodzOrder'],
    ['Property Object Name Collision #1', 'PropertyObjectNameCollision1'],
    [`42_--terrible==\\"event'++name~!3`, 'Event42TerribleEventName3'],
    ['!!!', 'Event'],
    ['', 'Event'],
    ['日本語', 'Event'],
  ])('%s -> %s', (wire, pascal) => {
    expect(pascalCase(wire)).toBe(pascal);
  });
});

describe('assignEventIdentifiers', () => {
  it('names the latest version and each version', () => {
    const [ids] = assignEventIdentifiers([{ name: 'Order Completed', versions: [1, 2] }]);
    expect(ids!.latest).toEqual({ fn: 'trackOrderCompleted', type: 'OrderCompletedProperties', validator: 'validateOrderCompletedV2' });
    expect(ids!.versions.get(1)).toEqual({ fn: 'trackOrderCompletedV1', type: 'OrderCompletedV1Properties', validator: 'validateOrderCompletedV1' });
  });

  it('resolves collisions in the order given: the first keeps the name, later ones count up', () => {
    const ids = assignEventIdentifiers([
      { name: 'Order Completed', versions: [1] },
      { name: 'order completed', versions: [1] },
      { name: 'order_completed', versions: [1] },
    ]);
    expect(ids.map((id) => id.latest.fn)).toEqual(['trackOrderCompleted', 'trackOrderCompleted2', 'trackOrderCompleted3']);
  });

  it('avoids names of other events versions and the reserved SDK names', () => {
    const ids = assignEventIdentifiers([
      { name: 'Order V1', versions: [1] },
      { name: 'order', versions: [1] },
      { name: 'Page', versions: [1] },
      { name: 'Identify Traits', versions: [1] },
    ]);
    // "order" v1 would be trackOrderV1 / OrderV1Properties, which "Order V1" (latest) already uses.
    expect(ids.map((id) => id.latest.fn)).toEqual(['trackOrderV1', 'trackOrder2', 'trackPage2', 'trackIdentifyTraits']);
    // "Page" would declare PageProperties, the page call's type.
    expect(ids[2]!.latest.type).toBe('Page2Properties');
  });
});

describe('names in a loaded plan', () => {
  it('are assigned in wire-name order whatever order the plan uses', () => {
    const text = (first: string, second: string) =>
      `name: P\nevents:\n  ${JSON.stringify(first)}: { properties: {} }\n  ${JSON.stringify(second)}: { properties: {} }\n`;
    for (const plan of [text('order_completed', 'Order Completed'), text('Order Completed', 'order_completed')]) {
      const { model } = loadPlanText(plan, 'p.yaml');
      expect(model.events.map((e) => [e.name, e.identifiers.fn])).toEqual([
        ['Order Completed', 'trackOrderCompleted'],
        ['order_completed', 'trackOrderCompleted2'],
      ]);
    }
  });
});
