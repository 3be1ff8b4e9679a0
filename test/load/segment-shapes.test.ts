// Shapes that real Segment exports hold load, and types and validators agree
// on what they mean: the "any" data type (no constraint), an empty enum (no
// value), and the odd names of fixtures/segment-shapes/plan.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../packages/cli/src/generate/index.js';
import { CLIENT_KINDS } from '../../packages/cli/src/generate/options.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { loadPlan, loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { modelToText } from '../../packages/cli/src/model/model-text.js';
import type { JsonSchema, PlanModel } from '../../packages/cli/src/model/types.js';
import { segmentLabels } from '../../packages/cli/src/load/segment-labels.js';
import { typeCheck } from '../generate/compile-in-memory.js';

const CORPUS = 'fixtures/segment-shapes/plan.json';
const VALUES = ['text', 1.5, 2, true, null, [1, 'a'], { nested: { deep: true } }];

function publicApi(properties: Record<string, unknown>): string {
  return JSON.stringify({ rules: [{ key: 'Order Completed', type: 'TRACK', version: 1, jsonSchema: { type: 'object', properties } }] }, null, 2);
}

function configApi(properties: Record<string, unknown>): string {
  return JSON.stringify({ rules: { events: [{ name: 'Order Completed', version: 1, rules: { type: 'object', properties } }] } }, null, 2);
}

function native(properties: Record<string, unknown>): string {
  return JSON.stringify({ name: 'Shop', events: { 'Order Completed': { schema: { type: 'object', properties } } } }, null, 2);
}

const FORMATS = { 'Segment Public API': publicApi, 'Segment Config API': configApi, 'plangen (raw schema)': native } as const;

function properties(model: PlanModel): JsonSchema {
  return model.events[0]!.versions[0]!.properties;
}

async function typesOf(model: PlanModel): Promise<string> {
  const files = await generate(model, { client: 'analytics-next', mode: 'production', language: 'ts' });
  return files.find((file) => file.path === 'index.ts')!.content;
}

function validator(model: PlanModel): (properties: unknown) => boolean {
  const version = model.events[0]!.versions[0]!;
  const validate = loadValidators([{ name: version.identifiers.validator, schema: version.properties }])[version.identifiers.validator]!;
  return (value) => validate(value) === true;
}

describe('Segment\'s "any" data type', () => {
  it.each(Object.entries(FORMATS))('%s: ["any"] and "any" in a type list load as no constraint (they were refused as unknown types)', async (_format, write) => {
    const { model } = loadPlanText(write({ metadata: { type: ['any'], description: 'Anything.' }, coupon: { type: ['string', 'any'] }, legacy: { type: 'any' } }), 'plan.json');
    expect(properties(model).properties).toEqual({ metadata: { description: 'Anything.' }, coupon: {}, legacy: {} });
    const types = await typesOf(model);
    expect(types).toMatch(/ {2}metadata\?: unknown\n/);
    expect(types).toMatch(/ {2}coupon\?: unknown\n/);
    const accepts = validator(model);
    for (const value of VALUES) expect(accepts({ metadata: value, coupon: value, legacy: value })).toBe(true);
  });

  it('keeps every other keyword and its location: an error beside "any" still points at its line and column', () => {
    const text = publicApi({ code: { type: ['any'], pattern: '(' } });
    expect(() => loadPlanText(text, 'plan.json')).toThrow(PlanError);
    expect(() => loadPlanText(text, 'plan.json')).toThrow(/^plan\.json:14:24: invalid regular expression "\(" in rules\[0\]\.jsonSchema: /);
  });

  it('a real type name that is wrong is still refused', () => {
    expect(() => loadPlanText(publicApi({ code: { type: ['strng'] } }), 'plan.json')).toThrow(/unknown type "strng"/);
  });
});

