// Values shaped by a JSON Schema: mostly valid payloads (so validators are
// exercised past their first check), plus near misses (a required key dropped,
// an unplanned key added, a wrong type) and arbitrary JavaScript values.
import fc from 'fast-check';
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

type Definition = JsonSchema | boolean | undefined;

const TYPES = ['string', 'integer', 'number', 'boolean', 'null', 'object', 'array'] as const;

/** A value meant to satisfy `schema` (best effort: `$ref`, `not`, `allOf` are not followed). */
function validValue(schema: Definition, depth = 3): fc.Arbitrary<unknown> {
  if (schema === undefined || schema === true) return depth > 0 ? fc.jsonValue({ maxDepth: 2 }) : fc.string();
  if (schema === false) return fc.constant(undefined);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((alternative) => validValue(alternative, depth - 1)));
  const types = schema.type === undefined ? [...TYPES] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return fc.oneof(...types.map((type) => valueOfType(schema, type, depth)));
}

function valueOfType(schema: JsonSchema, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((date) => date.toISOString());
      if (schema.format === 'email') return fc.emailAddress();
      if (typeof schema.pattern === 'string') {
        // Not filtered by length: a pattern and length bounds may admit no string at all, and a miss is a fine payload too.
        return fc.stringMatching(new RegExp(schema.pattern, 'u'));
      }
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, schema.maxLength ?? 10) });
    case 'integer': {
      // Bounds from the plan may exclude every value; then any value will do as a miss.
      const min = Math.ceil(schema.minimum ?? -1000);
      return fc.integer({ min, max: Math.max(min, Math.floor(schema.maximum ?? 1000)) });
    }
    case 'number': {
      const min = schema.minimum ?? -1000;
      return fc.double({ min, max: Math.max(min, schema.maximum ?? 1000), noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth <= 0) return fc.constant([]);
      return fc.array(validValue(Array.isArray(schema.items) ? undefined : schema.items, depth - 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectValue(schema, depth);
    default:
      return fc.anything();
  }
}

function objectValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  if (depth <= 0 && required.size === 0) return fc.constant({});
  return fc.tuple(...properties.map(([key, property]) => fc.tuple(fc.constant(key), required.has(key) ? validValue(property, depth - 1).map((value) => ({ value })) : fc.option(validValue(property, depth - 1).map((value) => ({ value })))))).map((entries) => {
    const value: Record<string, unknown> = {};
    // defineProperty, so a property named __proto__ stays an own key.
    for (const [key, chosen] of entries) if (chosen !== null) Object.defineProperty(value, key, { value: chosen.value, enumerable: true, writable: true, configurable: true });
    return value;
  });
}

/** A valid value with one thing wrong: a required key dropped, an unplanned key added, or a value swapped for another type. */
function nearMiss(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.tuple(validValue(schema), fc.nat(), fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })).map(([value, pick, key, other]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return other;
    const copy: Record<string, unknown> = { ...value };
    const keys = Object.keys(copy);
    const victim = keys[pick % Math.max(1, keys.length)];
    if (pick % 3 === 0 && victim !== undefined) delete copy[victim];
    else if (pick % 3 === 1 || victim === undefined) copy[`${key}_unplanned`] = other;
    else copy[victim] = other;
    return copy;
  });
}

/** What a validator may be handed: schema-shaped values, near misses, anything. */
export function payloadFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: validValue(schema), weight: 3 }, { arbitrary: nearMiss(schema), weight: 2 }, { arbitrary: fc.anything(), weight: 1 });
}
