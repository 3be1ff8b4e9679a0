// Random Segment plans, in both formats: Public API (Typewriter 8+ `plan.json`:
// TRACK rules plus IDENTIFY and COMMON) and Config API v1 (Typewriter 7:
// `rules.events`, `rules.identify_traits`, `rules.global`). Hostile event names,
// versions, descriptions and labels; raw JSON Schemas that constrain
// `properties` and sometimes `context`, so whole-payload validators are made too.
import fc from 'fast-check';
import { hostileName, hostileText } from './hostile-text.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const PATTERNS = ['^ord_[a-z0-9]+$', 'fall|winter', '^(x*/|y)$', '</script>', '\u2028', '^\\p{Lu}'];

function merged(parts: fc.Arbitrary<JsonObject>[]): fc.Arbitrary<JsonObject> {
  return fc.tuple(...parts).map((objects) => Object.assign({}, ...objects) as JsonObject);
}

function optional(key: string, value: fc.Arbitrary<Json>): fc.Arbitrary<JsonObject> {
  return fc.option(value, { freq: 2 }).map((chosen) => (chosen === null ? {} : { [key]: chosen }));
}

/** A raw JSON Schema, nested up to `depth` levels. */
function rawSchema(depth: number): fc.Arbitrary<JsonObject> {
  const scalar = fc.oneof(
    merged([fc.constant({ type: 'string' }), optional('pattern', fc.constantFrom(...PATTERNS)), optional('enum', fc.uniqueArray(hostileText, { minLength: 1, maxLength: 3 })), optional('format', fc.constantFrom('date-time', 'email', 'uri'))]),
    merged([fc.constantFrom({ type: 'integer' }, { type: 'number' }, { type: ['number', 'null'] }), optional('minimum', fc.integer({ min: -3, max: 3 }))]),
    fc.constantFrom<JsonObject>({ type: 'boolean' }, { type: 'null' }, {}, { enum: [1, 'one', null, true] }, { const: 'fixed' }),
  );
  const described = (schema: fc.Arbitrary<JsonObject>) => merged([schema, optional('description', hostileText), optional('title', hostileText)]);
  if (depth <= 0) return described(scalar);
  return fc.oneof(
    { arbitrary: described(scalar), weight: 3 },
    { arbitrary: objectSchema(depth - 1), weight: 1 },
    { arbitrary: described(rawSchema(depth - 1).map((items) => ({ type: 'array', items }))), weight: 1 },
    { arbitrary: fc.tuple(rawSchema(depth - 1), rawSchema(depth - 1)).map(([a, b]): JsonObject => ({ anyOf: [a, b] })), weight: 1 },
  );
}

function objectSchema(depth: number): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(fc.uniqueArray(fc.tuple(hostileName, rawSchema(depth)), { maxLength: 4, selector: ([key]) => key }), fc.boolean(), fc.option(fc.boolean()))
    .map(([entries, requireFirst, additional]) => ({
      type: 'object',
      properties: Object.fromEntries(entries),
      ...(requireFirst && entries[0] ? { required: [entries[0][0]] } : {}),
      ...(additional === null ? {} : { additionalProperties: additional }),
    }));
}

/** A rule's whole-payload schema: properties (or traits), sometimes a constrained context. */
function payloadSchema(key: 'properties' | 'traits'): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(objectSchema(2), fc.boolean(), hostileText, fc.uniqueArray(fc.tuple(hostileText, hostileText), { maxLength: 2, selector: ([label]) => label }), fc.boolean())
    .map(([object, withContext, description, labels, recursive]) => {
      // A recursive rule: `children` holds more of the same properties (or traits) object.
      const inner = recursive ? { ...object, properties: { ...(object['properties'] as JsonObject), children: { type: 'array', items: { $ref: `#/properties/${key}` } } } } : object;
      return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        description,
        labels: Object.fromEntries(labels),
        properties: {
          [key]: inner,
          ...(withContext ? { context: { type: 'object', required: ['app'], properties: { app: { type: 'object' } } } } : {}),
        },
      };
    });
}

const trackRules = fc
  .uniqueArray(fc.tuple(hostileName, fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 3, selector: ([key]) => key })
  .chain((events) =>
    fc.tuple(
      ...events.flatMap(([key, versions]) =>
        versions.map((version) => payloadSchema('properties').map((jsonSchema): JsonObject => ({ key, type: 'TRACK', version, jsonSchema }))),
      ),
    ),
  );

export const segmentPlanObject: fc.Arbitrary<JsonObject> = fc
  .tuple(hostileText, trackRules, fc.option(payloadSchema('traits')), fc.option(objectSchema(1)))
  .map(([name, tracks, identify, common]) => ({
    name: name.trim() === '' ? 'Segment plan' : name,
    rules: [
      ...tracks,
      ...(identify ? [{ key: 'identify', type: 'IDENTIFY', version: 1, jsonSchema: identify }] : []),
      ...(common ? [{ key: 'common', type: 'COMMON', version: 1, jsonSchema: common }] : []),
    ],
  }));

/** The same kind of plan in the Config API v1 shape. */
export const segmentConfigPlanObject: fc.Arbitrary<JsonObject> = fc
  .tuple(
    hostileText,
    fc.uniqueArray(fc.tuple(hostileName, fc.integer({ min: 1, max: 5 }), hostileText, payloadSchema('properties')), { minLength: 1, maxLength: 3, selector: ([name, version]) => `${name}\u0000${version}` }),
    fc.option(objectSchema(1)),
    fc.option(objectSchema(1)),
  )
  .map(([name, events, identify, global]) => ({
    name: name.trim() === '' ? 'Segment plan' : name,
    display_name: name,
    rules: {
      events: events.map(([eventName, version, description, rules]) => ({ name: eventName, version, description, rules })),
      ...(identify ? { identify_traits: identify } : {}),
      ...(global ? { global: { rules: global } } : {}),
    },
  }));
