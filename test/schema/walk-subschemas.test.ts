import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPointer, escapePointerToken, formatPointer, parsePointer, unescapePointerToken } from '../../packages/cli/src/schema/json-pointer.js';
import {
  SUBSCHEMA_KEYWORDS,
  childSubschemas,
  forEachSubschema,
  mapChangedSubschemas,
  mapKeywordSubschemas,
  someSubschema,
  walkSubschemaPaths,
  walkSubschemas,
  type SubschemaKind,
} from '../../packages/cli/src/schema/walk-subschemas.js';

const require = createRequire(import.meta.url);
const ajvDir = require.resolve('ajv').replace(/dist[\\/]ajv\.js$/, 'dist/');
type Json = Record<string, unknown>;
const metaSchema = (path: string): Json => require(`${ajvDir}refs/${path}`) as Json;

/** How a meta-schema's property schema says the keyword holds subschemas, or undefined for data. */
function kindInMetaSchema(property: Json): SubschemaKind | undefined {
  const isRoot = (schema: unknown): boolean => {
    const s = schema as Json;
    return s?.['$ref'] === '#' || s?.['$recursiveRef'] === '#';
  };
  const isSchemaArray = (schema: unknown): boolean => /schemaArray$/.test(String((schema as Json)?.['$ref'] ?? ''));
  if (isRoot(property)) return 'schema';
  if (isSchemaArray(property)) return 'list';
  const anyOf = property['anyOf'] as unknown[] | undefined;
  if (anyOf?.some(isRoot) && anyOf.some(isSchemaArray)) return 'schemaOrList';
  const values = property['additionalProperties'] as Json | undefined;
  if (property['type'] === 'object' && values && (isRoot(values) || (values['anyOf'] as unknown[] | undefined)?.some(isRoot))) return 'map';
  return undefined;
}

function keywordsOf(...schemas: Json[]): Map<string, SubschemaKind> {
  const found = new Map<string, SubschemaKind>();
  for (const schema of schemas) {
    for (const [keyword, property] of Object.entries(schema['properties'] as Record<string, Json>)) {
      const kind = kindInMetaSchema(property);
      if (kind) found.set(keyword, kind);
    }
  }
  return found;
}

describe('walkSubschemas keyword list', () => {
  it('holds every keyword of the draft-07 meta-schema that holds a schema, with its shape', () => {
    const draft07 = keywordsOf(metaSchema('json-schema-draft-07.json'));
    // The derivation itself is checked, so a change in ajv's meta-schema cannot make it find nothing.
    expect([...draft07.keys()].sort()).toEqual(
      ['additionalItems', 'additionalProperties', 'allOf', 'anyOf', 'contains', 'definitions', 'dependencies', 'else', 'if', 'items', 'not', 'oneOf', 'patternProperties', 'properties', 'propertyNames', 'then'],
    );
    for (const [keyword, kind] of draft07) expect([keyword, SUBSCHEMA_KEYWORDS[keyword]]).toEqual([keyword, kind]);
  });

  it('holds every keyword of the 2019-09 meta-schemas that holds a schema, with its shape', () => {
    const names = ['schema.json', 'meta/core.json', 'meta/applicator.json', 'meta/validation.json', 'meta/meta-data.json', 'meta/format.json', 'meta/content.json'];
    const draft2019 = keywordsOf(...names.map((name) => metaSchema(`json-schema-2019-09/${name}`)));
    expect([...draft2019.keys()]).toEqual(expect.arrayContaining(['dependentSchemas', 'unevaluatedItems', 'unevaluatedProperties', '$defs', 'contentSchema']));
    for (const [keyword, kind] of draft2019) expect([keyword, SUBSCHEMA_KEYWORDS[keyword]]).toEqual([keyword, kind]);
  });

  it("holds every applicator keyword ajv compiles (draft-07, 2019-09, 2020-12)", () => {
    const vocabulary = (path: string): { keyword: string | string[] }[] => {
      const loaded = require(`${ajvDir}vocabularies/${path}`) as { default: unknown };
      const value = typeof loaded.default === 'function' ? (loaded.default as (draft2020: boolean) => unknown[])(path.endsWith('2020')) : loaded.default;
      return value as { keyword: string | string[] }[];
    };
    const applicator = require(`${ajvDir}vocabularies/applicator/index.js`) as { default: (draft2020?: boolean) => { keyword: string | string[] }[] };
    const definitions = [
      ...applicator.default(false),
      ...applicator.default(true),
      ...vocabulary('unevaluated/index.js'),
      ...vocabulary('next.js').filter((definition) => definition.keyword === 'dependentSchemas'),
    ];
    const ajvKeywords = definitions.flatMap((definition) => definition.keyword);
    expect(ajvKeywords.length).toBeGreaterThanOrEqual(20);
    expect(ajvKeywords.filter((keyword) => !(keyword in SUBSCHEMA_KEYWORDS))).toEqual([]);
  });
});

