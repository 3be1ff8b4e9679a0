// Each plan format loads into the model: the three real Typewriter plans
// unchanged, and the bundled fixtures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan, loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { modelToJson } from '../../packages/cli/src/model/model-json.js';
import type { EventModel, JsonSchema, PlanModel } from '../../packages/cli/src/model/types.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';

// Byte-identical copies of ../shared/compat/typewriter/*.json, so a clone needs nothing beside it.
const typewriter = (file: string): string => `fixtures/typewriter-${file.replace(/\.json$/, '')}/plan.json`;

function event(model: PlanModel, name: string): EventModel {
  const found = model.events.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no event ${name}`);
  return found;
}

function latestProperties(model: PlanModel, name: string): JsonSchema {
  return event(model, name).versions.at(-1)!.properties;
}

/** Every schema in the model. */
function schemas(model: PlanModel): JsonSchema[] {
  const found: JsonSchema[] = [];
  for (const { versions } of model.events) for (const version of versions) found.push(version.properties, ...(version.payload ? [version.payload] : []));
  for (const call of [model.identify, model.group]) if (call) found.push(call.traits, ...(call.payload ? [call.payload] : []));
  for (const call of [model.page, model.screen]) if (call) found.push(call.properties, ...(call.payload ? [call.payload] : []));
  if (model.common) found.push(model.common.schema);
  return found;
}

describe('Segment Public API plans', () => {
  it('loads the Typewriter reference plan unchanged', async () => {
    const { model } = await loadPlan(typewriter('public-api-reference-plan.json'));
    expect(model.format).toBe('segment-public-api');
    expect(model.name).toBe('Typewriter E2E');
    expect(model.events).toHaveLength(25);
    expect(latestProperties(model, 'Every Required Type').required).toHaveLength(10);
    expect(latestProperties(model, 'Custom Violation Handler')).toMatchObject({
      properties: { 'regex property': { pattern: 'Lawyer Morty|Evil Morty', type: 'string' } },
      required: ['regex property'],
    });
    expect(latestProperties(model, 'Enum Types').properties?.['string enum']).toEqual({
      description: 'A string property that accepts multiple enum values.',
      enum: ['Evil Morty', 'Lawyer Morty'],
      type: 'string',
    });
    expect(event(model, 'event_collided').identifiers.fn).toBe('trackEventCollided2');
    expect(event(model, 'Event Collided').identifiers.fn).toBe('trackEventCollided');
  });

  it('strips Segment bookkeeping keys from schema positions only', async () => {
    const { model } = await loadPlan(typewriter('public-api-reference-plan.json'));
    const text = JSON.stringify(schemas(model));
    expect(/"(eventMetadata|labels)":/.test(text)).toBe(false);
    expect(/"id":"\/properties/.test(text)).toBe(false);
    const { model: kept } = loadPlanText(
      JSON.stringify({ rules: [{ key: 'E', type: 'TRACK', version: 1, jsonSchema: { type: 'object', properties: { id: { type: 'string', id: '/properties/id' } } } }] }),
      'ids.json',
    );
    expect(kept.events[0]!.versions[0]!.properties).toEqual({ type: 'object', properties: { id: { type: 'string' } } });
  });

  it('splits whole-payload schemas, keeps definitions, reads labels in both notations', async () => {
    const { model } = await loadPlan('fixtures/segment-public-api/plan.json');
    const played = event(model, 'Video Played');
    expect(played.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(played.labels).toEqual({ platform: 'ios', team: 'player', priority: 'p1' });
    const v2 = played.versions[1]!;
    expect(v2.properties.required).toEqual(['video_id', 'position', 'quality']);
    expect(v2.properties.definitions).toEqual({ quality: { type: 'string', enum: ['sd', 'hd', '4k'] } });
    expect(v2.payload?.required).toEqual(['properties', 'context']);
    // A payload schema that only constrains properties adds nothing, so the model leaves it out.
    expect(event(model, 'Video Paused').versions[0]!.payload).toBeUndefined();
    expect(event(model, 'Subscription Started').versions.map((v) => v.version)).toEqual([1, 3]);
    expect(model.identify?.traits.properties).toHaveProperty('favorite_genres');
    expect(model.group?.traits.required).toEqual(['name']);
    expect(model.screen?.properties.properties).toHaveProperty('from_deeplink');
    expect(model.common?.schema.properties).toHaveProperty('context');
  });
});

describe('Segment Config API plans', () => {
  it.each([
    ['config-api-reference-plan.json', 'Typewriter E2E'],
    ['config-api-reference-plan-with-enums.json', 'Typewriter E2E Testing Tracking Plan'],
  ])('loads the Typewriter plan %s unchanged', async (file, name) => {
    const { model } = await loadPlan(typewriter(file));
    expect(model.format).toBe('segment-config-api');
    expect(model.name).toBe(name);
    expect(model.events).toHaveLength(24);
    expect(event(model, 'Custom Violation Handler').versions).toHaveLength(1);
    expect(latestProperties(model, 'Custom Violation Handler').required).toEqual(['regex property']);
    expect(event(model, 'Custom Violation Handler').versions[0]!.payload).toBeUndefined();
    expect(event(model, 'Property Object Name Collision #2').identifiers.fn).toBe('trackPropertyObjectNameCollision2');
    expect(model.identify).toBeUndefined();
  });

  it('reads event labels, versions, identify, group and the global schema', async () => {
    const { model: reference } = await loadPlan(typewriter('config-api-reference-plan.json'));
    expect(event(reference, `42_--terrible==\\"event'++name~!3`).labels).toEqual({ area: 'account', type: 'contacts' });

    const { model } = await loadPlan('fixtures/segment-config-api/plan.json');
    expect(model.name).toBe('Banking App');
    expect(event(model, 'Transfer Sent').versions.map((v) => v.version)).toEqual([1, 2]);
    expect(latestProperties(model, 'Transfer Sent').required).toEqual(['amount', 'currency', 'kind']);
    expect(model.identify?.traits.required).toEqual(['kyc_level']);
    expect(model.group?.traits.properties).toHaveProperty('company');
    expect(model.common?.schema.properties?.context).toBeDefined();
  });
});

