// The types block compiled in chunks (type-chunks.ts) is, byte for byte, what
// one json-schema-to-typescript run over every type prints (the oracle below is
// that one run, as emit-types.ts did it before chunks): on synthetic plans of
// many chunks, with shared definitions, nested objects and events whose names
// cut chunks; and the cache keeps a chunk under its own numbering, so adding a
// property to one event recompiles one chunk only.
import { describe, expect, it } from 'vitest';
import { LayeredCache } from '../../packages/cli/src/cache/layered-cache.js';
import { emitTypes } from '../../packages/cli/src/generate/emit-types.js';
import { contentDefinedChunks, declarationsOf } from '../../packages/cli/src/generate/type-chunks.js';
import { typeEntries } from '../../packages/cli/src/generate/type-entries.js';
import { reservedTypeNames } from '../../packages/cli/src/generate/view-model.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { oneRun } from './one-run-types.js';

const SYNTHETIC_PLAN = new URL('../../bench/synthetic-plan.mjs', import.meta.url).href;
const { syntheticPlan } = (await import(SYNTHETIC_PLAN)) as { syntheticPlan(count: number, seed: number): { plan: unknown } };

/** A synthetic plan whose events also share a definition and nest objects. */
function plan(count: number, extra?: (rules: { jsonSchema: { properties: { properties: { properties: Record<string, unknown> } } } }[]) => void) {
  const json = syntheticPlan(count, 7).plan as { rules: never[] };
  const rules = json.rules as { jsonSchema: { properties: { properties: Record<string, unknown> } } }[];
  rules.forEach((rule, index) => {
    const properties = rule.jsonSchema.properties.properties as Record<string, unknown> & { properties: Record<string, unknown> };
    if (index % 3 === 0) {
      (rule.jsonSchema as Record<string, unknown>)['definitions'] = {
        address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string', pattern: '^[0-9]{5}$' } } },
      };
      properties.properties['shipping'] = { $ref: '#/definitions/address' };
    }
    if (index % 5 === 0) properties.properties['nested'] = { type: 'object', properties: { inner: { type: 'object', properties: { deep: { type: 'integer' } } } } };
  });
  extra?.(rules as never);
  return loadPlanText(JSON.stringify(json), 'plan.json', { onWarning: () => undefined }).model;
}

describe('types in chunks', () => {
  it('print exactly what one run prints, over many chunks', async () => {
    const model = plan(150);
    const entries = typeEntries(model);
    expect(contentDefinedChunks(entries).length).toBeGreaterThan(3);
    const reserved = reservedTypeNames(model);
    // With a cache, which the chunks serve (without one, the types are compiled in one run).
    const cache = new LayeredCache('plangen@test build type-chunks', undefined);
    expect(await emitTypes(entries, reserved, cache)).toBe(await oneRun(entries, reserved));
    expect(await emitTypes(entries, reserved)).toBe(await oneRun(entries, reserved));
  }, 60_000);

  it('recompile only the chunk of a changed event, and give the same text from the cache', async () => {
    const cache = new LayeredCache('plangen@test build type-chunks', undefined);
    const before = plan(150);
    await emitTypes(typeEntries(before), reservedTypeNames(before), cache);
    const after = plan(150, (rules) => {
      rules[40]!.jsonSchema.properties.properties.properties['added_later'] = { type: 'string', description: 'A new property.' };
    });
    const entries = typeEntries(after);
    const misses = cache.stats.misses;
    const warm = await emitTypes(entries, reservedTypeNames(after), cache);
    expect(cache.stats.misses - misses).toBe(1);
    expect(warm).toBe(await oneRun(entries, reservedTypeNames(after)));
  }, 60_000);

  it('find every declaration with its doc comment, and nothing else', () => {
    const output = ['export type A = string', '/**', ' * doc', ' */', 'export type B = (A | "export x")', '', '/**', ' * iface', ' */', 'export interface C {', '/**', ' * prop', ' */', 'plangenKey1?: A', '}', 'export interface D {', '', '}', ''].join('\n');
    expect(declarationsOf(output).map(({ kind, name, text }) => [kind, name, text.split('\n').length])).toStrictEqual([
      ['type', 'A', 1],
      ['type', 'B', 4],
      ['interface', 'C', 9],
      ['interface', 'D', 3],
    ]);
  });
});
