// The one `$ref` resolver resolves local references exactly as ajv does (the
// validators are compiled by ajv, so any other reading would make load, types
// and diff disagree with them), and finds the cycles no validator could finish.
import { describe, expect, it } from 'vitest';
import { canonicalRef, findSameValueRefCycle, followRefs, refTokens, resolveLocalRef } from '../../packages/cli/src/schema/resolve-ref.js';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';

const DEFINITIONS = {
  'a/b': { type: 'string' },
  'c~d': { type: 'number' },
  'post code': { type: 'integer' },
  '%41': { type: 'boolean' },
  A: { type: 'null' },
  '': { type: 'array' },
  outer: { definitions: { inner: { type: 'object' } } },
};

/** What ajv makes of the reference: the type its target demands, or 'unresolved'. */
function ajvTarget(ref: string): string {
  const schema = { definitions: DEFINITIONS, properties: { x: { $ref: ref } } };
  try {
    const validate = createAjv().compile(schema);
    for (const [type, value] of [['string', 's'], ['number', 1.5], ['integer', 1], ['boolean', true], ['null', null], ['array', []], ['object', {}]] as const) {
      if (validate({ x: value })) return type;
    }
    return 'nothing';
  } catch {
    return 'unresolved';
  }
}

function ourTarget(ref: string): string {
  const schema = { definitions: DEFINITIONS, properties: { x: { $ref: ref } } };
  const found = resolveLocalRef(schema, ref);
  if (found === undefined) return 'unresolved';
  const type = (found.value as { type?: string }).type;
  return type ?? 'object';
}

describe('resolveLocalRef', () => {
  it.each([
    '#/definitions/a~1b',
    '#/definitions/a%2Fb', // issue 14: the definition "a/b", refused as pointing to nothing
    '#/definitions/a%2fb',
    '#/definitions/c~0d',
    '#/definitions/c%7E0d',
    '#/definitions/post%20code',
    '#/definitions/%2541',
    '#/definitions/%41',
    '#/definitions/',
    '#/definitions/outer/definitions/inner',
    '#/definitions/missing',
  ])('%s resolves as ajv resolves it', (ref) => {
    expect(ourTarget(ref)).toBe(ajvTarget(ref));
  });

  it('reads # and #/ as the root, refuses other documents, anchors and broken percent-encoding', () => {
    expect(refTokens('#')).toEqual([]);
    expect(refTokens('#/')).toEqual([]);
    expect(refTokens('other.json#/definitions/a')).toBe('not-local');
    expect(refTokens('#anchor')).toBe('not-local');
    expect(refTokens('#/definitions/code%')).toBe('bad-encoding');
    expect(resolveLocalRef({ a: 1 }, 'http://example.com/schema#/a')).toBeUndefined();
    // Stricter than ajv, which finds Object.prototype.toString and accepts everything.
    expect(resolveLocalRef({ definitions: {} }, '#/definitions/toString')).toBeUndefined();
  });

  it('writes every spelling of a reference one way', () => {
    expect(canonicalRef('#/definitions/a%2Fb')).toBe('#/definitions/a~1b');
    expect(canonicalRef('#/definitions/a~1b')).toBe('#/definitions/a~1b');
    expect(canonicalRef('#/$defs/post%20code')).toBe('#/$defs/post code');
    expect(canonicalRef('#/')).toBe('#');
  });

  it('follows a chain of references and stops at a cycle instead of looping', () => {
    const root = { definitions: { a: { $ref: '#/definitions/b' }, b: { type: 'string' }, c: { $ref: '#/definitions/d' }, d: { $ref: '#/definitions/c' } } };
    expect(followRefs({ $ref: '#/definitions/a' }, root)).toEqual({ type: 'string' });
    expect(followRefs({ $ref: '#/definitions/c' }, root)).toEqual({ $ref: '#/definitions/c' });
    expect(followRefs({ $ref: '#/nothing' }, root)).toEqual({ $ref: '#/nothing' });
  });
});

describe('findSameValueRefCycle', () => {
  it.each([
    ['two definitions referring to each other', { definitions: { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } } }, '/definitions/b/$ref', ['#/definitions/a', '#/definitions/b', '#/definitions/a']],
    ['a definition referring to itself', { definitions: { a: { $ref: '#/definitions/a' } } }, '/definitions/a/$ref', ['#/definitions/a', '#/definitions/a']],
    ['the root through allOf', { allOf: [{ $ref: '#' }] }, '/allOf/0/$ref', ['#', '#/allOf/0', '#']],
    [
      'a cycle through anyOf and not',
      { definitions: { a: { anyOf: [{ type: 'string' }, { not: { $ref: '#/definitions/a' } }] } } },
      '/definitions/a/anyOf/1/not/$ref',
      ['#/definitions/a', '#/definitions/a/anyOf/1', '#/definitions/a/anyOf/1/not', '#/definitions/a'],
    ],
  ])('finds %s', (_name, schema, at, path) => {
    expect(findSameValueRefCycle(schema)).toEqual({ at, path });
  });

  it.each([
    ['recursion through properties', { definitions: { a: { properties: { b: { $ref: '#/definitions/b' } } }, b: { properties: { a: { $ref: '#/definitions/a' } } } } }],
    ['recursion through items', { definitions: { tree: { type: 'array', items: { $ref: '#/definitions/tree' } } } }],
    ['the root through a property', { properties: { parent: { $ref: '#' } } }],
    ['allOf that reaches a property first', { definitions: { a: { allOf: [{ properties: { next: { $ref: '#/definitions/a' } } }] } } }],
    ['a chain without a cycle', { definitions: { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/c' }, c: { type: 'string' } } }],
  ])('accepts %s', (_name, schema) => {
    expect(findSameValueRefCycle(schema)).toBeUndefined();
  });

  it('walks a long chain of definitions without overflowing the stack', () => {
    const definitions: Record<string, unknown> = {};
    for (let index = 0; index < 20_000; index += 1) definitions[`d${index}`] = { $ref: `#/definitions/d${index + 1}` };
    definitions['d20000'] = { $ref: '#/definitions/d0' };
    expect(findSameValueRefCycle({ definitions })?.at).toBe('/definitions/d20000/$ref');
  });
});

describe('findSameValueRefCycle: only a string $ref in a schema counts', () => {
  it('finds no cycle where "$ref" is only a property name or data, and finds one through a $ref', () => {
    expect(findSameValueRefCycle({ properties: { $ref: { type: 'string' } }, enum: [{ $ref: '#' }] })).toBeUndefined();
    expect(findSameValueRefCycle({ definitions: { a: { allOf: [{ $ref: '#/definitions/a' }] } } })?.path).toEqual(['#/definitions/a', '#/definitions/a/allOf/0', '#/definitions/a']);
  });
});