describe('native plans', () => {
  it('YAML and JSON spellings of the shop plan give the same model', async () => {
    const { model: yaml } = await loadPlan('fixtures/shop/plan.yaml');
    const { model: json } = await loadPlan('fixtures/shop-json/plan.json');
    expect(yaml.format).toBe('plangen');
    expect(modelToJson(json)).toEqual(modelToJson(yaml));
  });

  it('turns the property notation into JSON Schema', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    expect(model.events.map((e) => e.name)).toEqual([
      'Checkout Started',
      'Coupon Applied',
      'Order Completed',
      'Product Added',
      'Product Viewed',
      'Review Submitted',
      'Search Performed',
      'Signed Up',
    ]);
    const order = event(model, 'Order Completed');
    expect(order.description).toBe('The customer completed checkout and the order was placed.');
    expect(order.versions[1]!.labels).toEqual({ team: 'checkout', priority: 'high', platform: 'web' });
    const v2 = order.versions[1]!.properties;
    expect(v2.additionalProperties).toBe(false);
    expect(v2.required).toEqual(['order_id', 'revenue', 'subtotal', 'completed_at', 'products']);
    expect(v2.properties?.coupon).toEqual({ type: ['string', 'null'], description: 'The coupon code used, or null.' });
    expect(v2.properties?.completed_at).toEqual({ type: 'string', format: 'date-time' });
    expect(v2.properties?.products).toMatchObject({
      type: 'array',
      items: { type: 'object', required: ['product_id', 'product_name', 'quantity'], additionalProperties: false },
    });
    expect(latestProperties(model, 'Product Added').properties?.variant).toMatchObject({ additionalProperties: true });
    expect(latestProperties(model, 'Review Submitted').properties?.extra).toEqual({ description: 'Anything the review widget adds.' });
    const coupon = event(model, 'Coupon Applied').versions[0]!;
    expect(coupon.properties.definitions).toHaveProperty('code');
    expect(coupon.payload?.properties).toHaveProperty('context');
    expect(model.identify?.identifiers).toEqual({ fn: 'identify', type: 'IdentifyTraits', validator: 'validateIdentifyTraits' });
    expect(model.page?.properties.properties?.referrer).toEqual({ type: ['string', 'null'] });
    expect(model.common?.validator).toBe('validateCommon');
  });

  it('loads the full example of docs/plan-format.md', () => {
    const doc = readFileSync('docs/plan-format.md', 'utf8');
    const example = /### A full example\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    const { model } = loadPlanText(example ?? '', 'docs/plan-format.md');
    expect(model.events.map((e) => [e.name, e.versions.length])).toEqual([
      ['Coupon Applied', 1],
      ['Order Completed', 2],
      ['Search Performed', 1],
    ]);
    expect(Object.keys(model).filter((key) => ['identify', 'group', 'page', 'screen', 'common'].includes(key))).toHaveLength(5);
  });

  it('reads events written as a list of named events like the mapping form', () => {
    const { model: mapping } = loadPlanText(
      'name: P\nevents:\n  Signed Up:\n    versions:\n      - version: 1\n        properties: { method: { type: string } }\n  Opened: {}\n',
      'map.yaml',
    );
    const { model: list } = loadPlanText(
      'name: P\nevents:\n  - name: Signed Up\n    versions:\n      - version: 1\n        properties: { method: { type: string } }\n  - name: Opened\n',
      'list.yaml',
    );
    const strip = (model: PlanModel) => JSON.parse(JSON.stringify(model, (key, value: unknown) => (key === 'source' || key === 'file' ? undefined : value)));
    expect(strip(list)).toEqual(strip(mapping));
    expect(list.events.map((e) => e.source.pointer)).toEqual(['/events/1', '/events/0']);
  });

  it('applies the plan-level additionalProperties default', () => {
    const { model } = loadPlanText('name: Open\nadditionalProperties: true\nevents:\n  A:\n    properties:\n      x: { type: string }\n', 'open.yaml');
    expect(model.events[0]!.versions[0]!.properties.additionalProperties).toBe(true);
  });

  it('lets the nearest additionalProperties setting win, inherited by nested objects', () => {
    const { model } = loadPlanText(
      [
        'name: P',
        'events:',
        '  A:',
        '    additionalProperties: true',
        '    versions:',
        '      - version: 1',
        '        properties: { o: { properties: { p: { type: string } } } }',
        '      - version: 2',
        '        additionalProperties: false',
        '        properties: { o: { additionalProperties: true, properties: { p: { type: string } } } }',
        'identify: { traits: { t: { type: string } } }',
      ].join('\n'),
      'extra.yaml',
    );
    const [v1, v2] = model.events[0]!.versions;
    expect([v1!.properties.additionalProperties, (v1!.properties.properties?.o as { additionalProperties?: boolean }).additionalProperties]).toEqual([true, true]);
    expect([v2!.properties.additionalProperties, (v2!.properties.properties?.o as { additionalProperties?: boolean }).additionalProperties]).toEqual([false, true]);
    expect(model.identify?.traits.additionalProperties).toBe(false);
  });

  it('reads a plan that is not on disk, naming it in errors', () => {
    expect(loadPlanText('name: Mem\nevents: {}\n', 'HEAD:plan.yaml').model.name).toBe('Mem');
    expect(() => loadPlanText('name: Mem\nevents:\n  A: { versions: [{ version: 0 }] }\n', 'HEAD:plan.yaml')).toThrow(
      'HEAD:plan.yaml:3:30: version 0 of event "A" is not a positive integer. Number versions 1, 2, 3 and so on.',
    );
  });
});

