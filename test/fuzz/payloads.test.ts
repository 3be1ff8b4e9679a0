// Hostile payloads through generated wrappers (the shop SDK, every client, both
// modes) and @plangen/core's helpers: production never throws; development
// reports violations through the policy and throws only PlangenViolationError
// under `policy: 'throw'`; nothing ever touches a prototype.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlangenViolationError, type Violation, type ViolationPolicy } from '@plangen/core';
import { eventVersionOf, resolveEventVersion, toValidationErrors } from '@plangen/core/internal';
import type { CompiledValidatorError } from '@plangen/core/runtime';
import { withEventVersion } from '../../packages/core/src/event-context.js';
import { generate } from '../../packages/cli/src/generate/index.js';
import { CLIENT_KINDS } from '../../packages/cli/src/generate/options.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { REPO_ROOT } from '../generate/compile-in-memory.js';
import { build, hostileRecipe } from './hostile-values.js';
import { fuzzParameters } from './runs.js';

const TMP = `${REPO_ROOT}test/fuzz/.tmp-payloads-${process.pid}/`;
const MODES = ['development', 'production'] as const;
const POLICIES: readonly ViolationPolicy[] = ['warn', 'throw', 'skip', 'callback'];
const OBJECT_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_NAMES = Object.getOwnPropertyNames(Array.prototype).sort();

type Sdk = Record<string, (...args: unknown[]) => void>;
interface Variant {
  readonly name: string;
  readonly mode: (typeof MODES)[number];
  readonly sdk: Sdk;
  readonly wrappers: readonly string[];
}

const variants: Variant[] = [];

beforeAll(async () => {
  const { model } = await loadPlan('fixtures/shop/plan.yaml');
  for (const client of CLIENT_KINDS) {
    for (const mode of MODES) {
      const name = `${client}-${mode}`;
      mkdirSync(`${TMP}${name}`, { recursive: true });
      for (const file of await generate(model, { client, mode, language: 'ts' })) writeFileSync(`${TMP}${name}/${file.path}`, file.content);
      const sdk = (await import(`${TMP}${name}/index.ts`)) as Sdk;
      const wrappers = Object.keys(sdk).filter((key) => key !== 'configure' && typeof sdk[key] === 'function').sort();
      variants.push({ name, mode, sdk, wrappers });
    }
  }
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function expectPrototypesUntouched(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_NAMES);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_NAMES);
}

