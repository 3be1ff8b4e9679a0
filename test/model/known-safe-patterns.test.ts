// generate refuses a plan with a pattern that can hang a validator. A rerun or a
// --watch save analyses only the patterns no earlier run found safe (knownSafe in
// model/plan-patterns.ts, kept in the cache by generate/index.ts): a safe pattern
// is remembered by its text; a finding, or an accepted unsafe pattern, never is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import type { GenerateOptions } from '../../packages/cli/src/generate/options.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { unsafePatterns, type KnownSafeSchemas } from '../../packages/cli/src/model/plan-patterns.js';

const PRODUCTION: GenerateOptions = { client: 'analytics-next', mode: 'production', language: 'ts' };
const plan = (pattern: string) =>
  JSON.stringify({
    name: 'x',
    events: {
      A: { properties: { p: { type: 'string', pattern: '^a+$' } } },
      B: { properties: { q: { type: 'string', pattern } } },
      C: { schema: { type: 'object', properties: { r: { type: 'object', patternProperties: { '^x_': { type: 'string' } } } } } },
    },
  });

function memory(): KnownSafeSchemas & { keys: Set<string>; hits: number } {
  const keys = new Set<string>();
  const set = { keys, hits: 0, has: (key: string) => (keys.has(key) ? (set.hits++, true) : false), add: (key: string) => void keys.add(key) };
  return set;
}

describe('schemas found safe in an earlier run', () => {
  it('are not searched again, and findings are those a full search gives', () => {
    const known = memory();
    const safe = loadPlanText(plan('^b+$'), 'plan.json').model;
    expect(unsafePatterns(safe, [], known)).toEqual([]);
    expect(known.keys.size).toBe(3);
    expect(unsafePatterns(safe, [], known)).toEqual([]);
    expect(known.hits).toBe(3);
    const unsafe = loadPlanText(plan('^(b+)+$'), 'plan.json').model;
    const full = unsafePatterns(unsafe);
    expect(full).toHaveLength(1);
    expect(unsafePatterns(unsafe, [], known)).toEqual(full);
    expect(unsafePatterns(unsafe, [], known)).toEqual(full); // a finding is never remembered
    expect(known.keys.size).toBe(3);
  });

  it('a schema without a pattern keyword is neither searched nor remembered, whatever its text mentions', () => {
    const known = memory();
    const { model } = loadPlanText(
      JSON.stringify({
        name: 'x',
        events: {
          Plain: { properties: { p: { type: 'string' } } },
          Mention: { properties: { p: { type: 'string', description: 'the "pattern": "^(a+)+$" is not a keyword here' } } },
          Unsafe: { properties: { p: { type: 'string', pattern: '^(a+)+$' } } },
        },
      }),
      'plan.json',
    );
    const found = unsafePatterns(model, [], known);
    expect(found).toEqual(unsafePatterns(model));
    expect(found.map((finding) => finding.detail.slice(0, 40))).toEqual(['pattern "^(a+)+$" in event "Unsafe" v1: ']);
    // Patterns are remembered, not schemas: "Mention" has none, and "Unsafe"'s is a finding.
    expect([...known.keys]).toEqual([]);
  });

  it('the accepted list is part of the key: a pattern accepted once is refused again when no longer accepted', () => {
    const known = memory();
    const { model } = loadPlanText(plan('^(b+)+$'), 'plan.json');
    expect(unsafePatterns(model, ['^(b+)+$'], known)).toEqual([]);
    expect(unsafePatterns(model, [], known)).toEqual(unsafePatterns(model));
    expect(unsafePatterns(model, [], known)).toHaveLength(1);
  });

  it('generate with a cache refuses a changed plan with the located error of a generation without one', async () => {
    const cache = new LayeredCache('plangen@test build patterns', undefined);
    const first = loadPlanText(plan('^b+$'), 'plan.json');
    await generate(first.model, PRODUCTION, first.locator, undefined, cache);
    const changed = loadPlanText(plan('^(b+)+$'), 'plan.json');
    const cold = await generate(changed.model, PRODUCTION, changed.locator).catch((error: Error) => error.message);
    expect(cold).toMatch(/^plan\.json:1:\d+: pattern "\^\(b\+\)\+\$" in event "B" v1: /);
    await expect(generate(changed.model, PRODUCTION, changed.locator, undefined, cache)).rejects.toThrow(cold as string);
    await expect(generate(changed.model, { ...PRODUCTION, acceptedPatterns: ['^(b+)+$'] }, changed.locator, undefined, cache)).resolves.toBeDefined();
    await expect(generate(changed.model, PRODUCTION, changed.locator, undefined, cache)).rejects.toThrow(cold as string);
  });
});

describe('patterns found safe in an earlier run', () => {
  it('are not analysed again in a schema whose text changed, and are kept by text', () => {
    const known = memory();
    const before = loadPlanText(plan('^b+$'), 'plan.json').model;
    unsafePatterns(before, [], known);
    expect([...known.keys].sort()).toEqual(['^a+$', '^b+$', '^x_']);
    // B's description changes; its pattern does not: all three are known, nothing is searched.
    const changed = JSON.parse(plan('^b+$')) as { events: { B: { properties: { q: { description?: string } } } } };
    changed.events.B.properties.q.description = 'changed';
    known.hits = 0;
    expect(unsafePatterns(loadPlanText(JSON.stringify(changed), 'plan.json').model, [], known)).toEqual([]);
    expect(known.hits).toBe(3);
  });

  it('give the findings of a search without them, run after run, over random plans and accepted lists', () => {
    const pool = ['^a+$', '^(a+)+$', '^[a-z]{2,8}$', '(x|x)*y', '^x_', '(?<n>a)\\k<n>', '^(\\d+\\.)*\\d+$'];
    const events = fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), fc.array(fc.constantFrom(...pool), { maxLength: 3 }), { maxKeys: 4 });
    const run = fc.tuple(events, fc.subarray(pool));
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 4 }), (runs) => {
        const known = memory();
        for (const [written, acceptedPatterns] of runs) {
          const text = JSON.stringify({
            name: 'x',
            events: Object.fromEntries(
              Object.entries(written).map(([name, patterns]) => [
                name,
                { properties: Object.fromEntries(patterns.map((pattern, index) => [`p${index}`, { type: 'string', pattern }])) },
              ]),
            ),
          });
          const { model } = loadPlanText(text, 'plan.json');
          expect(unsafePatterns(model, acceptedPatterns, known)).toEqual(unsafePatterns(model, acceptedPatterns));
        }
      }),
      { numRuns: 60 },
    );
  });
});