describe('all formats', () => {
  const plans = [
    'fixtures/shop/plan.yaml',
    'fixtures/segment-public-api/plan.json',
    'fixtures/segment-config-api/plan.json',
    ...['public-api-reference-plan.json', 'config-api-reference-plan.json', 'config-api-reference-plan-with-enums.json'].map((f) => typewriter(f)),
  ];

  it.each(plans)('every schema in %s compiles on its own', async (file) => {
    const ajv = createAjv();
    for (const schema of schemas((await loadPlan(file)).model)) expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('--input-format forces a format and says what it expected', async () => {
    await expect(loadPlan('fixtures/shop/plan.yaml', { format: 'segment-public-api' })).rejects.toThrow(
      'fixtures/shop/plan.yaml:6:1: the plan is missing "rules". Add "rules".',
    );
  });

  it('reports a file it cannot read', async () => {
    await expect(loadPlan('fixtures/does-not-exist.yaml')).rejects.toThrow(
      'fixtures/does-not-exist.yaml: cannot read the plan: no such file. Check the path, or pass --plan <file>.',
    );
  });

  it('the published plan schema is itself a valid draft-07 schema', () => {
    const schema: unknown = JSON.parse(readFileSync('schema/plangen-plan.schema.json', 'utf8'));
    expect(createAjv().validateSchema(schema as object)).toBe(true);
  });
});

describe('older Segment exports', () => {
  it('reads draft-04 schemas as draft-07 and schemas wrapped as rules', () => {
    const plan = {
      rules: {
        global: { rules: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { userId: { type: 'string' } } } },
        events: [
          {
            name: 'E',
            version: 1,
            rules: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { properties: { type: 'object', properties: { a: { type: 'string' } } } } },
          },
        ],
      },
    };
    const { model } = loadPlanText(JSON.stringify(plan), 'old.json');
    expect(model.common?.schema).toEqual({ type: 'object', properties: { userId: { type: 'string' } } });
    expect(model.common?.source.pointer).toBe('/rules/global/rules');
    expect(model.events[0]!.versions[0]!.properties).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
  });
});

