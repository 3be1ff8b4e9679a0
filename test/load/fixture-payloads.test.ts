// The example payloads beside each fixture plan get the verdicts Protocols would
// give from the model's schemas: the version chosen by context.protocols.event_version
// (else the oldest), its properties and payload schemas, and the common schema. The verdicts are
// written down as named cases in test/validate/fixture-verdicts.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { JsonSchema, PlanModel } from '../../packages/cli/src/model/types.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';
import { FIXTURE_VERDICTS, verdictCases, type Verdict } from '../validate/fixture-verdicts.js';

type Payload = Record<string, unknown> & { type: string; event?: string; properties?: unknown; traits?: unknown; context?: { protocols?: { event_version?: unknown } } };

function verdicts(model: PlanModel, payloads: readonly Payload[]): Verdict[] {
  const ajv = createAjv();
  const check = (schema: JsonSchema | undefined, data: unknown) => schema === undefined || ajv.validate(schema, data);
  return payloads
    .map((payload) => {
      const common = check(model.common?.schema, payload);
      if (payload.type === 'track') {
        const event = model.events.find((candidate) => candidate.name === payload.event);
        if (!event) return 'unplanned';
        const given = payload.context?.protocols?.event_version;
        const version = event.versions.find((candidate) => candidate.version === given) ?? event.versions[0]!;
        return common && check(version.properties, payload.properties ?? {}) && check(version.payload, payload) ? 'valid' : 'invalid';
      }
      const call = payload.type === 'identify' || payload.type === 'group' ? model[payload.type] : model[payload.type as 'page' | 'screen'];
      const schema = call && ('traits' in call ? call.traits : call.properties);
      const data = 'traits' in (call ?? {}) ? payload.traits : payload.properties;
      return common && check(schema, data ?? {}) && check(call?.payload, payload) ? 'valid' : 'invalid';
    });
}

describe('fixture payloads get their written verdicts from the model with ajv', () => {
  describe.each(FIXTURE_VERDICTS.map((fixture) => [fixture.folder, fixture] as const))('%s', (folder, fixture) => {
    const cases = verdictCases(fixture);
    let actual: Verdict[] = [];
    beforeAll(async () => {
      const { model } = await loadPlan(`fixtures/${folder}/${fixture.plan}`);
      actual = verdicts(model, cases.map(({ payload }) => payload as Payload));
    });

    it('judges every payload', () => expect(actual).toHaveLength(cases.length));
    it.each(cases.map((entry, index) => [entry.name, entry.verdict, index] as const))('%s: %s', (_name, verdict, index) => {
      expect(actual[index]).toBe(verdict);
    });
  });
});
