// RudderStack's two plan.json shapes load with RudderTyper's meaning: the Tracking Plan API v1
// plan (Segment's Config API shape, versions such as "1-0-0") and the Data Catalog plan
// (rules tagged with eventType). Versions map onto their major number, and malformed
// RudderStack plans fail with located one-line errors.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { resolveEventVersion } from '../../packages/core/src/resolve-version.js';
import { diffPlans } from '../../packages/cli/src/diff/diff-plans.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { createPayloadChecker } from '../../packages/cli/src/validate/check-payload.js';
import { loadPlan, loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanFormat, PlanModel } from '../../packages/cli/src/model/types.js';

const V1_PLAN = 'fixtures/real-world/ruddertyper-example-analytics.json';
const DATA_CATALOG_PLAN = 'fixtures/real-world/ruddertyper-example-node-typescript.json';

function versionsOf(model: PlanModel): Record<string, number[]> {
  return Object.fromEntries(model.events.map((event) => [event.name, event.versions.map((version) => version.version)]));
}

/** The error message loading `plan` (pretty-printed JSON, so lines and columns are predictable) gives. */
function errorOf(plan: unknown, format?: PlanFormat): string {
  try {
    loadPlanText(JSON.stringify(plan, null, 2), 'plan.json', format === undefined ? {} : { format });
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return (error as PlanError).message;
  }
  throw new Error('the plan loaded');
}

const trackRule = (name: string, version?: unknown) => ({
  name,
  ...(version === undefined ? {} : { version }),
  rules: { type: 'object', properties: { properties: { type: 'object', properties: { sku: { type: 'string' } } } } },
});
const v1Plan = (...events: unknown[]) => ({ name: 'workspaces/w/tracking-plans/tp_1', display_name: 'Shop', rules: { events } });
const catalogPlan = (...events: unknown[]) => ({ name: 'Shop', creationType: 'Data catalog', rules: { events } });
const catalogRule = (eventType: string, name = '') => ({ name, eventType, rules: { type: 'object' } });

