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
