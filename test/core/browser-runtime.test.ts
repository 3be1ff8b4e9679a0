import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlangenNotConfiguredError, PlangenViolationError, type AnalyticsNextLike, type Violation } from '@plangen/core';
import { createBrowserRuntime, createValidation, type CallSpec, type EventSpec } from '@plangen/core/runtime';
import { compile } from './ajv.js';
import { recordingClient } from './recording-client.js';

const orderCompletedV2: EventSpec = {
  event: 'Order Completed',
  version: 2,
  validate: compile({
    type: 'object',
    properties: { order_id: { type: 'string', pattern: '^ord_' }, total: { type: 'number' } },
    required: ['order_id', 'total'],
  }),
};
const identifySpec: CallSpec = {
  type: 'identify',
  validate: compile({ type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] }),
};
const groupSpec: CallSpec = { type: 'group', validate: compile({ type: 'object', properties: { plan: { enum: ['free', 'pro'] } } }) };
const pageSpec: CallSpec = { type: 'page', validate: compile({ type: 'object', properties: { path: { type: 'string' } } }) };
const screenSpec: CallSpec = { type: 'screen', validate: compile({ type: 'object', properties: { path: { type: 'string' } } }) };

const invalidOrder = { order_id: 'x1', total: '3' };
const invalidOrderErrors = [
  { pointer: '/properties/order_id', message: 'must match pattern "^ord_"', keyword: 'pattern' },
  { pointer: '/properties/total', message: 'must be number', keyword: 'type' },
];

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { analytics?: unknown }).analytics;
});

function configured(options: { policy?: 'warn' | 'throw' | 'skip' | 'callback'; onViolation?: (v: Violation) => void; validate?: boolean } = {}) {
  const recorder = recordingClient();
  const runtime = createBrowserRuntime({ validation: createValidation() });
  runtime.configure({ analytics: recorder.client, ...options });
  return { runtime, calls: recorder.calls };
}