describe('RudderStack Tracking Plan API v1 (RudderTyper 1.x plan.json)', () => {
  it('loads the RudderTyper example unchanged, each version string mapped onto its major number', async () => {
    const { model } = await loadPlan(V1_PLAN);
    expect(model.format).toBe('rudderstack-tracking-plan-api');
    expect(model.name).toBe('Ecommerce Spec');
    expect(versionsOf(model)).toEqual({ 'Order Purchased': [1], 'Product Added': [3], 'Product List Viewed': [3] });
    const added = model.events.find((event) => event.name === 'Product Added')!;
    expect(added.identifiers.fn).toBe('trackProductAdded');
    expect(added.versions[0]!.identifiers.fn).toBe('trackProductAddedV3');
    expect(added.versions[0]!.properties.required).toEqual(['list_id', 'category']);
    // `context: {}` and `traits: {}` constrain nothing beyond the properties.
    expect(added.versions[0]!.payload).toBeUndefined();
    expect(model.identify).toBeUndefined();
  });

  it('sends the major number as event_version, the version core resolves the payload to', async () => {
    const { model } = await loadPlan(V1_PLAN);
    const index = (await generate(model, { client: 'analytics-node', mode: 'development', language: 'ts' })).find((file) => file.path === 'index.ts')!.content;
    expect(index).toContain(`{ event: "Product Added", version: 3, validate: validateProductAddedV3 }`);
    const versions = model.events.find((event) => event.name === 'Product Added')!.versions.map((version) => version.version);
    expect(resolveEventVersion(3, versions)).toEqual({ version: 3, reason: 'explicit' });
    // A payload RudderStack's own SDKs sent (no event_version) checks against the one rule too.
    expect(resolveEventVersion(undefined, versions)).toEqual({ version: 3, reason: 'missing' });
  });

  it('plangen validate checks a RudderStack payload (no event_version) against the one rule, without a fallback report', async () => {
    const { model } = await loadPlan(V1_PLAN);
    const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
    expect(check({ type: 'track', event: 'Product Added', properties: { category: 'c', list_id: 'l' } })).toEqual({
      kind: 'checked',
      type: 'track',
      event: 'Product Added',
      version: 3,
      errors: [],
    });
    const sent = check({ type: 'track', event: 'Product Added', properties: { category: 'c' }, context: { protocols: { event_version: 3 } } });
    expect(sent).toMatchObject({ kind: 'checked', version: 3 });
    expect(sent).not.toHaveProperty('fallback');
    expect(sent.kind === 'checked' && sent.errors.map((error) => `${error.keyword} ${error.pointer} ${error.message}`)).toEqual([expect.stringMatching(/^required .*list_id/)]);
  });

  it('validates as the plan says, with the validators the SDK ships', async () => {
    const { model } = await loadPlan(V1_PLAN);
    const v3 = model.events.find((event) => event.name === 'Product Added')!.versions[0]!;
    const validate = loadValidators([{ name: v3.identifiers.validator, schema: v3.properties }])[v3.identifiers.validator]!;
    expect(validate({ category: 'shoes', list_id: 'l1' })).toBe(true);
    expect(validate({ category: 'shoes' })).toBe(false);
    const details = { product_id: 'p', sku: 's', category: 'c', name: 'n', price: 1, position: 1, url: 'u', image_url: 'i' };
    expect(validate({ category: 'shoes', list_id: 'l1', details })).toBe(true);
    expect(validate({ category: 'shoes', list_id: 'l1', details: { ...details, price: '1' } })).toBe(false);
  });

  it.each([
    ['1-0-0', 1],
    ['3-2-1', 3],
    ['1.2.0', 1],
    ['12', 12],
    ['2-5', 2],
    [4, 4],
    [undefined, 1],
  ])('maps version %j onto plangen version %j', (written, expected) => {
    const { model } = loadPlanText(JSON.stringify(v1Plan(trackRule('Viewed', written))), 'plan.json');
    expect(versionsOf(model)).toEqual({ Viewed: [expected] });
  });

  it.each([
    ['1-0-0-beta', 'version "1-0-0-beta" of event "Viewed" is not a RudderStack version'],
    ['v1', 'version "v1" of event "Viewed" is not a RudderStack version'],
    ['1-0.0', 'version "1-0.0" of event "Viewed" is not a RudderStack version'],
    ['01-0-0', 'version "01-0-0" of event "Viewed" is not a RudderStack version'],
    ['', 'version "" of event "Viewed" is not a RudderStack version'],
    ['0-1-0', 'version "0-1-0" of event "Viewed" has major version 0, and plangen versions start at 1'],
    ['99999999999999999-0-0', 'version "99999999999999999-0-0" of event "Viewed" has a major version too large to send as a JSON number'],
    [1.5, 'version 1.5 of event "Viewed" is not a positive integer'],
    [0, 'version 0 of event "Viewed" is not a positive integer'],
    [true, 'version true of event "Viewed" is not a version'],
  ])('refuses the bad version string %j with a located error', (written, problem) => {
    // Line 8, column 20: the value of "version" in the pretty-printed plan.
    expect(errorOf(v1Plan(trackRule('Viewed', written)))).toBe(
      `plan.json:8:20: ${problem}. Write MAJOR-MINOR-PATCH with a major version of 1 or more, such as "1-0-0" or "1.0.0", or a positive integer.`,
    );
  });

  it('refuses duplicate versions: two strings of one event that map onto one plangen version', () => {
    expect(errorOf(v1Plan(trackRule('Viewed', '1-0-0'), trackRule('Viewed', '1.2.0')))).toBe(
      'plan.json:23:7: versions "1-0-0" (rule #1) and "1.2.0" of event "Viewed" both map onto plangen version 1. ' +
        'RudderStack validates every call of an event against one rule: keep one rule per event name.',
    );
  });

  it('refuses duplicate versions: no version (1) and "1-0-0"', () => {
    expect(errorOf(v1Plan(trackRule('Viewed'), trackRule('Viewed', '1-0-0')))).toBe(
      'plan.json:22:7: versions none (rule #1) and "1-0-0" of event "Viewed" both map onto plangen version 1. ' +
        'RudderStack validates every call of an event against one rule: keep one rule per event name.',
    );
  });

  it('refuses a second rule of one event even with another major version (RudderStack would only ever use the first)', () => {
    expect(errorOf(v1Plan(trackRule('Viewed', '1-0-0'), trackRule('Viewed', '2-0-0')))).toBe(
      'plan.json:23:7: event "Viewed" has a second rule (rule #1 is the first). RudderStack validates every call of an event against one rule: keep one rule per event name.',
    );
  });

  it('plangen diff sees a major bump as the old version removed and a minor bump as a change in place', () => {
    const plan = (version: string, required: string[]) => {
      const rule = { ...trackRule('Viewed', version), rules: { type: 'object', properties: { properties: { type: 'object', properties: { sku: { type: 'string' } }, required } } } };
      return loadPlanText(JSON.stringify(v1Plan(rule)), `${version}.json`).model;
    };
    const summary = (version: string) =>
      diffPlans(plan('1-0-0', []), plan(version, ['sku'])).changes.map((change) => `${change.target.kind === 'version' ? change.target.version : ''} ${change.change} ${change.classification}`);
    expect(summary('2-0-0')).toEqual(['1 removed breaking', '2 added compatible']);
    expect(summary('1-1-0')).toEqual(['1 changed breaking']);
  });

  it('reads rules.identify, rules.group, rules.page and rules.screen as whole-message schemas, as RudderStack validates them', () => {
    const { model } = loadPlanText(
      JSON.stringify({
        ...v1Plan(trackRule('Viewed', '1-0-0')),
        rules: {
          events: [trackRule('Viewed', '1-0-0')],
          identify: { type: 'object', properties: { traits: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] } } },
          group: { type: 'object', properties: { traits: { type: 'object', properties: { plan: { type: 'string' } } } } },
          page: { type: 'object', properties: { properties: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } } },
          screen: { type: 'object', properties: { properties: { type: 'object', properties: { name: { type: 'string' } } } } },
        },
      }),
      'plan.json',
    );
    expect(model.identify?.traits.required).toEqual(['email']);
    expect(model.group?.traits.properties).toHaveProperty('plan');
    // Not silently dropped: RudderStack validates page and screen calls against rules.page and rules.screen.
    expect(model.page?.properties.required).toEqual(['path']);
    expect(model.screen?.properties.properties).toHaveProperty('name');
  });
});