describe('walkSubschemas', () => {
  it('visits a subschema under every keyword, with escaped pointers, parents first', () => {
    const leaf = (name: string): Json => ({ title: name });
    const schema = {
      properties: { 'a/b': leaf('p'), '~x': leaf('q') },
      patternProperties: { '^x': leaf('pp') },
      additionalProperties: leaf('ap'),
      propertyNames: leaf('pn'),
      dependencies: { a: ['b'], c: leaf('dep') },
      dependentSchemas: { d: leaf('ds') },
      unevaluatedProperties: leaf('up'),
      items: [leaf('i0'), leaf('i1')],
      prefixItems: [leaf('pi')],
      additionalItems: leaf('ai'),
      contains: leaf('c'),
      unevaluatedItems: leaf('ui'),
      contentSchema: leaf('cs'),
      allOf: [leaf('all')],
      anyOf: [leaf('any')],
      oneOf: [leaf('one')],
      not: { items: leaf('ni') },
      if: leaf('if'),
      then: leaf('then'),
      else: leaf('else'),
      definitions: { d: leaf('def') },
      $defs: { e: leaf('$def') },
      enum: [{ properties: { x: leaf('data') } }],
      const: { not: leaf('data') },
      default: { items: leaf('data') },
      examples: [{ if: leaf('data') }],
    };
    const visited: string[] = [];
    walkSubschemas(schema, (node, pointer) => visited.push(`${pointer} ${String(node['title'] ?? '')}`.trim()));
    expect(visited).toEqual([
      '',
      '/properties/a~1b p',
      '/properties/~0x q',
      '/patternProperties/^x pp',
      '/additionalProperties ap',
      '/propertyNames pn',
      '/dependencies/c dep',
      '/dependentSchemas/d ds',
      '/unevaluatedProperties up',
      '/items/0 i0',
      '/items/1 i1',
      '/prefixItems/0 pi',
      '/additionalItems ai',
      '/contains c',
      '/unevaluatedItems ui',
      '/contentSchema cs',
      '/allOf/0 all',
      '/anyOf/0 any',
      '/oneOf/0 one',
      '/not',
      '/not/items ni',
      '/if if',
      '/then then',
      '/else else',
      '/definitions/d def',
      '/$defs/e $def',
    ]);
  });

  it('reads a property named like a keyword as a property, and ignores prototype member names', () => {
    const schema = { properties: { pattern: { type: 'string' }, not: { type: 'string' } }, constructor: { pattern: 'x' }, toString: { type: 'string' } };
    const visited: string[] = [];
    walkSubschemas(schema, (_node, pointer) => visited.push(pointer));
    expect(visited).toEqual(['', '/properties/pattern', '/properties/not']);
  });

  it('rebuilds a keyword with a function applied to its subschemas, keeping a __proto__ name an own key', () => {
    const properties = JSON.parse('{"__proto__": {"type": "string"}, "a": true}') as Json;
    const rebuilt = mapKeywordSubschemas('properties', properties, (schema, tokens) => ({ ...schema, tokens })) as Json;
    expect(Object.hasOwn(rebuilt, '__proto__')).toBe(true);
    expect(JSON.stringify(rebuilt)).toBe('{"__proto__":{"type":"string","tokens":["__proto__"]},"a":true}');
    expect(mapKeywordSubschemas('dependencies', { a: ['b'] }, () => 'replaced')).toEqual({ a: ['b'] });
    expect(mapKeywordSubschemas('enum', [{ type: 'string' }], () => 'replaced')).toEqual([{ type: 'string' }]);
  });

  it("rebuilds a map as Object.fromEntries of its entries did: same own keys, order, prototype and values", () => {
    // The names a rebuilt map must keep as written: integer-like ones (which objects order first), __proto__, prototype members.
    const name = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '10', '2', 'a', 'b', 'length', '');
    const child = fc.oneof(fc.constant(true), fc.constant(['x']), fc.constant(null), fc.dictionary(name, fc.constant(1), { maxKeys: 2 }));
    const oracle = (value: Json, fn: (schema: Json, tokens: readonly string[]) => unknown): Json =>
      Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item !== null && typeof item === 'object' && !Array.isArray(item) ? fn(item as Json, [key]) : item]));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, child), { maxLength: 8 }), (entries) => {
        // Built as a parsed plan would be: every name an own data property, __proto__ included.
        const map = JSON.parse(`{${entries.map(([key, item]) => `${JSON.stringify(key)}:${JSON.stringify(item)}`).join(',')}}`) as Json;
        const fn = (schema: Json, tokens: readonly string[]) => ({ ...schema, at: tokens });
        const rebuilt = mapKeywordSubschemas('properties', map, fn) as Json;
        const expected = oracle(map, fn);
        expect(Object.getPrototypeOf(rebuilt)).toBe(Object.prototype);
        expect(Reflect.ownKeys(rebuilt)).toEqual(Reflect.ownKeys(expected));
        expect(Object.getOwnPropertyDescriptors(rebuilt)).toEqual(Object.getOwnPropertyDescriptors(expected));
      }),
    );
  });
});

