// Cutting `properties.properties` out of a whole-payload Segment rule
// (load/payload-schema.ts): `$ref`s into the part are rebased onto its new root,
// and what holds none is shared with the payload schema, not copied.
import { describe, expect, it } from 'vitest';
import { propertiesOfPayload } from '../../packages/cli/src/load/payload-schema.js';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

describe('propertiesOfPayload', () => {
  it('rebases $refs into the part, keeps others, and copies only the objects on the way to a rebased $ref', () => {
    const plain = { type: 'object', properties: { id: { type: 'string' } } };
    const tree = { type: 'array', items: { $ref: '#/properties/properties/properties/node' } };
    const outside = { $ref: '#/definitions/money' };
    const payload = {
      type: 'object',
      definitions: { money: { type: 'number' } },
      properties: { properties: { type: 'object', properties: { plain, node: tree, total: outside, self: { $ref: '#/properties/properties' } } } },
    } as unknown as JsonSchema;
    const part = propertiesOfPayload(payload, 'properties') as Record<string, any>;
    expect(part).toEqual({
      type: 'object',
      properties: { plain, node: { type: 'array', items: { $ref: '#/properties/node' } }, total: outside, self: { $ref: '#' } },
      definitions: { money: { type: 'number' } },
    });
    expect(part.properties.plain).toBe(plain);
    expect(part.properties.total).toBe(outside);
    expect(part.properties.node).not.toBe(tree);
    expect(tree.items.$ref).toBe('#/properties/properties/properties/node'); // the payload is left as it was
  });

  it('keeps a "__proto__" key a key, copied or shared', () => {
    const written = JSON.parse('{"type":"object","properties":{"properties":{"type":"object","properties":{"__proto__":{"type":"string"},"r":{"$ref":"#/properties/properties/properties/__proto__"}}}}}') as JsonSchema;
    const part = propertiesOfPayload(written, 'properties') as Record<string, any>;
    expect(Object.keys(part.properties)).toEqual(['__proto__', 'r']);
    expect(part.properties.r).toEqual({ $ref: '#/properties/__proto__' });
  });
});
