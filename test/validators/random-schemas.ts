// Seeded random object schemas and values (mulberry32, fixed seed, so failures reproduce), for the
// agreement suite's "random schemas in one module" case: patterns, formats, lengths, bounds, enums,
// nullable types, oneOf, arrays and nested objects.
import type { JsonSchema } from '../../packages/cli/src/model/types.js';

/** mulberry32: a tiny deterministic PRNG, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20261125);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const chance = (probability: number): boolean => next() < probability;

const PATTERNS = ['^ord_', '^(fall|winter|spring)$', '^\\p{Lu}', '\\d{3}', '^[a-z]+$', 'a/b', '^$'];
const FORMATS = ['date-time', 'date', 'email', 'uri', 'uuid', 'ipv4'];
const STRINGS = ['', 'ord_1', 'fall', 'Winter', '123', 'abc', 'a/b', '2024-02-29T10:00:00Z', '2024-02-30', 'ada@example.com', 'https://x.dev', '123e4567-e89b-12d3-a456-426614174000', '10.0.0.1', 'É'];
const NAMES = ['id', 'name', 'total', 'items', 'kind', 'at', 'meta', 'flag'];

function schema(depth: number): JsonSchema {
  const kind = pick(depth > 2 ? ['string', 'number', 'integer', 'boolean', 'enum'] : ['string', 'number', 'integer', 'boolean', 'enum', 'object', 'object', 'array', 'nullable', 'oneOf']);
  switch (kind) {
    case 'string':
      return {
        type: 'string',
        ...(chance(0.4) ? { pattern: pick(PATTERNS) } : {}),
        ...(chance(0.3) ? { format: pick(FORMATS) } : {}),
        ...(chance(0.2) ? { minLength: 1, maxLength: 5 } : {}),
      };
    case 'number':
    case 'integer':
      return { type: kind, ...(chance(0.5) ? { minimum: 0 } : {}), ...(chance(0.3) ? { exclusiveMaximum: 100 } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { enum: [...new Set([pick(STRINGS), pick(STRINGS)]), 1, null] };
    case 'nullable':
      return { type: [pick(['string', 'number', 'object'] as const), 'null'] };
    case 'oneOf':
      return { oneOf: [schema(depth + 1), schema(depth + 1)] };
    case 'array':
      return { type: 'array', items: schema(depth + 1), ...(chance(0.3) ? { minItems: 1 } : {}), ...(chance(0.2) ? { uniqueItems: true } : {}) };
    default:
      return objectSchema(depth);
  }
}

export function objectSchema(depth: number): JsonSchema {
  const names = NAMES.filter(() => chance(0.5));
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, schema(depth + 1)])),
    required: names.filter(() => chance(0.4)),
    ...(chance(0.3) ? { additionalProperties: false } : {}),
  };
}

export function value(depth: number): unknown {
  switch (pick(depth > 2 ? ['string', 'number', 'boolean', 'null'] : ['string', 'number', 'boolean', 'null', 'object', 'object', 'array'])) {
    case 'string':
      return pick(STRINGS);
    case 'number':
      return pick([0, 1, -1, 2.5, 99, 100, 1e3]);
    case 'boolean':
      return chance(0.5);
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: Math.floor(next() * 3) }, () => value(depth + 1));
    default:
      return Object.fromEntries(NAMES.filter(() => chance(0.5)).map((name) => [name, value(depth + 1)]));
  }
}
