// The example payloads beside each fixture plan get the verdicts Protocols would
// give from the model's schemas: the version chosen by context.protocols.event_version
// (else the oldest), its properties and payload schemas, and the common schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { JsonSchema, PlanModel } from '../../packages/cli/src/model/types.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';

type Payload = Record<string, unknown> & { type: string; event?: string; properties?: unknown; traits?: unknown; context?: { protocols?: { event_version?: unknown } } };

/** v = valid, x = invalid, u = an event the plan does not define. */
function verdicts(model: PlanModel, payloads: readonly Payload[]): string {
  const ajv = createAjv();
  const check = (schema: JsonSchema | undefined, data: unknown) => schema === undefined || ajv.validate(schema, data);
  return payloads
    .map((payload) => {
      const common = check(model.common?.schema, payload);
      if (payload.type === 'track') {
        const event = model.events.find((candidate) => candidate.name === payload.event);
        if (!event) return 'u';
        const given = payload.context?.protocols?.event_version;
        const version = event.versions.find((candidate) => candidate.version === given) ?? event.versions[0]!;
        return common && check(version.properties, payload.properties ?? {}) && check(version.payload, payload) ? 'v' : 'x';
      }
      const call = payload.type === 'identify' || payload.type === 'group' ? model[payload.type] : model[payload.type as 'page' | 'screen'];
      const schema = call && ('traits' in call ? call.traits : call.properties);
      const data = 'traits' in (call ?? {}) ? payload.traits : payload.properties;
      return common && check(schema, data ?? {}) && check(call?.payload, payload) ? 'v' : 'x';
    })
    .join('');
}

function payloadsOf(folder: string): Payload[] {
  return readFileSync(`fixtures/${folder}/payloads.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Payload);
}

describe('fixture payloads', () => {
  it.each([
    ['shop', 'plan.yaml', 'vvvxxvvxvxvxvxvxvxvxxvuvxvxvxx'],
    ['shop-json', 'plan.json', 'vvvxxvvxvxvxvxvxvxvxxvuvxvxvxx'],
    ['segment-public-api', 'plan.json', 'vxxvxxvxvxvxvxvxvxx'],
    ['segment-config-api', 'plan.json', 'vxvxvvxxvvxvx'],
  ])('%s', async (folder, plan, expected) => {
    const { model } = await loadPlan(`fixtures/${folder}/${plan}`);
    expect(verdicts(model, payloadsOf(folder))).toBe(expected);
  });
});