describe('RudderStack Data Catalog API (RudderTyper 2 plan.json)', () => {
  it('loads the RudderTyper example unchanged: track rules become events, the others identify/group/page/screen', async () => {
    const { model } = await loadPlan(DATA_CATALOG_PLAN);
    expect(model.format).toBe('rudderstack-data-catalog-api');
    expect(model.name).toBe('Sample tracking plan 1');
    expect(versionsOf(model)).toEqual({ 'Sample event 1': [1] });
    expect(model.events[0]!.description).toBe('Sample event 1');
    expect(model.events[0]!.versions[0]!.properties).toEqual({
      additionalProperties: false,
      properties: { 'Sample property 1': { description: 'Sample property 1' } },
      required: [],
      type: 'object',
    });
    expect(model.identify?.description).toBe('Sample Identify event');
    expect(model.identify?.traits.properties).toEqual({ 'Sample property 1': {} });
    expect(model.group?.traits.additionalProperties).toBe(false);
    // As written: RudderStack enforces the page rule without adding the SDK's standard page properties.
    expect(model.page?.properties.properties).toEqual({ 'Sample property 1': {} });
    expect(model.screen?.description).toBe('Sample Screen event');
  });

  it('validates as the plan says: closed properties and traits refuse unplanned keys', async () => {
    const { model } = await loadPlan(DATA_CATALOG_PLAN);
    const version = model.events[0]!.versions[0]!;
    const validators = loadValidators([
      { name: version.identifiers.validator, schema: version.properties },
      { name: model.identify!.identifiers.validator, schema: model.identify!.traits },
    ]);
    const track = validators[version.identifiers.validator]!;
    const identify = validators[model.identify!.identifiers.validator]!;
    expect(track({ 'Sample property 1': ['any', 'value'] })).toBe(true);
    expect(track({ 'Sample property 2': 1 })).toBe(false);
    expect(identify({ 'Sample property 1': null })).toBe(true);
    expect(identify({ email: 'a@b.c' })).toBe(false);
  });

  it('reads rules without eventType, from before the Data Catalog had non-track rules, as track rules', async () => {
    const { model } = await loadPlan('fixtures/real-world/ruddertyper-js-npm-typescript.json');
    expect(model.format).toBe('rudderstack-data-catalog-api');
    expect(versionsOf(model)).toEqual({ 'Sample event 1': [1] });
  });

  it('a rule with custom types under $defs generates (the cut-out properties schema keeps $defs) instead of crashing generate', async () => {
    const plan = catalogPlan({
      eventType: 'track',
      name: 'Product Viewed',
      rules: {
        $defs: { Price: { type: 'object', properties: { amount: { type: 'number' } }, required: ['amount'] } },
        type: 'object',
        properties: { properties: { type: 'object', properties: { price: { $ref: '#/$defs/Price' } }, required: ['price'] } },
      },
    });
    const { model } = loadPlanText(JSON.stringify(plan), 'plan.json');
    const version = model.events[0]!.versions[0]!;
    expect(version.properties).toMatchObject({ $defs: { Price: { required: ['amount'] } }, required: ['price'] });
    // $defs alone is no reason to keep a whole-payload schema.
    expect(version.payload).toBeUndefined();
    const index = (await generate(model, { client: 'generic', mode: 'development', language: 'ts' })).find((file) => file.path === 'index.ts')!.content;
    expect(index).toMatch(/price: Price\n/);
    const validate = loadValidators([{ name: version.identifiers.validator, schema: version.properties }])[version.identifiers.validator]!;
    expect(validate({ price: { amount: 3 } })).toBe(true);
    expect(validate({ price: { currency: 'EUR' } })).toBe(false);
  });

  it('refuses a track rule without an event name', () => {
    expect(errorOf(catalogPlan(catalogRule('track')))).toBe(
      'plan.json:7:17: track rule #1 has no event name. Write the event name exactly as the track call sends it.',
    );
  });

  it('refuses a second identify rule', () => {
    expect(errorOf(catalogPlan(catalogRule('identify'), catalogRule('identify')))).toBe(
      'plan.json:13:7: a second identify rule (rule #1 is the first). RudderStack validates every identify call against one rule: merge them into one.',
    );
  });

  it('refuses duplicate track rules of one event', () => {
    expect(errorOf(catalogPlan(catalogRule('track', 'Viewed'), catalogRule('track', 'Viewed')))).toBe(
      'plan.json:13:7: event "Viewed" has a second rule (rule #1 is the first). RudderStack validates every call of an event against one rule: keep one rule per event name.',
    );
  });

  it('refuses an unknown eventType', () => {
    expect(errorOf(catalogPlan(catalogRule('alias')))).toBe(
      'plan.json:8:22: rules.events[0].eventType has the unknown value "alias". Use one of: "track", "identify", "page", "screen", "group".',
    );
  });
});

