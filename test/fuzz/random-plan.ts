// Random plans in plangen's native format, as plain objects (then YAML or JSON
// text): hostile names and descriptions, random types, nesting, enums,
// patterns and versions, and now and then a mistake the loader must locate.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { hostileName, hostileText } from './hostile-text.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type PlanObject = { [key: string]: Json };

// yaml is a dependency of the CLI package, so it resolves from there.
const requireFromCli = createRequire(new URL('../../packages/cli/package.json', import.meta.url));
const YAML = requireFromCli('yaml') as { stringify(value: unknown, options?: Record<string, unknown>): string };

/** Patterns that compile with the `u` flag, several quoting the code they end up in. */
const PATTERNS = ['^ord_[a-z0-9]+$', 'fall|winter', '^(x*/|y)$', '^(fall|"winter"|`spring`)$', '</script>', '\\$\\{x\\}', '\u2028', '^\\p{L}+$', '.'];
/** Mistakes the loader must report with a location. */
const BROKEN_PATTERNS = ['(', '[z-a]', '\\'];

/** Object built from entries, so `__proto__` stays an own key. */
function objectOf<T extends Json>(entries: readonly (readonly [string, T])[]): { [key: string]: T } {
  return Object.fromEntries(entries) as { [key: string]: T };
}

function uniqueEntries<T>(value: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<[string, T][]> {
  return fc.uniqueArray(fc.tuple(hostileName, value), { maxLength, selector: ([key]) => key });
}

function optional(key: string, value: fc.Arbitrary<Json>): fc.Arbitrary<{ [key: string]: Json }> {
  return fc.option(value, { freq: 2 }).map((chosen) => (chosen === null ? {} : { [key]: chosen }));
}

function merged(parts: fc.Arbitrary<{ [key: string]: Json }>[]): fc.Arbitrary<{ [key: string]: Json }> {
  return fc.tuple(...parts).map((objects) => Object.assign({}, ...objects) as { [key: string]: Json });
}

const common = () =>
  merged([optional('description', hostileText), optional('required', fc.boolean()), optional('nullable', fc.boolean())]);

const stringProperty = (broken: boolean) =>
  merged([
    fc.constant({ type: 'string' }),
    common(),
    optional('enum', fc.uniqueArray(hostileText, { minLength: 1, maxLength: 4 })),
    optional('pattern', fc.constantFrom(...PATTERNS, ...(broken ? BROKEN_PATTERNS : []))),
    optional('minLength', fc.nat(3)),
    optional('maxLength', fc.integer({ min: 3, max: 20 })),
  ]);

const numberProperty = (broken: boolean) =>
  merged([
    fc.constantFrom({ type: 'integer' }, { type: 'number' }),
    common(),
    optional('minimum', fc.integer({ min: -5, max: 5 })),
    optional('maximum', fc.integer({ min: 5, max: 100 })),
  ]);

const scalarProperty = (broken: boolean): fc.Arbitrary<Json> =>
  fc.oneof<fc.Arbitrary<Json>[]>(
    stringProperty(broken),
    numberProperty(broken),
    merged([fc.constantFrom({ type: 'boolean' }, { type: 'date-time' }, { type: 'any' }, { type: ['string', 'integer'] }), common()]),
    ...(broken ? [fc.constantFrom<Json>({ type: 'strng' }, { type: ['string', 'nope'] }, { type: 42 })] : []),
  );

/** A property of the simple notation, nested up to `depth` levels of objects and arrays. */
function property(depth: number, broken: boolean): fc.Arbitrary<Json> {
  if (depth <= 0) return scalarProperty(broken);
  const inner = property(depth - 1, broken);
  return fc.oneof(
    { arbitrary: scalarProperty(broken), weight: 4 },
    {
      arbitrary: merged([
        fc.constant({ type: 'object' }),
        common(),
        uniqueEntries(inner, 3).map((entries) => ({ properties: objectOf(entries) })),
        optional('additionalProperties', fc.boolean()),
      ]),
      weight: 1,
    },
    { arbitrary: merged([fc.constant({ type: 'array' }), common(), inner.map((items) => ({ items }))]), weight: 1 },
  );
}

const properties = (broken: boolean) => uniqueEntries(property(2, broken), 4).map(objectOf);

const labels = uniqueEntries(hostileText, 2).map(objectOf);

function versionList(broken: boolean): fc.Arbitrary<Json[]> {
  const numbers = broken
    ? fc.array(fc.constantFrom(1, 2, 3, 0, 1.5, -1, 2 ** 60, '2'), { minLength: 1, maxLength: 3 })
    : fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 3 });
  return numbers.chain((versions) =>
    fc.tuple(
      ...versions.map((version) =>
        merged([fc.constant({ version }), optional('description', hostileText), optional('labels', labels), properties(broken).map((props) => ({ properties: props }))]),
      ),
    ),
  );
}

function event(broken: boolean): fc.Arbitrary<Json> {
  return merged([
    optional('description', hostileText),
    optional('labels', labels),
    fc.oneof(versionList(broken).map((versions) => ({ versions })), properties(broken).map((props) => ({ properties: props }))),
  ]);
}

/** A native plan; `broken` plans may hold mistakes the loader must report. */
export function planObject(broken: boolean): fc.Arbitrary<PlanObject> {
  return merged([
    hostileText.map((name) => ({ name: broken || name.trim() !== '' ? name : 'x' })),
    optional('description', hostileText),
    uniqueEntries(event(broken), 4).map((entries) => ({ events: objectOf(entries) })),
    optional('identify', properties(broken).map((traits) => ({ traits }))),
    optional('group', properties(broken).map((traits) => ({ traits }))),
    optional('page', properties(broken).map((props) => ({ properties: props }))),
    optional('screen', properties(broken).map((props) => ({ properties: props }))),
  ]);
}

export interface PlanText {
  readonly file: string;
  readonly text: string;
}

/** The plan as a YAML or JSON file's text. */
export function planText(plan: PlanObject, format: 'yaml' | 'json'): PlanText {
  return format === 'json'
    ? { file: 'plan.json', text: JSON.stringify(plan, null, 2) }
    : { file: 'plan.yaml', text: YAML.stringify(plan, { aliasDuplicateObjects: false, lineWidth: 0 }) };
}

/** Wire-name suffixes that turn one event's generated names into another's (`Order Completed V1` -> `trackOrderCompletedV1`). */
export const DERIVING_SUFFIXES = [' V1', ' V2', '2', ' 2', ' V1 2', ' Properties', ' V1 Properties', ' V1 Payload', ' V12', 'V', ' Spec', ' V1 Spec', ' V1 Properties Properties', ' V1 Properties X'];

/** A plan whose event names derive from one another, so their identifiers collide unless the model separates them. */
export function collidingPlanObject(suffixes: readonly string[]): fc.Arbitrary<PlanObject> {
  const event = fc.record({
    versions: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }).map((versions) => versions.map((version) => ({ version, properties: { x: { type: 'object', properties: { properties: { type: 'string' } } }, properties: { type: 'object', properties: { x: { type: 'integer' } } } } }))),
  });
  return fc
    .tuple(fc.constantFrom('Order Completed', 'A', 'identify', 'Page', 'validate'), fc.uniqueArray(fc.constantFrom(...suffixes), { minLength: 1, maxLength: 3 }))
    .chain(([base, chosen]) => fc.tuple(...[base, ...chosen.map((suffix) => base + suffix)].map((name) => event.map((body) => [name, body] as const))))
    .map((events) => ({ name: 'Colliding', events: objectOf(events as unknown as [string, Json][]) }));
}

