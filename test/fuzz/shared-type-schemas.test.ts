// Types from equal property schemas handed to json-schema-to-typescript as one
// object, with nothing to dereference (share-equal-schemas.ts, emit-types.ts),
// print exactly what one run over unshared copies with `$ref`s prints (the
// oracle, one-run-types.ts): on plans of a few schemas repeated across many
// events, among them the shapes json-schema-to-typescript could print
// differently by place (unions it may collapse, objects it names, index
// signatures, comments it amends).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../packages/cli/src/generate/emit-types.js';
import { typeEntries } from '../../packages/cli/src/generate/type-entries.js';
import { reservedTypeNames } from '../../packages/cli/src/generate/view-model.js';
import { oneRun } from '../generate/one-run-types.js';
import { planOfEvents } from '../generate/plan-of-events.js';
import { fuzzParameters } from './runs.js';

// Few descriptions, so that equal schemas are frequent.
const DESCRIBED = [{}, { description: 'The id.' }, { description: 'The */ id.' }];

const SCHEMAS: readonly unknown[] = [
  { type: 'string' },
  { type: 'string', maxLength: 20, format: 'email' },
  { type: 'string', pattern: '^(fall|winter)$' },
  { type: 'string', enum: ['a', 'b'] },
  { enum: [] },
  { const: 'fixed' },
  { type: ['string', 'null'] },
  { type: ['number', 'null'], minimum: 0 },
  { type: 'integer', minimum: 0, maximum: 9 },
  { type: 'boolean' },
  { type: 'array' },
  { type: 'array', items: { type: 'string', enum: ['x', 'y'] }, minItems: 1 },
  { type: 'array', items: { type: 'array', items: { type: 'number' } } },
  { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
  { anyOf: [{ type: 'string' }, true] },
  { anyOf: [{ type: 'string' }, { type: 'number' }] },
  { type: 'object' },
  { type: 'object', properties: { city: { type: 'string' }, zip: { type: ['string', 'null'] } }, required: ['city'] },
  { type: 'object', additionalProperties: { type: 'string' } },
  { type: 'object', patternProperties: { '^x-': { type: 'string' } } },
  { type: 'string', default: 'none' },
  { description: 'Anything.' },
  {},
];

const property = fc
  .tuple(fc.constantFrom('id', 'tags', 'address', 'status'), fc.constantFrom(...SCHEMAS), fc.constantFrom(...DESCRIBED))
  .map(([name, schema, described]) => [name, { ...(schema as object), ...described }] as const);

describe('equal schemas shared', () => {
  it('print what one run over unshared copies prints', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uniqueArray(property, { minLength: 1, maxLength: 4, selector: ([name]) => name }), { minLength: 2, maxLength: 12 }), async (events) => {
        const plan = planOfEvents(events);
        const entries = typeEntries(plan);
        expect(await emitTypes(entries, reservedTypeNames(plan))).toBe(await oneRun(entries, reservedTypeNames(plan)));
      }),
      fuzzParameters(40),
    );
  }, 120_000);
});