describe('browser runtime: track', () => {
  it('sends the event with event_version merged into the caller context', () => {
    const { runtime, calls } = configured();
    const callback = () => undefined;
    const options = { integrations: { All: false }, context: { ip: '1.2.3.4', protocols: { event_version: 99, sourceId: 's' } } };
    runtime.track(orderCompletedV2, { order_id: 'ord_1', total: 3 }, options, callback);
    expect(calls).toEqual([
      {
        method: 'track',
        args: [
          'Order Completed',
          { order_id: 'ord_1', total: 3 },
          { integrations: { All: false }, context: { ip: '1.2.3.4', protocols: { event_version: 2, sourceId: 's' } } },
          callback,
        ],
      },
    ]);
    expect(options.context.protocols.event_version).toBe(99);
    expect(warn).not.toHaveBeenCalled();
  });

  it('folds a top-level protocols option into the context, as analytics-next would, keeping the version', () => {
    const { runtime, calls } = configured();
    const options = { protocols: { event_version: 99, sourceId: 's' }, context: { ip: 'x', protocols: { other: 1 } }, anonymousId: 'a' };
    runtime.track(orderCompletedV2, { order_id: 'ord_1', total: 3 }, options);
    expect(calls[0]?.args[2]).toEqual({ context: { ip: 'x', protocols: { event_version: 2, sourceId: 's' } }, anonymousId: 'a' });
    expect(options.protocols).toEqual({ event_version: 99, sourceId: 's' });
  });

  it('sends options holding only the context when the caller gave none', () => {
    const { runtime, calls } = configured();
    runtime.track({ event: 'Signed Out', version: 1 });
    expect(calls).toEqual([{ method: 'track', args: ['Signed Out', undefined, { context: { protocols: { event_version: 1 } } }, undefined] }]);
  });

  it('validates missing properties as an empty object', () => {
    const onViolation = vi.fn();
    const { runtime } = configured({ onViolation });
    runtime.track(orderCompletedV2);
    expect(onViolation).toHaveBeenCalledWith({
      type: 'track',
      event: 'Order Completed',
      version: 2,
      errors: [
        { pointer: '/properties/order_id', message: 'is required', keyword: 'required' },
        { pointer: '/properties/total', message: 'is required', keyword: 'required' },
      ],
      payload: { type: 'track', event: 'Order Completed', properties: {}, context: { protocols: { event_version: 2 } } },
    });
  });

  it('warn (the default without onViolation): prints the violation, then sends', () => {
    const { runtime, calls } = configured();
    runtime.track(orderCompletedV2, invalidOrder);
    expect(warn).toHaveBeenCalledWith(
      'plangen: "Order Completed" v2 violates the tracking plan:\n  /properties/order_id must match pattern "^ord_"\n  /properties/total must be number',
    );
    expect(calls).toHaveLength(1);
  });

  it('warn with onViolation: prints and calls it, then sends', () => {
    const onViolation = vi.fn();
    const { runtime, calls } = configured({ policy: 'warn', onViolation });
    runtime.track(orderCompletedV2, invalidOrder);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(onViolation).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(1);
  });

  it('callback (the default with onViolation): calls it only, then sends', () => {
    const onViolation = vi.fn();
    const { runtime, calls } = configured({ onViolation });
    runtime.track(orderCompletedV2, invalidOrder, { context: { ip: 'x' } });
    expect(onViolation).toHaveBeenCalledWith({
      type: 'track',
      event: 'Order Completed',
      version: 2,
      errors: invalidOrderErrors,
      payload: {
        type: 'track',
        event: 'Order Completed',
        properties: invalidOrder,
        context: { ip: 'x', protocols: { event_version: 2 } },
      },
    });
    expect(warn).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
  });

  it('skip: calls onViolation and sends nothing', () => {
    const onViolation = vi.fn();
    const { runtime, calls } = configured({ policy: 'skip', onViolation });
    runtime.track(orderCompletedV2, invalidOrder);
    expect(onViolation).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skip without onViolation drops the call silently', () => {
    const { runtime, calls } = configured({ policy: 'skip' });
    runtime.track(orderCompletedV2, invalidOrder);
    expect(calls).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('throw: calls onViolation, then throws PlangenViolationError; nothing is sent', () => {
    const seen: string[] = [];
    const { runtime, calls } = configured({ policy: 'throw', onViolation: () => seen.push('onViolation') });
    let thrown: unknown;
    try {
      runtime.track(orderCompletedV2, invalidOrder);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PlangenViolationError);
    expect((thrown as PlangenViolationError).violation.errors).toEqual(invalidOrderErrors);
    expect((thrown as PlangenViolationError).message).toBe(
      'plangen: "Order Completed" v2 violates the tracking plan:\n  /properties/order_id must match pattern "^ord_"\n  /properties/total must be number',
    );
    expect(seen).toEqual(['onViolation']);
    expect(calls).toEqual([]);
  });

  it('valid calls never reach the policy', () => {
    const onViolation = vi.fn();
    const { runtime, calls } = configured({ policy: 'throw', onViolation });
    runtime.track(orderCompletedV2, { order_id: 'ord_1', total: 1 });
    expect(onViolation).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
  });

  it('validate: false sends without validating but still injects the version', () => {
    const validate = Object.assign(vi.fn(() => false), { errors: null });
    const { runtime, calls } = configured({ validate: false, policy: 'throw' });
    runtime.track({ event: 'E', version: 3, validate }, { anything: true });
    expect(validate).not.toHaveBeenCalled();
    expect(calls[0]?.args[2]).toEqual({ context: { protocols: { event_version: 3 } } });
  });

  it('runs the whole-payload and common validators on the payload, pointers from its root', () => {
    const common = compile({
      type: 'object',
      properties: { context: { type: 'object', required: ['app'] }, anonymousId: { type: 'string' } },
      required: ['context'],
    });
    const validatePayload = compile({
      type: 'object',
      properties: { context: { type: 'object', properties: { protocols: { type: 'object', properties: { event_version: { const: 2 } } } } } },
    });
    const onViolation = vi.fn();
    const runtime = createBrowserRuntime({ validation: createValidation({ common }) });
    runtime.configure({ analytics: recordingClient().client, onViolation });
    runtime.track({ ...orderCompletedV2, validatePayload }, { order_id: 'ord_1', total: 1 }, { anonymousId: 7 as unknown as string });
    expect(onViolation.mock.calls[0]?.[0]).toMatchObject({
      errors: [
        { pointer: '/anonymousId', message: 'must be string', keyword: 'type' },
        { pointer: '/context/app', message: 'is required', keyword: 'required' },
      ],
      payload: { anonymousId: 7, context: { protocols: { event_version: 2 } } },
    });
    onViolation.mockClear();
    runtime.track({ ...orderCompletedV2, validatePayload }, { order_id: 'ord_1', total: 1 }, { context: { app: { name: 'shop' } } });
    expect(onViolation).not.toHaveBeenCalled();
  });

  it('turns a validator that throws into a violation with keyword "exception"', () => {
    const onViolation = vi.fn();
    const { runtime, calls } = configured({ onViolation });
    const validate = Object.assign(
      () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      { errors: null },
    );
    runtime.track({ event: 'Deep', version: 1, validate }, {});
    expect(onViolation.mock.calls[0]?.[0].errors).toEqual([
      { pointer: '/properties', keyword: 'exception', message: 'could not be validated: the validator threw RangeError: Maximum call stack size exceeded' },
    ]);
    expect(calls).toHaveLength(1);
  });

  it('reports a validator that fails without errors', () => {
    const onViolation = vi.fn();
    const { runtime } = configured({ onViolation });
    runtime.track({ event: 'E', version: 1, validate: Object.assign(() => false, { errors: null }) }, {});
    expect(onViolation.mock.calls[0]?.[0].errors).toEqual([{ pointer: '/properties', keyword: 'unknown', message: 'is invalid' }]);
  });
});

describe('browser runtime: identify, group, page, screen', () => {
  it('passes the arguments through in analytics-next order', () => {
    const { runtime, calls } = configured();
    const options = { context: { ip: 'x' } };
    runtime.identify(identifySpec, 'u1', { email: 'a@b.co' }, options);
    runtime.group(groupSpec, 'g1', { plan: 'pro' });
    runtime.page(pageSpec, 'Docs', 'Intro', { path: '/docs' }, options);
    runtime.screen(screenSpec, undefined, 'Home', { path: '/' });
    expect(calls).toEqual([
      { method: 'identify', args: ['u1', { email: 'a@b.co' }, options, undefined] },
      { method: 'group', args: ['g1', { plan: 'pro' }, undefined, undefined] },
      { method: 'page', args: ['Docs', 'Intro', { path: '/docs' }, options, undefined] },
      { method: 'screen', args: [undefined, 'Home', { path: '/' }, undefined, undefined] },
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('validates traits under /traits and properties under /properties', () => {
    const violations: Violation[] = [];
    const { runtime } = configured({ onViolation: (v) => violations.push(v) });
    runtime.identify(identifySpec, 'u1', { email: 'nope' }, { context: { ip: 'x' } });
    runtime.group(groupSpec, 'g1', { plan: 'gold' });
    runtime.page(pageSpec, undefined, 'Intro', { path: 1 });
    runtime.screen(screenSpec, 'Cat', undefined, { path: 2 });
    expect(violations).toEqual([
      {
        type: 'identify',
        errors: [{ pointer: '/traits/email', message: 'must match format "email"', keyword: 'format' }],
        payload: { type: 'identify', userId: 'u1', traits: { email: 'nope' }, context: { ip: 'x' } },
      },
      {
        type: 'group',
        errors: [{ pointer: '/traits/plan', message: 'must be one of "free", "pro"', keyword: 'enum' }],
        payload: { type: 'group', groupId: 'g1', traits: { plan: 'gold' } },
      },
      {
        type: 'page',
        errors: [{ pointer: '/properties/path', message: 'must be string', keyword: 'type' }],
        payload: { type: 'page', name: 'Intro', properties: { path: 1 } },
      },
      {
        type: 'screen',
        errors: [{ pointer: '/properties/path', message: 'must be string', keyword: 'type' }],
        payload: { type: 'screen', category: 'Cat', properties: { path: 2 } },
      },
    ]);
  });

  it('skip holds back identify like track', () => {
    const { runtime, calls } = configured({ policy: 'skip' });
    runtime.identify(identifySpec, 'u1', {});
    expect(calls).toEqual([]);
  });

  it('a client without the method is a clear error when that method is used', () => {
    const runtime = createBrowserRuntime({ validation: createValidation() });
    runtime.configure({ analytics: recordingClient(['track']).client });
    expect(() => runtime.identify(identifySpec, 'u1', { email: 'a@b.co' })).toThrow(
      new PlangenNotConfiguredError('plangen: the analytics client has no identify() method, needed by identify().'),
    );
  });
});

describe('browser runtime: before configure()', () => {
  it('throws PlangenNotConfiguredError in development', () => {
    const runtime = createBrowserRuntime({ validation: createValidation() });
    expect(() => runtime.track(orderCompletedV2, { order_id: 'ord_1', total: 1 })).toThrow(PlangenNotConfiguredError);
    expect(() => runtime.track(orderCompletedV2, { order_id: 'ord_1', total: 1 })).toThrow(
      'plangen: call configure({ analytics }) before tracking "Order Completed" v2.',
    );
    expect(() => runtime.page(pageSpec)).toThrow('plangen: call configure({ analytics }) before page().');
  });

  it('drops the call and warns once in production', () => {
    const runtime = createBrowserRuntime({ mode: 'production' });
    runtime.track(orderCompletedV2, {});
    runtime.track(orderCompletedV2, {});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      'plangen: call configure({ analytics }) before tracking "Order Completed" v2. Calls are dropped until then.',
    );
  });

  it('falls back to the analytics-next snippet on globalThis.analytics, read at every call', () => {
    const first = recordingClient();
    const second = recordingClient();
    const runtime = createBrowserRuntime({ validation: createValidation() });
    (globalThis as { analytics?: unknown }).analytics = first.client;
    runtime.track({ event: 'Signed In', version: 1 }, { method: 'sso' });
    (globalThis as { analytics?: unknown }).analytics = second.client;
    runtime.track({ event: 'Signed In', version: 1 }, { method: 'password' });
    expect(first.calls).toEqual([{ method: 'track', args: ['Signed In', { method: 'sso' }, { context: { protocols: { event_version: 1 } } }, undefined] }]);
    expect(second.calls).toHaveLength(1);
  });

  it('validates with the warn policy when sending through the snippet', () => {
    (globalThis as { analytics?: unknown }).analytics = recordingClient().client;
    createBrowserRuntime({ validation: createValidation() }).track(orderCompletedV2, invalidOrder);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('ignores a globalThis.analytics without track()', () => {
    (globalThis as { analytics?: unknown }).analytics = { identify() {} };
    expect(() => createBrowserRuntime({ validation: createValidation() }).track(orderCompletedV2, {})).toThrow(PlangenNotConfiguredError);
  });

  it('prefers the configured client over the snippet', () => {
    const snippet = recordingClient();
    (globalThis as { analytics?: unknown }).analytics = snippet.client;
    const { runtime, calls } = configured();
    runtime.track({ event: 'E', version: 1 });
    expect(calls).toHaveLength(1);
    expect(snippet.calls).toEqual([]);
  });
});

describe('browser runtime: configure()', () => {
  const analytics = recordingClient().client;
  it.each([
    [undefined, 'plangen: configure() needs an options object like { analytics }; got undefined.'],
    [{}, 'plangen: configure({ analytics }) needs your analytics-next instance (or any client with a track(event, properties, options, callback) method); got undefined.'],
    [{ analytics: { identify() {} } }, 'plangen: configure({ analytics }) needs your analytics-next instance (or any client with a track(event, properties, options, callback) method); got an object.'],
    [{ analytics, onViolation: 'log' }, 'plangen: onViolation must be a function; got "log".'],
    [{ analytics, policy: 'ignore' }, 'plangen: unknown violation policy "ignore". Use one of: warn, throw, skip, callback.'],
    [{ analytics, policy: 'callback' }, 'plangen: policy "callback" needs an onViolation function to call.'],
    [{ analytics, validate: 'no' }, 'plangen: validate must be true or false; got "no".'],
  ])('rejects %j', (options, message) => {
    const runtime = createBrowserRuntime({ validation: createValidation() });
    expect(() => runtime.configure(options as never)).toThrow(new TypeError(message));
  });

  it('keeps the previous configuration when a new one is rejected', () => {
    const { runtime, calls } = configured();
    expect(() => runtime.configure({ analytics: null as unknown as AnalyticsNextLike })).toThrow(TypeError);
    runtime.track({ event: 'E', version: 1 });
    expect(calls).toHaveLength(1);
  });

  it('warns instead of throwing in production, and the wrappers then drop calls', () => {
    const runtime = createBrowserRuntime({ mode: 'production' });
    expect(() => runtime.configure({ analytics: undefined as unknown as AnalyticsNextLike })).not.toThrow();
    runtime.track({ event: 'E', version: 1 });
    expect(warn.mock.calls).toEqual([
      ['plangen: configure({ analytics }) needs your analytics-next instance (or any client with a track(event, properties, options, callback) method); got undefined.'],
      ['plangen: call configure({ analytics }) before tracking "E" v1. Calls are dropped until then.'],
    ]);
  });

  it('a later configure() replaces client and policy', () => {
    const first = recordingClient();
    const second = recordingClient();
    const runtime = createBrowserRuntime({ validation: createValidation() });
    runtime.configure({ analytics: first.client, policy: 'skip' });
    runtime.configure({ analytics: second.client });
    runtime.track(orderCompletedV2, invalidOrder);
    expect(first.calls).toEqual([]);
    expect(second.calls).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('browser runtime: production mode', () => {
  it('never runs validators, the common one included', () => {
    const validate = Object.assign(vi.fn(() => false), { errors: null });
    const common = Object.assign(vi.fn(() => false), { errors: null });
    const runtime = createBrowserRuntime({ mode: 'production', validation: createValidation({ common }) });
    const recorder = recordingClient();
    runtime.configure({ analytics: recorder.client, policy: 'throw' });
    runtime.track({ event: 'E', version: 2, validate, validatePayload: validate }, { x: 1 });
    runtime.identify({ type: 'identify', validate }, 'u');
    expect(validate).not.toHaveBeenCalled();
    expect(common).not.toHaveBeenCalled();
    expect(recorder.calls.map((call) => call.method)).toEqual(['track', 'identify']);
  });

  it('never throws, even with validators that throw and payloads they would choke on', () => {
    const throwing = Object.assign(
      () => {
        throw new Error('validator exploded');
      },
      { errors: null },
    );
    const runtime = createBrowserRuntime({ mode: 'production', validation: createValidation({ common: throwing }) });
    const recorder = recordingClient();
    runtime.configure({ analytics: recorder.client, policy: 'throw' });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => runtime.track({ event: 'E', version: 1, validate: throwing, validatePayload: throwing }, cyclic, { context: cyclic })).not.toThrow();
    expect(() => runtime.group({ type: 'group', validate: throwing }, 'g', cyclic)).not.toThrow();
    expect(recorder.calls).toHaveLength(2);
    expect(warn).not.toHaveBeenCalled();
  });

  it('swallows a client that throws and warns once', () => {
    const runtime = createBrowserRuntime({ mode: 'production' });
    runtime.configure({
      analytics: {
        track() {
          throw new Error('network down');
        },
      },
    });
    expect(() => runtime.track({ event: 'E', version: 1 })).not.toThrow();
    expect(() => runtime.track({ event: 'E', version: 1 })).not.toThrow();
    expect(warn.mock.calls).toEqual([['plangen: a call failed and was not sent (further failures are not reported): Error: network down']]);
  });

  it('reports only the first failure, whatever the later errors say', () => {
    let calls = 0;
    const runtime = createBrowserRuntime({ mode: 'production' });
    runtime.configure({
      analytics: {
        track() {
          calls += 1;
          throw new Error(`failure ${calls}`);
        },
      },
    });
    runtime.track({ event: 'E', version: 1 });
    runtime.track({ event: 'E', version: 1 });
    expect(calls).toBe(2);
    expect(warn.mock.calls).toEqual([['plangen: a call failed and was not sent (further failures are not reported): Error: failure 1']]);
  });

  it('survives a console.warn that throws', () => {
    warn.mockImplementation(() => {
      throw new Error('console is gone');
    });
    const runtime = createBrowserRuntime({ mode: 'production' });
    expect(() => runtime.track({ event: 'E', version: 1 })).not.toThrow();
    const development = createBrowserRuntime({ validation: createValidation() });
    development.configure({ analytics: recordingClient().client });
    expect(() => development.track(orderCompletedV2, invalidOrder)).not.toThrow();
  });

  it('lets a client error through in development', () => {
    const runtime = createBrowserRuntime({ validation: createValidation() });
    runtime.configure({
      analytics: {
        track() {
          throw new Error('network down');
        },
      },
    });
    expect(() => runtime.track({ event: 'E', version: 1 })).toThrow('network down');
  });
});