describe('generated wrappers on hostile payloads', () => {
  it('never throw in production, throw only PlangenViolationError under policy "throw", never drop a call silently', () => {
    expect(variants.map(({ name }) => name)).toHaveLength(CLIENT_KINDS.length * MODES.length);
    const call = fc.record({
      variant: fc.nat(variants.length - 1),
      wrapper: fc.nat(1000),
      policy: fc.constantFrom(...POLICIES),
      args: fc.array(hostileRecipe, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(call, ({ variant: variantIndex, wrapper: wrapperIndex, policy, args }) => {
        const variant = variants[variantIndex]!;
        const wrapper = variant.wrappers[wrapperIndex % variant.wrappers.length]!;
        const sent: unknown[] = [];
        const violations: Violation[] = [];
        const record = (...callArgs: unknown[]) => void sent.push(callArgs);
        variant.sdk['configure']!({
          analytics: { track: record, identify: record, group: record, page: record, screen: record },
          onViolation: (violation: Violation) => violations.push(violation),
          policy,
        });
        let thrown: unknown;
        try {
          variant.sdk[wrapper]!(...args.map(build));
        } catch (error) {
          thrown = error;
        }
        if (variant.mode === 'production' || policy !== 'throw') expect(thrown).toBeUndefined();
        else if (thrown !== undefined) expect(thrown).toBeInstanceOf(PlangenViolationError);
        if (variant.mode === 'production') expect(violations).toEqual([]);
        // Sent, or a violation says why not.
        expect(sent.length + violations.length).toBeGreaterThan(0);
        for (const violation of violations) for (const error of violation.errors) expect(typeof error.message).toBe('string');
        expectPrototypesUntouched();
      }),
      fuzzParameters(300),
    );
  });

  it('never throw in production, whatever configure() was given and whatever the client does', () => {
    const production = variants.filter(({ mode }) => mode === 'production');
    const throwing = () => {
      throw new Error('client failure');
    };
    const CLIENTS: readonly (() => unknown)[] = [
      () => ({ track: throwing, identify: throwing, group: throwing, page: throwing, screen: throwing }),
      () => ({ track: () => undefined }),
      () => ({ track: 'not a function' }),
      () => ({}),
      () => null,
      () => build({ kind: 'special', index: 2 }), // a Proxy whose traps throw
    ];
    const options = fc.oneof(
      hostileRecipe.map((recipe) => () => build(recipe)),
      fc.record({ client: fc.nat(CLIENTS.length - 1), policy: fc.constantFrom(...POLICIES, 'nonsense') }).map(({ client, policy }) => () => ({ analytics: CLIENTS[client]!(), policy })),
    );
    fc.assert(
      fc.property(fc.nat(production.length - 1), fc.nat(1000), options, fc.array(hostileRecipe, { maxLength: 5 }), (variantIndex, wrapperIndex, makeOptions, args) => {
        const variant = production[variantIndex]!;
        const wrapper = variant.wrappers[wrapperIndex % variant.wrappers.length]!;
        expect(() => variant.sdk['configure']!(makeOptions())).not.toThrow();
        expect(() => variant.sdk[wrapper]!(...args.map(build))).not.toThrow();
        expectPrototypesUntouched();
      }),
      fuzzParameters(200),
    );
  });

  it('report a violation for properties that are not an object (analytics-next track wrappers)', () => {
    const variant = variants.find(({ name }) => name === 'analytics-next-development')!;
    const tracks = variant.wrappers.filter((name) => name.startsWith('track'));
    fc.assert(
      fc.property(fc.constantFrom(...tracks), fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.bigInt(), fc.constant(Symbol('s'))), (wrapper, properties) => {
        const violations: Violation[] = [];
        variant.sdk['configure']!({ analytics: { track: () => undefined }, onViolation: (violation: Violation) => violations.push(violation) });
        variant.sdk[wrapper]!(properties);
        expect(violations).toHaveLength(1);
        expect(violations[0]!.errors.length).toBeGreaterThan(0);
      }),
      fuzzParameters(50),
    );
  });
});

describe('@plangen/core helpers on hostile values', () => {
  it('eventVersionOf and resolveEventVersion never throw, and resolve to a version of the event', () => {
    const versions = fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(hostileRecipe, versions, (payload, eventVersions) => {
        const given = eventVersionOf(build(payload));
        const resolved = resolveEventVersion(given, eventVersions);
        expect(eventVersions).toContain(resolved.version);
        if (resolved.reason !== 'explicit') expect(resolved.version).toBe(Math.min(...eventVersions));
        expectPrototypesUntouched();
      }),
      fuzzParameters(300),
    );
  });

  it('withEventVersion always forces the version and never pollutes', () => {
    fc.assert(
      fc.property(hostileRecipe, fc.integer({ min: 1, max: 1000 }), (context, version) => {
        const merged = withEventVersion(build(context), version);
        expect((merged['protocols'] as Record<string, unknown>)['event_version']).toBe(version);
        expect(eventVersionOf({ context: merged })).toBe(version);
        expectPrototypesUntouched();
      }),
      fuzzParameters(300),
    );
  });

  it('toValidationErrors turns any error list into string messages under the base pointer', () => {
    const error = fc.record({
      instancePath: fc.oneof(fc.constant(''), fc.string().map((path) => `/${path}`)),
      keyword: fc.oneof(fc.constantFrom('required', 'type', 'enum', 'pattern', 'additionalProperties', 'format', 'minimum', 'const'), fc.string()),
      params: fc.dictionary(fc.constantFrom('missingProperty', 'type', 'allowedValues', 'pattern', 'additionalProperty', 'format', 'limit', 'comparison', 'allowedValue'), hostileRecipe),
    });
    const built = (recipe: typeof error extends fc.Arbitrary<infer E> ? E : never): CompiledValidatorError => ({
      ...recipe,
      params: Object.fromEntries(Object.entries(recipe.params).map(([key, value]) => [key, build(value)])),
    });
    fc.assert(
      fc.property(fc.option(fc.array(error, { maxLength: 4 })), fc.constantFrom('', '/properties', '/traits'), (errors, base) => {
        const converted = toValidationErrors(errors?.map(built), base);
        // Identical errors are reported once.
        expect(converted.length).toBeLessThanOrEqual(errors?.length ?? 0);
        expect(converted.length > 0).toBe((errors?.length ?? 0) > 0);
        for (const { pointer, message } of converted) {
          expect(typeof message).toBe('string');
          expect(pointer.startsWith(base)).toBe(true);
        }
        expectPrototypesUntouched();
      }),
      fuzzParameters(300),
    );
  });
});
