// shared-subschemas.ts shares nothing in a schema that names a keyword whose meaning depends on where
// the subschema sits ($ref, $id, anchors, $data, unevaluated*, discriminator), found by one search of
// the schema's JSON text for the quoted keyword: every such keyword is found, anywhere in the schema;
// a name that only resembles one ("$refs", "ref") is not, and a string spelled like one only costs sharing.
import { describe, expect, it } from 'vitest';
import { shareRepeatedSubschemas } from '../../packages/cli/src/generate/validators/shared-subschemas.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

const repeated: JsonSchema = { type: 'object', properties: { city: { type: 'string' } } };

/** Three schemas that repeat `repeated`; the last also holds `extra` deep inside. */
function pair(extra: Record<string, unknown>): JsonSchema[] {
  return [
    { type: 'object', properties: { home: repeated } },
    { type: 'object', properties: { office: repeated } },
    { type: 'object', properties: { work: repeated, deep: { type: 'object', properties: { leaf: { type: 'string', ...extra } } } } } as JsonSchema,
  ];
}

const sharedIn = (schemas: JsonSchema[]) => shareRepeatedSubschemas(schemas, 'k', 'plangenShared0x').schemas.map((schema) => JSON.stringify(schema).includes('plangenShared0x'));

const KEYWORDS = ['$ref', '$id', '$anchor', '$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor', '$data', 'unevaluatedProperties', 'unevaluatedItems', 'discriminator'];

describe('which schemas may share subschemas', () => {
  it('none that names a position-dependent keyword, each found anywhere in the schema', () => {
    expect(sharedIn(pair({}))).toEqual([true, true, true]);
    for (const keyword of KEYWORDS) expect(sharedIn(pair({ [keyword]: keyword === '$data' ? '0' : {} })), keyword).toEqual([true, true, false]);
  });

  it('a name that only resembles one does not stop sharing; a string spelled like one does (a text test: it only costs sharing)', () => {
    for (const extra of [{ $refs: 'x' }, { ref: 'x' }, { $identifier: 1 }, { enum: ['$idx', 'discriminators', 'unevaluated'] }]) {
      expect(sharedIn(pair(extra)), JSON.stringify(extra)).toEqual([true, true, true]);
    }
    for (const extra of [{ enum: ['$id'] }, { const: 'discriminator' }]) expect(sharedIn(pair(extra)), JSON.stringify(extra)).toEqual([true, true, false]);
  });

  it('the texts a caller hands over decide, as the schemas themselves would', () => {
    const schemas = pair({ $anchor: 'a' });
    const texts = schemas.map((schema) => JSON.stringify(schema));
    expect(JSON.stringify(shareRepeatedSubschemas(schemas, 'k', 'plangenShared0x', texts))).toBe(JSON.stringify(shareRepeatedSubschemas(schemas, 'k', 'plangenShared0x')));
  });
});