describe('whole-payload schemas', () => {
  it('give the properties part with $refs rebased and definitions carried along', () => {
    const jsonSchema = {
      type: 'object',
      definitions: { money: { type: 'number', minimum: 0 } },
      properties: {
        properties: {
          type: 'object',
          definitions: { sku: { type: 'string' } },
          properties: {
            sku: { $ref: '#/properties/properties/definitions/sku' },
            total: { $ref: '#/definitions/money' },
          },
        },
      },
    };
    const { model } = loadPlanText(JSON.stringify({ rules: [{ key: 'E', type: 'TRACK', version: 1, jsonSchema }] }), 'refs.json');
    const properties = model.events[0]!.versions[0]!.properties;
    expect(properties.properties).toEqual({ sku: { $ref: '#/definitions/sku' }, total: { $ref: '#/definitions/money' } });
    expect(properties.definitions).toEqual({ money: { type: 'number', minimum: 0 }, sku: { type: 'string' } });
    expect(() => createAjv().compile(properties)).not.toThrow();
  });

  it('give a recursive properties part a $ref to its own root', () => {
    const jsonSchema = { type: 'object', properties: { properties: { type: 'object', properties: { child: { $ref: '#/properties/properties' } } } } };
    const { model } = loadPlanText(JSON.stringify({ rules: [{ key: 'E', type: 'TRACK', version: 1, jsonSchema }] }), 'recursive.json');
    const properties = model.events[0]!.versions[0]!.properties;
    expect(properties).toEqual({ type: 'object', properties: { child: { $ref: '#' } } });
    const validate = createAjv().compile(properties);
    expect(validate({ child: { child: {} } })).toBe(true);
    expect(validate({ child: { child: 1 } })).toBe(false);
  });

  it('in the native format, a payload alone gives the properties or traits', () => {
    const { model } = loadPlanText(
      [
        'name: P',
        'events:',
        '  E:',
        '    payload:',
        '      type: object',
        '      definitions: { id: { type: string } }',
        '      properties:',
        '        properties: { type: object, properties: { id: { $ref: "#/definitions/id" } } }',
        '        context: { required: [app] }',
        'identify:',
        '  payload: { properties: { traits: { properties: { email: { type: string } } } } }',
      ].join('\n'),
      'payload.yaml',
    );
    const version = model.events[0]!.versions[0]!;
    expect(version.properties).toEqual({ type: 'object', properties: { id: { $ref: '#/definitions/id' } }, definitions: { id: { type: 'string' } } });
    expect(version.payload?.properties?.context).toEqual({ required: ['app'] });
    expect(model.identify?.traits).toEqual({ properties: { email: { type: 'string' } } });
    expect(model.identify?.payload).toBeDefined();
  });
});

describe('hostile keys', () => {
  it('keeps a property named __proto__ as a property in every format', () => {
    const { model: native } = loadPlanText('{"name":"P","events":{"A":{"properties":{"__proto__":{"type":"string"}}}}}', 'proto.json');
    expect(Object.keys(native.events[0]!.versions[0]!.properties.properties ?? {})).toEqual(['__proto__']);
    const { model: segment } = loadPlanText(
      '{"rules":[{"key":"A","type":"TRACK","version":1,"jsonSchema":{"type":"object","__proto__":{"id":"/y"},"properties":{"__proto__":{"type":"string","id":"/x"}}}}]}',
      'proto-segment.json',
    );
    const properties = segment.events[0]!.versions[0]!.properties.properties ?? {};
    expect(Object.keys(properties)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(properties, '__proto__')?.value).toEqual({ type: 'string' });
    // Even where it is no keyword, stripping Segment's keys keeps it an own key rather than a prototype.
    expect(Object.keys(segment.events[0]!.versions[0]!.properties)).toEqual(['type', '__proto__', 'properties']);
  });
});

describe('deep nesting', () => {
  const nested = (depth: number) =>
    `{"name":"x","events":{"A":{"properties":{"p":${'{"type":"object","properties":{"q":'.repeat(depth)}{"type":"string"}${'}}'.repeat(depth)}}}}}`;

  it('loads plans nested as deep as real ones get', () => {
    expect(loadPlanText(nested(30), 'deep.json').model.events).toHaveLength(1);
    expect(loadPlanText(nested(30), 'deep.yaml').model.events).toHaveLength(1);
  });

  it.each(['json', 'yaml'])('refuses absurd nesting in .%s with a location, again and again', (extension) => {
    for (const depth of [70, 5000, 20000, 20000]) {
      expect(() => loadPlanText(nested(depth), `deep.${extension}`)).toThrow(
        `deep.${extension}:1:2216: the plan is nested more than 128 levels deep. Flatten the deepest objects.`,
      );
    }
  });

  it('measures again after YAML aliases are expanded', () => {
    const text = `name: Deep\nleaf: &l ${'['.repeat(100)}x${']'.repeat(100)}\nevents: ${'['.repeat(80)}*l${']'.repeat(80)}\n`;
    expect(() => loadPlanText(text, 'alias.yaml')).toThrow('alias.yaml:2:58: the plan is nested more than 128 levels deep. Flatten the deepest objects.');
  });
});
