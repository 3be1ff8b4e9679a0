// Every verdict of `plangen validate` must equal what ajv says when it compiles
// the plan's schemas directly (in memory, not through the standalone compiler).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatorEntries } from '../../packages/cli/src/generate/schema-entries.js';
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';
import { createPayloadChecker } from '../../packages/cli/src/validate/check-payload.js';

/** The schemas that apply to a payload, picked from the model by hand. */
function applicableSchemas(model: PlanModel, payload: Record<string, unknown>, version: number | undefined) {
  const picked: { member?: 'properties' | 'traits'; schema: object }[] = [];
  const add = (member: 'properties' | 'traits', schema: object, whole: object | undefined) => {
    picked.push({ member, schema });
    if (whole) picked.push({ schema: whole });
  };
  if (payload.type === 'track') {
    const event = model.events.find((candidate) => candidate.name === payload.event)!;
    const chosen = event.versions.find((candidate) => candidate.version === version)!;
    add('properties', chosen.properties, chosen.payload);
  }
  if (payload.type === 'identify' && model.identify) add('traits', model.identify.traits, model.identify.payload);
  if (payload.type === 'group' && model.group) add('traits', model.group.traits, model.group.payload);
  if (payload.type === 'page' && model.page) add('properties', model.page.properties, model.page.payload);
  if (payload.type === 'screen' && model.screen) add('properties', model.screen.properties, model.screen.payload);
  if (model.common) picked.push({ schema: model.common.schema });
  return picked;
}

function agreementCases(model: PlanModel, lines: readonly string[]) {
  const check = createPayloadChecker(model, loadValidators(validatorEntries(model)));
  const ajv = createAjv();
  const compiled = new Map<object, ReturnType<typeof ajv.compile>>();
  const compile = (schema: object) => {
    if (!compiled.has(schema)) compiled.set(schema, ajv.compile(schema));
    return compiled.get(schema)!;
  };
  const cases: { line: number; ours: boolean; ajv: boolean }[] = [];
  lines.forEach((text, index) => {
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return;
    }
    const verdict = check(payload);
    if (verdict.kind !== 'checked') return;
    const record = payload as Record<string, unknown>;
    const valid = applicableSchemas(model, record, verdict.version).every(({ member, schema }) =>
      compile(schema)(member ? (record[member] ?? {}) : record),
    );
    cases.push({ line: index + 1, ours: verdict.errors.length === 0, ajv: valid });
  });
  return cases;
}

describe('plangen validate agrees with ajv compiling the plan directly', () => {
  it('on test/validate/cases/payloads.jsonl', async () => {
    const model = await loadPlan(fileURLToPath(new URL('cases/plan.yaml', import.meta.url)));
    const lines = readFileSync(new URL('cases/payloads.jsonl', import.meta.url), 'utf8').split('\n');
    const cases = agreementCases(model, lines);
    expect(cases).toHaveLength(16);
    expect(cases.filter((entry) => !entry.ours).map((entry) => entry.line)).toEqual([6, 9, 11, 12, 14, 17]);
    for (const entry of cases) expect(entry, `line ${entry.line}`).toEqual({ line: entry.line, ours: entry.ajv, ajv: entry.ajv });
  });
});

describe('plangen validate agrees with ajv on the fixtures\' payloads.jsonl', () => {
  it.each([
    ['shop', 'plan.yaml'],
    ['shop-json', 'plan.json'],
    ['segment-public-api', 'plan.json'],
    ['segment-config-api', 'plan.json'],
  ])('%s', async (folder, plan) => {
    const model = await loadPlan(`fixtures/${folder}/${plan}`);
    const lines = readFileSync(`fixtures/${folder}/payloads.jsonl`, 'utf8').split('\n');
    const cases = agreementCases(model, lines);
    expect(cases.length).toBeGreaterThan(10);
    for (const entry of cases) expect(entry, `line ${entry.line}`).toEqual({ line: entry.line, ours: entry.ajv, ajv: entry.ajv });
  });
});

describe('plangen validate agrees with ajv on the real Typewriter plans', () => {
  // fixtures/typewriter-*/plan.json are byte-identical copies of ../shared/compat/typewriter/*.json.
  const dir = new URL('../../fixtures/', import.meta.url);
  const plans = ['public-api-reference-plan', 'config-api-reference-plan', 'config-api-reference-plan-with-enums'];

  it.each(plans)('%s: every event version, with empty, typed and unplanned properties, plus identify/group/page', async (name) => {
    const model = await loadPlan(fileURLToPath(new URL(`typewriter-${name}/plan.json`, dir)));
    const lines: string[] = [];
    for (const event of model.events) {
      for (const { version } of event.versions) {
        const context = { protocols: { event_version: version } };
        lines.push(JSON.stringify({ type: 'track', event: event.name, userId: 'u', properties: {}, context }));
        lines.push(JSON.stringify({ type: 'track', event: event.name, userId: 'u', properties: { not_in_the_plan: 1 }, context }));
        lines.push(JSON.stringify({ type: 'track', event: event.name, userId: 'u', properties: sample(event.versions.find((entry) => entry.version === version)!.properties), context }));
      }
    }
    for (const type of ['identify', 'group']) lines.push(JSON.stringify({ type, userId: 'u', groupId: 'g', traits: { not_in_the_plan: true } }));
    lines.push(JSON.stringify({ type: 'page', userId: 'u', properties: {} }));
    const cases = agreementCases(model, lines);
    expect(cases.length).toBe(lines.length);
    // Both verdicts occur, so agreement is not trivial.
    expect(cases.some((entry) => entry.ours)).toBe(true);
    expect(cases.some((entry) => !entry.ours)).toBe(true);
    for (const entry of cases) expect(entry, `payload ${lines[entry.line - 1]}`).toEqual({ line: entry.line, ours: entry.ajv, ajv: entry.ajv });
  });
});

/** A guess at valid properties (first enum value, or a value of the first type); agreement matters, not validity. */
function sample(schema: object): Record<string, unknown> {
  const properties = (schema as { properties?: Record<string, { type?: string | string[]; enum?: unknown[] }> }).properties ?? {};
  const values: Record<string, unknown> = {};
  const byType: Record<string, unknown> = { string: 'text', number: 1.5, integer: 2, boolean: true, object: {}, array: [], null: null };
  for (const [key, property] of Object.entries(properties)) {
    const type = Array.isArray(property.type) ? property.type[0] : property.type;
    values[key] = property.enum?.[0] ?? (type !== undefined ? byType[type] : 'text');
  }
  return values;
}
