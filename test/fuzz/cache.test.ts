// The cache never changes the output (issue 15): generate a random plan cold,
// mutate it (an event replaced, added or dropped, another option), generate the
// mutant warm from the same cache, and compare with a cold generation of the
// mutant without any cache, byte for byte. A second process (a new cache on the
// same folder) must agree too.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { diskStore } from '../../packages/cli/src/cache/disk-store.js';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import { CLIENT_KINDS, type GeneratedFile, type GenerateOptions } from '../../packages/cli/src/generate/options.js';
import type { StageCache } from '../../packages/cli/src/generate/stage-cache.js';
import type { CheckedSchemas } from '../../packages/cli/src/load/checked-schemas.js';
import { loadPlanText, type LoadedPlan } from '../../packages/cli/src/load/load-plan.js';
import { planObject, planText, type PlanObject } from './random-plan.js';
import { fuzzParameters } from './runs.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'plangen-fuzz-cache-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const optionsArb: fc.Arbitrary<GenerateOptions> = fc.record({
  client: fc.constantFrom(...CLIENT_KINDS),
  mode: fc.constantFrom('development' as const, 'production' as const),
  language: fc.constantFrom('ts' as const, 'js' as const),
});

type Mutation = { kind: 'replace' | 'add' | 'drop'; at: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom('replace' as const, 'add' as const, 'drop' as const), at: fc.nat() });

/** `plan` with one event replaced by, or joined by, an event of `donor`, or dropped. */
function mutate(plan: PlanObject, donor: PlanObject, { kind, at }: Mutation): PlanObject {
  const events = Object.entries((plan['events'] ?? {}) as Record<string, unknown>);
  const given = Object.entries((donor['events'] ?? {}) as Record<string, unknown>);
  if (events.length === 0) return { ...plan, events: Object.fromEntries(given) as PlanObject };
  const index = at % events.length;
  const [donorName, donorEvent] = given[at % Math.max(1, given.length)] ?? [`${events[index]![0]} changed`, { properties: {} }];
  if (kind === 'drop') events.splice(index, 1);
  else if (kind === 'replace') events[index] = [events[index]![0], donorEvent];
  else if (!events.some(([name]) => name === donorName)) events.splice(index, 0, [donorName, donorEvent]);
  return { ...plan, events: Object.fromEntries(events) as PlanObject };
}

function load(plan: PlanObject): LoadedPlan | undefined {
  const { text, file } = planText(plan, 'json');
  try {
    return loadPlanText(text, file, { onWarning: () => undefined });
  } catch {
    return undefined; // the mutant may be invalid (a name clash): nothing to compare
  }
}

async function generated(plan: LoadedPlan, options: GenerateOptions, cache?: StageCache): Promise<Record<string, string> | string> {
  try {
    const files: GeneratedFile[] = await generate(plan.model, options, plan.locator, undefined, cache);
    return Object.fromEntries(files.map((file) => [file.path, file.content]));
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`; // refused the same way, cached or not
  }
}

describe('the cache never changes the output', () => {
  it('cold, mutate, warm equals a cold generation of the mutant', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(planObject(false), planObject(false), mutationArb, optionsArb, optionsArb, async (plan, donor, mutation, first, second) => {
        const original = load(plan);
        const mutant = load(mutate(plan, donor, mutation));
        fc.pre(original !== undefined && mutant !== undefined);
        const disk = path.join(folder, String(run++));
        const cache = new LayeredCache('plangen@fuzz build cache', diskStore(disk));
        expect(await generated(original!, first, cache)).toEqual(await generated(original!, first));
        const warm = await generated(mutant!, second, cache);
        expect(warm).toEqual(await generated(mutant!, second));
        // Another process, on the same folder: every part from disk.
        expect(await generated(mutant!, second, new LayeredCache('plangen@fuzz build cache', diskStore(disk)))).toEqual(warm);
      }),
      fuzzParameters(12),
    );
  }, 120_000);

  it('schemas checked in an earlier load never change a load: the same model, error and warnings as a first load', () => {
    fc.assert(
      fc.property(planObject(true), planObject(true), mutationArb, fc.constantFrom('yaml' as const, 'json' as const), (plan, donor, mutation, format) => {
        const keys = new Set<string>();
        const checked: CheckedSchemas = { has: (key) => keys.has(key), add: (key) => void keys.add(key) };
        loaded(plan, format, checked);
        const mutant = mutate(plan, donor, mutation);
        expect(loaded(mutant, format, checked)).toEqual(loaded(mutant, format));
        expect(loaded(mutant, format, checked)).toEqual(loaded(mutant, format)); // every schema remembered now
      }),
      fuzzParameters(40),
    );
  });
});

/** The model or the error, and the warnings, of one load. */
function loaded(plan: PlanObject, format: 'yaml' | 'json', checked?: CheckedSchemas): unknown {
  const { text, file } = planText(plan, format);
  const warnings: string[] = [];
  const onWarning = (warning: Error) => void warnings.push(warning.message);
  try {
    return { model: loadPlanText(text, file, { onWarning, ...(checked && { checkedSchemas: checked }) }).model, warnings };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), warnings };
  }
}
