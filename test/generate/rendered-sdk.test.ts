// index.ts's text put together from kept groups of wrappers (rendered-sdk.ts) is
// the template's one render of the whole view: for every golden case, for random
// plans, clients and modes, cold, warm and warm after the plan changed; and a run
// after one event changed prints that event's group only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { CLIENT_KINDS, DEFAULT_GENERATE_OPTIONS, GENERATE_MODES, type GenerateOptions } from '../../packages/cli/src/generate/options.js';
import { render } from '../../packages/cli/src/generate/render.js';
import { groupsOfEvents, renderSdk } from '../../packages/cli/src/generate/rendered-sdk.js';
import { NO_CACHE, type StageCache } from '../../packages/cli/src/generate/stage-cache.js';
import { buildSdkView } from '../../packages/cli/src/generate/view-model.js';
import { loadPlan, loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { planObject, type PlanObject } from '../fuzz/random-plan.js';
import { fuzzParameters } from '../fuzz/runs.js';
import { REPO_ROOT } from './compile-in-memory.js';
import { GOLDEN_CASES } from './golden-cases.js';

const TYPES = 'export interface Placeholder {\n  a?: string;\n}';
const whole = (model: PlanModel, options: GenerateOptions) => render('sdk.ts.hbs', buildSdkView(model, options, TYPES));

/** The cache, and how many groups of wrappers each run printed (stored). */
function countingCache(cache: StageCache): StageCache & { printed: number } {
  const counting = {
    printed: 0,
    memo: cache.memo.bind(cache),
    get: cache.get.bind(cache),
    set(kind: string, input: unknown, value: unknown) {
      if (kind === 'sdk-event-wrappers') counting.printed++;
      cache.set(kind, input, value);
    },
  };
  return counting;
}

function loaded(plan: PlanObject): PlanModel | undefined {
  try {
    return loadPlanText(JSON.stringify(plan), 'plan.json', { onWarning: () => undefined }).model;
  } catch {
    return undefined;
  }
}

function manyEvents(descriptions: readonly string[]): PlanModel {
  const events = Object.fromEntries(
    descriptions.map((description, index) => [`Event ${index}`, { description, schema: { type: 'object', properties: { id: { type: 'string' } }, required: index % 2 ? ['id'] : [] } }]),
  );
  return loadPlanText(JSON.stringify({ name: 'Many', events }), 'plan.json', { onWarning: () => undefined }).model;
}

describe('renderSdk', () => {
  for (const golden of GOLDEN_CASES) {
    it(`${golden.out}: the kept pieces join to the whole render, cold and warm`, async () => {
      const { model } = await loadPlan(`${REPO_ROOT}${golden.plan}`);
      const options = { ...DEFAULT_GENERATE_OPTIONS, ...golden.options };
      const expected = whole(model, options);
      expect(renderSdk(model, options, TYPES, NO_CACHE)).toBe(expected);
      const cache = countingCache(new LayeredCache('plangen@test rendered-sdk', undefined));
      expect(renderSdk(model, options, TYPES, cache)).toBe(expected);
      const cold = cache.printed;
      expect(renderSdk(model, options, TYPES, cache)).toBe(expected);
      expect(cache.printed).toBe(cold);
    });
  }

  it('joins to the whole render on random plans, clients and modes, also warm after the plan changed', () => {
    fc.assert(
      fc.property(planObject(false), planObject(false), fc.constantFrom(...CLIENT_KINDS), fc.constantFrom(...GENERATE_MODES), (first, second, client, mode) => {
        const before = loaded(first);
        const after = loaded(second);
        fc.pre(before !== undefined && after !== undefined);
        const options = { ...DEFAULT_GENERATE_OPTIONS, client, mode };
        const cache = new LayeredCache('plangen@test rendered-sdk', undefined);
        expect(renderSdk(before!, options, TYPES, cache)).toBe(whole(before!, options));
        expect(renderSdk(before!, options, TYPES, cache)).toBe(whole(before!, options));
        expect(renderSdk(after!, options, TYPES, cache)).toBe(whole(after!, options));
        // The same cache under other settings prints what they print.
        const other = { ...options, client: client === 'analytics-node' ? ('analytics-next' as const) : ('analytics-node' as const), mode: mode === 'production' ? ('development' as const) : ('production' as const) };
        expect(renderSdk(after!, other, TYPES, cache)).toBe(whole(after!, other));
      }),
      fuzzParameters(40),
    );
  });

  it('prints again only the group of the event that changed, and nothing when nothing did or a group is kept', () => {
    const descriptions = Array.from({ length: 120 }, (_, index) => `Event number ${index}.`);
    const cache = countingCache(new LayeredCache('plangen@test rendered-sdk', undefined));
    const model = manyEvents(descriptions);
    expect(renderSdk(model, DEFAULT_GENERATE_OPTIONS, TYPES, cache)).toBe(whole(model, DEFAULT_GENERATE_OPTIONS));
    expect(cache.printed).toBeGreaterThan(2);
    // The last edit takes event 93 back to its first text, whose group is kept from the first run.
    for (const [at, description, groups] of [[7, 'Changed.', 1], [93, 'Changed */ too.', 1], [93, 'Event number 93.', 0]] as const) {
      descriptions[at] = description;
      const changed = manyEvents(descriptions);
      const printed = cache.printed;
      expect(renderSdk(changed, DEFAULT_GENERATE_OPTIONS, TYPES, cache)).toBe(whole(changed, DEFAULT_GENERATE_OPTIONS));
      expect(cache.printed - printed).toBe(groups);
    }
    const printed = cache.printed;
    renderSdk(manyEvents(descriptions), DEFAULT_GENERATE_OPTIONS, TYPES, cache);
    expect(cache.printed).toBe(printed);
  });
});

describe('groupsOfEvents', () => {
  it('keeps every event in order, cuts by name alone, and no group is longer than 64', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 300 }), fc.string(), fc.nat(), (names, added, at) => {
        const events = names.map((name, index) => ({ name, index }));
        const groups = groupsOfEvents(events);
        expect(groups.flat()).toEqual(events);
        expect(groups.every((group) => group.length >= 1 && group.length <= 64)).toBe(true);
        // An event added in one group leaves every group before it, and (but for a 64-cut) the ones after, as they were.
        const position = events.length === 0 ? 0 : at % events.length;
        const edited = [...events.slice(0, position), { name: added, index: -1 }, ...events.slice(position)];
        const before = groups.map((group) => group.map((event) => event.index).join());
        const after = groupsOfEvents(edited).map((group) => group.map((event) => event.index).join());
        const firstChanged = before.findIndex((group, index) => group !== after[index]);
        if (firstChanged >= 0) expect(groups.slice(0, firstChanged).flat().length).toBeLessThanOrEqual(position);
      }),
      fuzzParameters(100),
    );
  });

  it('cuts a plan of many events into several groups', () => {
    const groups = groupsOfEvents(Array.from({ length: 500 }, (_, index) => ({ name: `Event ${index}` })));
    expect(groups.length).toBeGreaterThan(500 / 64);
    expect(groups.length).toBeLessThan(500 / 4);
  });
});
