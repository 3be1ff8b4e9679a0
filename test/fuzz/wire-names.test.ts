// Generated SDKs of random hostile plans (native and Segment), run: every wrapper sends its event's
// wire name exactly as the plan writes it, with the version it stands for in
// context.protocols.event_version, and no plan text ever runs.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../packages/cli/src/generate/index.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { REPO_ROOT } from '../generate/compile-in-memory.js';
import { planObject, planText } from './random-plan.js';
import { segmentConfigPlanObject, segmentPlanObject } from './random-segment-plan.js';
import { fuzzParameters } from './runs.js';

const TMP = `${REPO_ROOT}test/fuzz/.tmp-wire-${process.pid}/`;
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

type Sdk = Record<string, (...args: unknown[]) => void>;
interface Sent {
  readonly event: unknown;
  readonly version: unknown;
}

function loaded({ text, file }: { text: string; file: string }): PlanModel | undefined {
  try {
    const { model } = loadPlanText(text, file);
    return model.events.length > 0 ? model : undefined;
  } catch {
    return undefined; // plans.test.ts checks the errors
  }
}

let cases = 0;

describe('generated wrappers of random hostile plans', () => {
  it('send the wire name exactly and the version each wrapper stands for', async () => {
    const models = fc
      .oneof(
        planObject(false).map((plan) => planText(plan, 'yaml')),
        fc.oneof(segmentPlanObject, segmentConfigPlanObject).map((plan) => ({ text: JSON.stringify(plan), file: 'plan.json' })),
      )
      .map(loaded)
      .filter((model): model is PlanModel => model !== undefined);
    await fc.assert(
      fc.asyncProperty(models, fc.constantFrom('development' as const, 'production' as const), async (model, mode) => {
        const folder = `${TMP}case${cases++}/`;
        mkdirSync(folder, { recursive: true });
        for (const file of await generate(model, { client: 'analytics-next', mode, language: 'ts' })) writeFileSync(folder + file.path, file.content);
        const sdk = (await import(`${folder}index.ts`)) as Sdk;
        const sent: Sent[] = [];
        const track = (event: unknown, _properties: unknown, options: { context?: { protocols?: { event_version?: unknown } } }) =>
          void sent.push({ event, version: options.context?.protocols?.event_version });
        // Empty properties may miss required ones: the callback policy reports that and still sends.
        sdk['configure']!({ analytics: { track }, onViolation: () => undefined });

        const expected: Sent[] = [];
        for (const event of model.events) {
          const latest = event.versions.at(-1)!;
          sdk[event.identifiers.fn]!({});
          expected.push({ event: event.name, version: latest.version });
          for (const version of event.versions) {
            sdk[version.identifiers.fn]!({});
            expected.push({ event: event.name, version: version.version });
          }
        }
        expect(sent).toEqual(expected);
        expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      }),
      fuzzParameters(6),
    );
  });
});
