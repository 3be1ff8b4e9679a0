// Equal property schemas handed to json-schema-to-typescript as one object
// (share-equal-schemas.ts): which are shared, which are kept apart (those it
// could print differently by place), and none at all when a `$ref` could name
// one. That the printed types never change is the oracle test
// test/fuzz/shared-type-schemas.test.ts, against one run over unshared copies.
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../packages/cli/src/generate/emit-types.js';
import { Placeholders } from '../../packages/cli/src/generate/placeholders.js';
import { shareEqualSchemas } from '../../packages/cli/src/generate/share-equal-schemas.js';
import { typeEntries } from '../../packages/cli/src/generate/type-entries.js';
import { typingDefinitions } from '../../packages/cli/src/generate/typing-definitions.js';
import { reservedTypeNames } from '../../packages/cli/src/generate/view-model.js';
import type { JsonSchema, PlanModel } from '../../packages/cli/src/model/types.js';
import { oneRun } from './one-run-types.js';
import { planOfEvents as planOf } from './plan-of-events.js';

function typing(plan: PlanModel) {
  const placeholders = new Placeholders();
  const definitions = typingDefinitions(typeEntries(plan), reservedTypeNames(plan), placeholders);
  const properties = plan.events.map((event) => definitions[placeholders.type(event.versions[0]!.identifiers.type)]!.properties!);
  return { definitions, properties, key: (name: string) => placeholders.key(name) };
}

describe('equal schemas shared', () => {
  it('make one object of equal primitive property and item schemas, and leave unions and named objects apart', () => {
    const event: [string, unknown][] = [
      ['id', { type: 'string', description: 'The id.' }],
      ['tags', { type: 'array', items: { type: ['string', 'null'], enum: ['a', null] } }],
      ['either', { anyOf: [{ type: 'string' }, true] }],
      ['address', { type: 'object', properties: { city: { type: 'string' } } }],
    ];
    const { definitions, properties, key } = typing(planOf([event, event, [['id', { type: 'string', description: 'Another id.' }]]]));
    expect(shareEqualSchemas(definitions)).toBe(true);
    const [first, second, third] = properties;
    expect(second![key('id')]).toBe(first![key('id')]);
    expect(second![key('tags')]).toBe(first![key('tags')]);
    expect(third![key('id')]).not.toBe(first![key('id')]); // another description
    // A union json-schema-to-typescript collapses to `unknown` where it first meets it, and an object it names.
    for (const name of ['either', 'address']) {
      expect(second![key(name)]).not.toBe(first![key(name)]);
      expect(JSON.stringify(second![key(name)]).replace(/PlangenType\d+/g, '')).toBe(JSON.stringify(first![key(name)]).replace(/PlangenType\d+/g, ''));
    }
    // Inside a named object, equal properties are shared too.
    const city = (properties: typeof first) => (properties![key('address')] as { properties: Record<string, unknown> }).properties[key('city')];
    expect(city(second)).toBe(city(first));
  });

  it('share nothing when a schema holds a $ref, which names an array schema it reaches', async () => {
    const tags = { type: 'array', items: { type: 'string' } };
    const plan = planOf([[['tags', tags], ['again', { $ref: '#/properties/tags' }]], [['tags', tags]]]);
    const { definitions } = typing(plan);
    const before = JSON.stringify(definitions);
    expect(shareEqualSchemas(definitions)).toBe(false);
    expect(JSON.stringify(definitions)).toBe(before);
    const entries = typeEntries(plan);
    expect(await emitTypes(entries, reservedTypeNames(plan))).toBe(await oneRun(entries, reservedTypeNames(plan)));
  });

  it('find a $ref anywhere, also in a value that is no schema (the reference parser follows it there too)', () => {
    const typed = (extra: object): Record<string, JsonSchema> => ({
      A: { type: 'object', title: 'A', properties: { a: { type: 'string' }, b: { type: 'string' } }, ...extra },
    });
    expect(shareEqualSchemas(typed({}))).toBe(true);
    expect(shareEqualSchemas(typed({ default: [{ note: { $ref: '#/plangenTypes/A' } }] }))).toBe(false);
    expect(shareEqualSchemas(typed({ not: { $ref: '#/plangenTypes/A' } }))).toBe(false);
  });
});
