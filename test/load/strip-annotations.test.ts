// Segment's bookkeeping keywords leave the model's schemas (load/strip-annotations.ts);
// what holds none is shared with the plan's data instead of copied. Oracle: the
// copying implementation it replaced, over the fixtures' rules and random schemas.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAnyType } from '../../packages/cli/src/schema/any-type.js';
import { SEGMENT_ANNOTATION_KEYWORDS } from '../../packages/cli/src/schema/annotation-keywords.js';
import { isSchemaObject, mapKeywordSubschemas, type SchemaObject } from '../../packages/cli/src/schema/walk-subschemas.js';
import { stripAnnotations } from '../../packages/cli/src/load/strip-annotations.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

const ANNOTATIONS = new Set<string>(SEGMENT_ANNOTATION_KEYWORDS);

/** The implementation before sharing: a full copy. */
function copyingStrip(schema: SchemaObject): SchemaObject {
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword, value]) => !ANNOTATIONS.has(keyword) && !(keyword === 'type' && isAnyType(value)))
      .map(([keyword, value]) => [keyword, mapKeywordSubschemas(keyword, value, copyingStrip)]),
  );
}
const reference = (schema: JsonSchema) => (isSchemaObject(schema) ? copyingStrip(schema) : schema);

describe('stripAnnotations', () => {
  it('drops annotations at schema positions only, and shares what holds none', () => {
    const untouched = { type: 'object', properties: { id: { type: 'string' }, key: { type: 'integer' } } };
    const written = {
      labels: { team: 'x' },
      type: 'object',
      properties: { shared: untouched, nested: { type: 'object', id: 'bookkeeping', properties: { a: { type: 'any' } } } },
    } as unknown as JsonSchema;
    const stripped = stripAnnotations(written) as Record<string, any>;
    expect(stripped).toEqual({ type: 'object', properties: { shared: untouched, nested: { type: 'object', properties: { a: {} } } } });
    expect(stripped.properties.shared).toBe(untouched);
    expect((written as Record<string, any>).labels).toEqual({ team: 'x' }); // the plan's data is left as it was
    expect(stripAnnotations(untouched as JsonSchema)).toBe(untouched);
  });

  it('keeps a "__proto__" key a key', () => {
    const written = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string","id":"x"},"b":{"type":"string"}}}') as JsonSchema;
    const stripped = stripAnnotations(written) as Record<string, any>;
    expect(Object.keys(stripped.properties)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(stripped.properties, '__proto__')?.value).toEqual({ type: 'string' });
  });

  it('equals a full copy on every rule of the Segment fixtures', () => {
    for (const file of ['fixtures/typewriter-public-api-reference-plan/plan.json', 'fixtures/segment-shapes/plan.json']) {
      const plan = JSON.parse(readFileSync(file, 'utf8')) as { rules: { jsonSchema: JsonSchema }[] };
      for (const rule of plan.rules) expect(stripAnnotations(rule.jsonSchema)).toEqual(reference(rule.jsonSchema));
    }
  });

  it('equals a full copy on random schemas', () => {
    const keyword = fc.constantFrom('type', 'properties', 'items', 'anyOf', 'definitions', 'not', 'labels', 'id', 'key', 'eventMetadata', 'description', '__proto__', 'enum');
    const schema = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom<unknown>('any', 'string', ['string', 'any'], true, 1, null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(keyword, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(schema, (written) => {
        expect(stripAnnotations(written as JsonSchema)).toEqual(reference(written as JsonSchema));
      }),
    );
  });
});
