// Payloads built to break a runtime: none may escape a wrapper except through the chosen policy,
// production never throws, and no prototype is ever touched.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Violation } from '@plangen/core';
import { createBrowserRuntime, createNodeRuntime, createValidation, type EventSpec } from '@plangen/core/runtime';
import { compile } from './ajv.js';
import { recordingClient } from './recording-client.js';

function throwingGetter(key: string): Record<string, unknown> {
  return Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error(`getter ${key}`);
    },
  });
}

function deep(levels: number): Record<string, unknown> {
  let node: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i++) node = { child: node };
  return node;
}

const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic['self'] = cyclic;

const trapEverything = new Proxy(
  {},
  {
    get() {
      throw new Error('get trap');
    },
    ownKeys() {
      throw new Error('ownKeys trap');
    },
    getOwnPropertyDescriptor() {
      throw new Error('descriptor trap');
    },
    has() {
      throw new Error('has trap');
    },
  },
);

const hostileValues: [string, unknown][] = [
  ['a cyclic object', cyclic],
  ['a BigInt', { total: 10n }],
  ['symbols', { [Symbol('key')]: Symbol('value'), total: Symbol('total') }],
  ['a getter that throws', throwingGetter('total')],
  ['__proto__ keys from JSON', JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')],
  ['10,000-deep nesting', deep(10_000)],
  ['a proxy whose traps throw', trapEverything],
  ['a string', 'properties'],
  ['null', null],
  ['an array', [1, 2, 3]],
  ['a function', () => 1],
];

// Recursive on purpose: walks as deep as the payload goes, so deep and cyclic payloads exhaust the stack.
const recursive: EventSpec = {
  event: 'Tree Built',
  version: 1,
  validate: compile({
    $id: 'tree',
    type: 'object',
    properties: { total: { type: 'number' } },
    additionalProperties: { $ref: 'tree' },
  }),
  validatePayload: compile({ type: 'object', properties: { context: { type: 'object' } } }),
};
const common = compile({ type: 'object', properties: { context: { type: 'object' }, properties: { type: 'object' } } });

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

describe.each(['development', 'production'] as const)('%s mode', (mode) => {
  it.each(hostileValues)('browser wrappers survive %s', (_name, value) => {
    const violations: Violation[] = [];
    const recorder = recordingClient();
    const runtime = createBrowserRuntime({ mode, validation: createValidation({ common }) });
    runtime.configure({ analytics: recorder.client, onViolation: (violation) => violations.push(violation) });
    const options = value as never;
    expect(() => runtime.track(recursive, value as object, options)).not.toThrow();
    expect(() => runtime.track(recursive, {}, options)).not.toThrow();
    expect(() => runtime.identify({ type: 'identify', validate: recursive.validate }, 'u', value as object, options)).not.toThrow();
    expect(() => runtime.group({ type: 'group', validate: recursive.validate }, 'g', value as object, options)).not.toThrow();
    expect(() => runtime.page({ type: 'page', validate: recursive.validate }, 'c', 'n', value as object, options)).not.toThrow();
    expect(() => runtime.screen({ type: 'screen', validate: recursive.validate }, 'c', 'n', value as object, options)).not.toThrow();
    expect(recorder.calls).toHaveLength(6);
    for (const call of recorder.calls.filter((recorded) => recorded.method === 'track')) {
      const sentOptions = call.args[2] as { context: { protocols: { event_version: number } } };
      expect(sentOptions.context.protocols.event_version).toBe(1);
    }
    if (mode === 'production') expect(violations).toEqual([]);
    for (const violation of violations) for (const error of violation.errors) expect(typeof error.message).toBe('string');
  });

  it.each(hostileValues)('node wrappers survive %s', (_name, value) => {
    const recorder = recordingClient();
    const runtime = createNodeRuntime({ mode, validation: createValidation({ common }) });
    runtime.configure({ analytics: recorder.client, onViolation: () => undefined });
    const asProperties = { userId: 'u', properties: value, context: value } as never;
    expect(() => runtime.track(recursive, asProperties)).not.toThrow();
    expect(() => runtime.track(recursive, value as never)).not.toThrow();
    expect(() => runtime.identify({ type: 'identify', validate: recursive.validate }, { userId: 'u', traits: value } as never)).not.toThrow();
    expect(() => runtime.page({ type: 'page', validate: recursive.validate }, value as never)).not.toThrow();
    expect(recorder.calls).toHaveLength(4);
  });
});

describe('what hostile payloads turn into', () => {
  it('a validator that overflows the stack becomes an "exception" violation', () => {
    const violations: Violation[] = [];
    const runtime = createBrowserRuntime({ validation: createValidation() });
    runtime.configure({ analytics: recordingClient().client, onViolation: (violation) => violations.push(violation) });
    runtime.track(recursive, cyclic);
    expect(violations[0]?.errors).toEqual([
      { pointer: '/properties', keyword: 'exception', message: 'could not be validated: the validator threw RangeError: Maximum call stack size exceeded' },
    ]);
  });

  it('a getter that throws during validation becomes an "exception" violation', () => {
    const violations: Violation[] = [];
    const runtime = createNodeRuntime({ validation: createValidation() });
    runtime.configure({ analytics: recordingClient().client, onViolation: (violation) => violations.push(violation) });
    runtime.track(recursive, { userId: 'u', properties: throwingGetter('total') });
    expect(violations[0]?.errors).toEqual([
      { pointer: '/properties', keyword: 'exception', message: 'could not be validated: the validator threw Error: getter total' },
    ]);
  });

  it('the throw policy is the only way out in development', () => {
    const runtime = createBrowserRuntime({ validation: createValidation() });
    runtime.configure({ analytics: recordingClient().client, policy: 'throw' });
    expect(() => runtime.track(recursive, cyclic)).toThrow('could not be validated: the validator threw RangeError');
  });

  it('a hostile context keeps its readable keys and gets the version', () => {
    const recorder = recordingClient();
    const runtime = createBrowserRuntime({ mode: 'production' });
    runtime.configure({ analytics: recorder.client });
    const context = Object.defineProperty({ ip: '1.1.1.1' }, 'secret', {
      enumerable: true,
      get() {
        throw new Error('getter secret');
      },
    });
    runtime.track({ event: 'E', version: 3 }, {}, { context });
    expect(recorder.calls[0]?.args[2]).toEqual({ context: { ip: '1.1.1.1', protocols: { event_version: 3 } } });
  });

  it('__proto__ in options or message stays an own key of the copy', () => {
    const recorder = recordingClient();
    const runtime = createNodeRuntime({ validation: createValidation() });
    runtime.configure({ analytics: recorder.client });
    const message: unknown = JSON.parse('{"userId":"u","__proto__":{"polluted":true},"context":{"__proto__":{"polluted":true}}}');
    runtime.track({ event: 'E', version: 1 }, message as never);
    const sent = recorder.calls[0]?.args[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(sent, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.getPrototypeOf(sent['context'])).toBe(Object.prototype);
    expect(warn).not.toHaveBeenCalled();
  });
});

// Issue 13: in development an exotic argument is a violation, never a TypeError out of the wrapper.
describe('exotic arguments in development are violations, not TypeErrors', () => {
  const revoked = (): object => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const plain: EventSpec = { event: 'E', version: 1, validate: compile({ type: 'object' }) };
  const exotic: [string, () => object, string][] = [
    ['a revoked Proxy', revoked, "TypeError: Cannot perform 'IsArray' on a proxy that has been revoked"],
    ['a Proxy whose traps throw', () => trapEverything, 'Error: ownKeys trap'],
    ['a getter that throws', () => throwingGetter('total'), 'Error: getter total'],
  ];

  function collecting() {
    const violations: Violation[] = [];
    return { violations, settings: { analytics: recordingClient().client, onViolation: (violation: Violation) => violations.push(violation) } };
  }

  it.each(exotic)('%s as analytics-next options (was a TypeError out of the wrapper) is a violation', (_name, make, thrown) => {
    const { violations, settings } = collecting();
    const runtime = createBrowserRuntime({ validation: createValidation() });
    runtime.configure(settings);
    expect(() => runtime.track(plain, {}, make() as never)).not.toThrow();
    expect(violations.map((violation) => violation.errors)).toEqual([
      [{ pointer: '', keyword: 'exception', message: `could not be read: reading the options threw ${thrown}` }],
    ]);
  });

  it.each(exotic)('%s as the analytics-node message (was a TypeError out of the wrapper) is a violation', (_name, make, thrown) => {
    const { violations, settings } = collecting();
    const runtime = createNodeRuntime({ validation: createValidation() });
    runtime.configure(settings);
    expect(() => runtime.track(plain, make() as never)).not.toThrow();
    expect(() => runtime.identify({ type: 'identify', validate: plain.validate }, make() as never)).not.toThrow();
    expect(violations.map((violation) => violation.errors)).toEqual([
      [{ pointer: '', keyword: 'exception', message: `could not be read: reading the message threw ${thrown}` }],
      [{ pointer: '', keyword: 'exception', message: `could not be read: reading the message threw ${thrown}` }],
    ]);
  });

  it.each(exotic)('%s as the analytics-node context (was a TypeError out of the wrapper) is a violation', (_name, make, thrown) => {
    const { violations, settings } = collecting();
    const runtime = createNodeRuntime({ validation: createValidation() });
    runtime.configure(settings);
    expect(() => runtime.track(plain, { userId: 'u', properties: {}, context: make() } as never)).not.toThrow();
    expect(violations.map((violation) => violation.errors)).toEqual([
      [{ pointer: '/context', keyword: 'exception', message: `could not be read: reading the context threw ${thrown}` }],
    ]);
  });

  it.each(exotic)('%s as properties a validator never reads is a violation', (_name, make, thrown) => {
    const { violations, settings } = collecting();
    const runtime = createBrowserRuntime({ validation: createValidation() });
    runtime.configure(settings);
    const accepting: EventSpec = { event: 'E', version: 1, validate: Object.assign(() => true, { errors: null }) };
    expect(() => runtime.track(accepting, make())).not.toThrow();
    expect(violations.map((violation) => violation.errors)).toEqual([
      [{ pointer: '/properties', keyword: 'exception', message: `could not be read: reading the properties threw ${thrown}` }],
    ]);
  });

  it('the throw policy throws a PlangenViolationError for a revoked Proxy, not a TypeError', () => {
    const runtime = createNodeRuntime({ validation: createValidation() });
    runtime.configure({ analytics: recordingClient().client, policy: 'throw' });
    expect(() => runtime.track(plain, revoked() as never)).toThrow(/^plangen: "E" v1 violates the tracking plan:\n {2}\(payload\) could not be read/);
    expect(() => runtime.track(plain, revoked() as never)).toThrow(expect.objectContaining({ name: 'PlangenViolationError' }));
  });
});