describe('RudderStack format detection', () => {
  it('tells Segment Config API plans from RudderStack Tracking Plan API plans', async () => {
    expect((await loadPlan('fixtures/segment-config-api/plan.json')).model.format).toBe('segment-config-api');
    // Integer versions, but RudderStack's tracking-plan id.
    expect(loadPlanText(JSON.stringify(v1Plan(trackRule('Viewed', 2))), 'plan.json').model.format).toBe('rudderstack-tracking-plan-api');
    // No RudderStack id, but a string version, which Segment never writes.
    expect(loadPlanText(JSON.stringify({ rules: { events: [trackRule('Viewed', '2-0-0')] } }), 'plan.json').model.format).toBe('rudderstack-tracking-plan-api');
    expect(loadPlanText(JSON.stringify({ rules: { events: [catalogRule('identify')] } }), 'plan.json').model.format).toBe('rudderstack-data-catalog-api');
  });

  it('reads a plan in the format --input-format forces', () => {
    const plain = { rules: { events: [trackRule('Viewed', 2)] } };
    expect(loadPlanText(JSON.stringify(plain), 'plan.json').model.format).toBe('segment-config-api');
    expect(loadPlanText(JSON.stringify(plain), 'plan.json', { format: 'rudderstack-tracking-plan-api' }).model.format).toBe('rudderstack-tracking-plan-api');
  });
});

describe('RudderStack formats on the command line', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function capture(): { stdout: () => string; stderr: () => string } {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => err.push(String(chunk)) > 0);
    return { stdout: () => out.join(''), stderr: () => err.join('') };
  }

  it('--input-format accepts both RudderStack formats (inspect names the format)', async () => {
    const output = capture();
    expect(await main(['inspect', V1_PLAN, '--input-format', 'rudderstack-tracking-plan-api'])).toBe(0);
    expect(output.stdout().split('\n')[0]).toBe(`Ecommerce Spec (RudderStack Tracking Plan API format, ${V1_PLAN})`);
    expect(await main(['inspect', DATA_CATALOG_PLAN, '--input-format', 'rudderstack-data-catalog-api'])).toBe(0);
    expect(output.stdout()).toContain(`Sample tracking plan 1 (RudderStack Data Catalog API format, ${DATA_CATALOG_PLAN})`);
    expect(output.stderr()).toBe('');
  });
});
