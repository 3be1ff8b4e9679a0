// Whatever the text, loading either gives a model or throws a PlanError that
// reads `file:line:col: ...` (or `file#pointer: ...`): never a TypeError from
// half-checked data. Mutations are seeded, so every run tries the same cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const FIXTURES = ['shop/plan.yaml', 'shop-json/plan.json', 'segment-public-api/plan.json', 'segment-config-api/plan.json'];
const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, '', 'x', true, [], {}, [1], { a: 1 }, { type: 'strng' }, { $ref: '#/nope' }, '__proto__', { properties: null }];
const ODD_KEYS = ['type', 'version', 'properties', 'items', 'required', 'enum', 'rules', 'versions', 'pattern', ''];
const ODD_TEXT = ['', ':', '{', ']', '"', '\n  ', '- ', '&a ', '*a', '\t', '? '];

function mutateData(value: unknown, random: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  if (typeof value !== 'object' || value === null) return random() < 0.05 ? pick(ODD_VALUES) : value;
  if (random() < 0.02) return pick(ODD_VALUES);
  if (Array.isArray(value)) return value.map((item) => mutateData(item, random));
  const mutated: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (random() < 0.03) continue;
    mutated[random() < 0.01 ? pick(ODD_KEYS) : key] = mutateData(child, random);
  }
  return mutated;
}

describe('loading mutated plans', () => {
  it.each(FIXTURES)('%s: a model or a located PlanError, 100 times', (fixture) => {
    const text = readFileSync(`fixtures/${fixture}`, 'utf8');
    const data: unknown = fixture.endsWith('.json') ? JSON.parse(text) : loadPlanText(text, 'base.yaml') && undefined;
    const random = seeded(fixture.length);
    let errors = 0;
    for (let run = 0; run < 100; run += 1) {
      let mutated: string;
      if (data === undefined || random() < 0.5) {
        const at = Math.floor(random() * text.length);
        mutated = text.slice(0, at) + ODD_TEXT[Math.floor(random() * ODD_TEXT.length)]! + text.slice(at + Math.floor(random() * 5));
      } else {
        mutated = JSON.stringify(mutateData(data, random));
      }
      const file = `case-${run}.yaml`;
      try {
        loadPlanText(mutated, file);
      } catch (error) {
        errors += 1;
        expect(error).toBeInstanceOf(PlanError);
        expect((error as PlanError).message).toMatch(/^case-\d+\.yaml(:\d+:\d+|#\/\S*)?: [^\n]+\.$/);
        expect((error as PlanError).message).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
    }
    // The mutations must actually hit: most of them break the plan.
    expect(errors).toBeGreaterThan(20);
  });
});
