// Small PlanModels built by hand, so generate() is tested without the loader.
import type { EventModel, EventVersion, JsonSchema, PlanModel } from '../../packages/cli/src/model/types.js';

export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

export function handVersion(event: string, version: number, properties: JsonSchema, extra: Partial<EventVersion> = {}): EventVersion {
  const name = `${pascal(event)}V${version}`;
  return {
    version,
    labels: {},
    properties,
    identifiers: { fn: `track${name}`, type: `${name}Properties`, validator: `validate${name}` },
    source: { file: 'plan.yaml', pointer: `/events/${version}` },
    ...extra,
  };
}

export function handEvent(name: string, versions: readonly EventVersion[], extra: Partial<EventModel> = {}): EventModel {
  const latest = versions[versions.length - 1]!;
  return {
    name,
    // As the model says: the event-level description when the plan writes one, else the latest version's.
    ...(latest.description !== undefined ? { description: latest.description } : {}),
    labels: latest.labels,
    versions,
    identifiers: { fn: `track${pascal(name)}`, type: `${pascal(name)}Properties`, validator: latest.identifiers.validator },
    source: { file: 'plan.yaml', pointer: '/events' },
    ...extra,
  };
}

export function handPlan(events: readonly EventModel[], extra: Partial<PlanModel> = {}): PlanModel {
  return { name: 'Hand plan', file: 'plan.yaml', format: 'plangen', events, ...extra };
}

/** "Order Completed" v1 and v2, identify, group, page and common: the shape of the shop fixture in miniature. */
export function miniShop(): PlanModel {
  return handPlan(
    [
      handEvent('Order Completed', [
        handVersion('Order Completed', 1, {
          type: 'object',
          properties: {
            order_id: { type: 'string', description: 'The order id.' },
            total: { type: 'number' },
            note: { description: 'Any JSON value.' },
            code: { pattern: '^[A-Z]+$' },
          },
          required: ['order_id'],
        }),
        handVersion(
          'Order Completed',
          2,
          {
            type: 'object',
            properties: {
              order_id: { type: 'string', pattern: '^ord_' },
              total: { type: 'number' },
              season: { type: 'string', pattern: '^(fall|winter)$' },
              coupon: { type: ['string', 'null'] },
              items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] } },
            },
            required: ['order_id', 'total'],
          },
          { description: 'An order was paid.', labels: { team: 'checkout' } },
        ),
      ]),
      handEvent('Signed Out', [handVersion('Signed Out', 1, { type: 'object', properties: { reason: { enum: ['idle', 'user'] } } })]),
    ],
    {
      identify: {
        kind: 'identify',
        traits: { type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] },
        identifiers: { fn: 'identify', type: 'IdentifyTraits', validator: 'validateIdentifyTraits' },
        source: { file: 'plan.yaml', pointer: '/identify' },
      },
      group: {
        kind: 'group',
        traits: { type: 'object', properties: { plan: { type: 'string' } } },
        identifiers: { fn: 'group', type: 'GroupTraits', validator: 'validateGroupTraits' },
        source: { file: 'plan.yaml', pointer: '/group' },
      },
      page: {
        kind: 'page',
        properties: { type: 'object', properties: { path: { type: 'string' } } },
        identifiers: { fn: 'page', type: 'PageProperties', validator: 'validatePageProperties' },
        source: { file: 'plan.yaml', pointer: '/page' },
      },
      common: {
        schema: { type: 'object', properties: { context: { type: 'object' } } },
        validator: 'validateCommon',
        source: { file: 'plan.yaml', pointer: '/common' },
      },
    },
  );
}