describe('JSON pointers', () => {
  it('escapes ~ before / and unescapes ~1 before ~0 (RFC 6901)', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerToken('~1')).toBe('~01');
    expect(unescapePointerToken('~01')).toBe('~1');
    expect(unescapePointerToken('a~1b~0c')).toBe('a/b~c');
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/0/')).toEqual(['a/b', '0', '']);
    expect(formatPointer(['a/b', 0, ''])).toBe('/a~1b/0/');
  });
});

describe('the walks against mapKeywordSubschemas (what they were built on before they stopped building copies)', () => {
  // Schemas mixing every shape of keyword with values of the wrong shape, data that looks like schemas, and odd names.
  const name = fc.constantFrom('a', 'b/c', '~0', '__proto__', 'constructor', '1', '0', 'type', 'enum');
  const keyword = fc.constantFrom(...Object.keys(SUBSCHEMA_KEYWORDS), 'enum', 'type', 'const', 'default', 'title', 'constructor', '__proto__');
  const schema: fc.Arbitrary<Json> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(true, false, null, 1, 'string', ['string', 'null'] as unknown),
      tie('schema'),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(name, tie('value'), { maxKeys: 3 }),
    ),
    schema: fc.array(fc.tuple(keyword, tie('value')), { maxLength: 4 }).map((entries) =>
      // As JSON.parse builds it: __proto__ an own key.
      JSON.parse(`{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`),
    ),
  })).schema as fc.Arbitrary<Json>;

  const oldChildren = (node: Json) => {
    const children: { keyword: string; tokens: readonly string[]; schema: Json }[] = [];
    for (const [key, value] of Object.entries(node)) mapKeywordSubschemas(key, value, (child, tokens) => children.push({ keyword: key, tokens: [key, ...tokens], schema: child }));
    return children;
  };
  const oldPaths = (node: unknown, tokens: readonly string[], out: [Json, readonly string[]][]): [Json, readonly string[]][] => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return out;
    out.push([node as Json, tokens]);
    for (const child of oldChildren(node as Json)) oldPaths(child.schema, [...tokens, ...child.tokens], out);
    return out;
  };

  it('childSubschemas, walkSubschemaPaths, walkSubschemas and forEachSubschema visit the same subschemas, in the same order, at the same places', () => {
    fc.assert(
      fc.property(schema, (root) => {
        const children = childSubschemas(root);
        expect(children).toEqual(oldChildren(root));
        children.forEach((child, index) => expect(child.schema).toBe(oldChildren(root)[index]!.schema));
        const expected = oldPaths(root, [], []);
        const paths: [Json, readonly string[]][] = [];
        walkSubschemaPaths(root, (node, tokens) => paths.push([node, tokens]));
        expect(paths.map(([, tokens]) => tokens)).toEqual(expected.map(([, tokens]) => tokens));
        paths.forEach(([node], index) => expect(node).toBe(expected[index]![0]));
        const visited: Json[] = [];
        forEachSubschema(root, (node) => visited.push(node));
        expect(visited).toHaveLength(expected.length);
        visited.forEach((node, index) => expect(node).toBe(expected[index]![0]));
        const pointers: string[] = [];
        walkSubschemas(root, (_node, pointer) => pointers.push(pointer));
        expect(pointers).toEqual(expected.map(([, tokens]) => childPointer('', ...tokens)));
      }),
      { numRuns: 300 },
    );
  });

  it('mapChangedSubschemas gives the value itself when no child changed, else what mapKeywordSubschemas gives', () => {
    fc.assert(
      fc.property(schema, fc.func(fc.boolean()), (root, changes) => {
        for (const [key, value] of Object.entries(root)) {
          // Children a rewrite replaces (by a copy) or keeps, decided per child by the random function.
          const fn = (child: Json) => (changes(JSON.stringify(child)) ? { ...child, changed: true } : child);
          const expected = mapKeywordSubschemas(key, value, fn);
          const got = mapChangedSubschemas(key, value, fn);
          const children: Json[] = [];
          mapKeywordSubschemas(key, value, (child) => children.push(child));
          if (children.every((child) => fn(child) === child)) expect(got).toBe(value);
          else expect(got).toEqual(expected);
          if (got !== value && expected !== null && typeof expected === 'object') expect(Reflect.ownKeys(got as object)).toEqual(Reflect.ownKeys(expected));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('someSubschema holds exactly when a visited subschema passes the test, and stops at the first', () => {
    fc.assert(
      fc.property(schema, fc.nat(6), (root, pick) => {
        const visited = oldPaths(root, [], []).map(([node]) => node);
        const target = visited[pick % Math.max(visited.length, 1)];
        const tried: Json[] = [];
        const found = someSubschema(root, (node) => (tried.push(node), node === target));
        expect(found).toBe(target !== undefined);
        expect(tried).toEqual(target === undefined ? [] : visited.slice(0, visited.indexOf(target) + 1));
      }),
      { numRuns: 300 },
    );
  });
});