describe('an empty enum', () => {
  it.each(Object.entries(FORMATS))('%s: loads (it was refused), types never and validates no value, both as JSON Schema reads it', async (_format, write) => {
    const { model } = loadPlanText(write({ currency: { type: 'string', enum: [] } }), 'plan.json');
    expect(properties(model).properties).toEqual({ currency: { type: 'string', enum: [] } });
    expect(await typesOf(model)).toMatch(/ {2}currency\?: never\n/);
    const accepts = validator(model);
    expect(accepts({})).toBe(true);
    for (const value of VALUES) expect(accepts({ currency: value })).toBe(false);
  });

  it('in the plangen notation too', async () => {
    const { model } = loadPlanText('name: Shop\nevents:\n  Order Completed:\n    properties:\n      currency: { type: string, enum: [] }\n', 'plan.yaml');
    expect(properties(model).properties).toEqual({ currency: { type: 'string', enum: [] } });
    expect(validator(model)({ currency: 'EUR' })).toBe(false);
  });
});

describe(`the corpus of odd shapes (${CORPUS})`, () => {
  it('loads with its odd names kept as written', async () => {
    const { model } = await loadPlan(CORPUS);
    expect(model.events.map((event) => event.name)).toEqual(['Order Completed', 'order completed']);
    const [upper, lower] = model.events;
    expect(upper!.identifiers.fn).not.toBe(lower!.identifiers.fn);
    expect(upper!.description).toBe('Sent when an order is placed.\n\n');
    expect(Object.keys(properties(model).properties ?? {})).toEqual(['order id', 'Total', 'total', 'metadata', 'coupon', 'currency', 'phone', 'size', 'quantity']);
    expect(properties(model).required).toEqual(['order id']);
  });

  it.each(CLIENT_KINDS)('generates for %s, and the SDK compiles under strict tsc', async (client) => {
    const { model } = await loadPlan(CORPUS);
    const files = await generate(model, { client, mode: 'development', language: 'ts' });
    const sources = Object.fromEntries(files.map((file) => [`segment-shapes-${client}/${file.path}`, file.content]));
    expect(typeCheck(sources, undefined, { exactOptionalPropertyTypes: true })).toEqual([]);
    const index = files.find((file) => file.path === 'index.ts')!.content;
    expect(index).toContain('"order id": string\n');
    expect(index).toMatch(/ {2}Total\?: number\n[\s\S]* {2}total\?: number\n/);
    expect(index).toContain('Property name with a space.');
  });

  it('is byte-identical when generated twice', async () => {
    const options = { client: 'analytics-next', mode: 'development', language: 'ts' } as const;
    const first = await generate((await loadPlan(CORPUS)).model, options);
    const second = await generate((await loadPlan(CORPUS)).model, options);
    expect(second).toEqual(first);
    expect(readFileSync(CORPUS, 'utf8')).toContain('"platform": [');
  });
});

describe('label values that are lists', () => {
  it('load as several labels with one key (a list value was dropped)', async () => {
    const { model } = await loadPlan(CORPUS);
    expect(model.events[0]!.labels).toEqual({ platform: ['ios', 'android'], team: 'checkout' });
    expect(model.events[1]!.labels).toEqual({ platform: 'web' });
  });

  it('show as several labels in inspect and in the generated doc comments', async () => {
    const { model } = await loadPlan(CORPUS);
    expect(modelToText(model)).toContain('"Order Completed"  [platform:ios, platform:android, team:checkout]');
    const files = await generate(model, { client: 'analytics-next', mode: 'production', language: 'ts' });
    expect(files.find((file) => file.path === 'index.ts')!.content).toContain('Labels: platform: ios, platform: android, team: checkout');
  });

  it('a key given in several key:value strings keeps every value (the last one won)', () => {
    expect(segmentLabels(['platform:ios', 'platform:android', 'team:growth', 'beta'])).toEqual({ platform: ['ios', 'android'], team: 'growth', beta: '' });
    expect(segmentLabels({ platform: ['ios'], count: [1, true], nested: [{}], empty: [] })).toEqual({ platform: ['ios'], count: ['1', 'true'] });
  });
});
