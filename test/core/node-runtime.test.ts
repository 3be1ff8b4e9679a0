import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlangenNotConfiguredError, PlangenViolationError, type Violation } from '@plangen/core';
import { createNodeRuntime, createValidation, type CallSpec, type EventSpec } from '@plangen/core/runtime';
import { compile } from './ajv.js';
import { recordingClient } from './recording-client.js';

const orderCompletedV1: EventSpec = {
  event: 'Order Completed',
  version: 1,
  validate: compile({ type: 'object', properties: { total: { type: 'number' } }, required: ['total'] }),
};
const traitsSpec = (type: 'identify' | 'group'): CallSpec => ({
  type,
  validate: compile({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }),
});
const propertiesSpec = (type: 'page' | 'screen'): CallSpec => ({
  type,
  validate: compile({ type: 'object', properties: { path: { type: 'string' } } }),
});

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function configured(options: { policy?: 'warn' | 'throw' | 'skip' | 'callback'; onViolation?: (v: Violation) => void } = {}) {
  const recorder = recordingClient();
  const runtime = createNodeRuntime({ validation: createValidation() });
  runtime.configure({ analytics: recorder.client, ...options });
  return { runtime, calls: recorder.calls };
}

describe('node runtime: message shapes', () => {
  it('track sends the message with the event and the merged context', () => {
    const { runtime, calls } = configured();
    const callback = () => undefined;
    const timestamp = new Date('2026-01-01T00:00:00Z');
    const message = {
      userId: 'u1',
      properties: { total: 3 },
      context: { ip: '1.2.3.4', protocols: { event_version: 7 } },
      timestamp,
      integrations: { Amplitude: false },
      messageId: 'm1',
    };
    runtime.track(orderCompletedV1, message, callback);
    expect(calls).toEqual([
      {
        method: 'track',
        args: [
          {
            userId: 'u1',
            event: 'Order Completed',
            properties: { total: 3 },
            context: { ip: '1.2.3.4', protocols: { event_version: 1 } },
            timestamp,
            integrations: { Amplitude: false },
            messageId: 'm1',
          },
          callback,
        ],
      },
    ]);
    expect(message.context.protocols.event_version).toBe(7);
    expect(message).not.toHaveProperty('event');
  });

  it('track with an anonymousId and no context', () => {
    const { runtime, calls } = configured();
    runtime.track({ event: 'Signed Out', version: 2 }, { anonymousId: 'a1' });
    expect(calls).toEqual([
      { method: 'track', args: [{ anonymousId: 'a1', event: 'Signed Out', context: { protocols: { event_version: 2 } } }, undefined] },
    ]);
  });

  it('the spec decides the event name, whatever the message says', () => {
    const { runtime, calls } = configured();
    runtime.track({ event: 'Real', version: 1 }, { userId: 'u', event: 'Fake' } as never);
    expect(calls[0]?.args[0]).toMatchObject({ event: 'Real' });
  });

  it('identify, group, page and screen send the message as given', () => {
    const { runtime, calls } = configured();
    const identify = { userId: 'u1', traits: { name: 'Ada' }, context: { ip: 'x' } };
    const group = { anonymousId: 'a1', groupId: 'g1', traits: { name: 'Acme' } };
    const page = { userId: 'u1', name: 'Docs', category: 'Help', properties: { path: '/docs' } };
    const screen = { userId: 'u1', name: 'Home' };
    runtime.identify(traitsSpec('identify'), identify);
    runtime.group(traitsSpec('group'), group);
    runtime.page(propertiesSpec('page'), page);
    runtime.screen(propertiesSpec('screen'), screen);
    expect(calls).toEqual([
      { method: 'identify', args: [identify, undefined] },
      { method: 'group', args: [group, undefined] },
      { method: 'page', args: [page, undefined] },
      { method: 'screen', args: [screen, undefined] },
    ]);
    expect(calls[0]?.args[0]).toBe(identify);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('node runtime: violations', () => {
  it('reports track violations with the payload as sent plus its type', () => {
    const onViolation = vi.fn();
    const { runtime, calls } = configured({ onViolation });
    runtime.track(orderCompletedV1, { userId: 'u1', properties: { total: 'x' } });
    expect(onViolation).toHaveBeenCalledWith({
      type: 'track',
      event: 'Order Completed',
      version: 1,
      errors: [{ pointer: '/properties/total', message: 'must be number', keyword: 'type' }],
      payload: {
        type: 'track',
        userId: 'u1',
        event: 'Order Completed',
        properties: { total: 'x' },
        context: { protocols: { event_version: 1 } },
      },
    });
    expect(calls).toHaveLength(1);
  });

  it('validates traits under /traits and page properties under /properties', () => {
    const violations: Violation[] = [];
    const { runtime } = configured({ onViolation: (v) => violations.push(v) });
    runtime.identify(traitsSpec('identify'), { userId: 'u1' });
    runtime.group(traitsSpec('group'), { userId: 'u1', groupId: 'g', traits: { name: 1 } });
    runtime.page(propertiesSpec('page'), { userId: 'u1', properties: { path: 2 } });
    runtime.screen(propertiesSpec('screen'), { userId: 'u1', properties: { path: 3 } });
    expect(violations.map((v) => [v.type, v.errors, v.payload['type']])).toEqual([
      ['identify', [{ pointer: '/traits/name', message: 'is required', keyword: 'required' }], 'identify'],
      ['group', [{ pointer: '/traits/name', message: 'must be string', keyword: 'type' }], 'group'],
      ['page', [{ pointer: '/properties/path', message: 'must be string', keyword: 'type' }], 'page'],
      ['screen', [{ pointer: '/properties/path', message: 'must be string', keyword: 'type' }], 'screen'],
    ]);
  });

  it('skip sends nothing; throw throws PlangenViolationError before sending', () => {
    const skipping = configured({ policy: 'skip' });
    skipping.runtime.track(orderCompletedV1, { userId: 'u', properties: { total: 'x' } });
    skipping.runtime.identify(traitsSpec('identify'), { userId: 'u', traits: {} });
    expect(skipping.calls).toEqual([]);
    const throwing = configured({ policy: 'throw' });
    expect(() => throwing.runtime.track(orderCompletedV1, { userId: 'u', properties: { total: 'x' } })).toThrow(PlangenViolationError);
    expect(throwing.calls).toEqual([]);
  });

  it('warn prints the violation and sends', () => {
    const { runtime, calls } = configured();
    runtime.track(orderCompletedV1, { userId: 'u', properties: {} });
    expect(warn).toHaveBeenCalledWith('plangen: "Order Completed" v1 violates the tracking plan:\n  /properties/total is required');
    expect(calls).toHaveLength(1);
  });

  it('runs the common validator on every payload', () => {
    const common = compile({ type: 'object', required: ['userId'] });
    const onViolation = vi.fn();
    const runtime = createNodeRuntime({ validation: createValidation({ common }) });
    runtime.configure({ analytics: recordingClient().client, onViolation });
    runtime.track({ event: 'E', version: 1 }, { anonymousId: 'a' });
    runtime.page({ type: 'page' }, { anonymousId: 'a' });
    runtime.track({ event: 'E', version: 1 }, { userId: 'u' });
    expect(onViolation.mock.calls.map(([v]) => [v.type, v.errors])).toEqual([
      ['track', [{ pointer: '/userId', message: 'is required', keyword: 'required' }]],
      ['page', [{ pointer: '/userId', message: 'is required', keyword: 'required' }]],
    ]);
  });
});

describe('node runtime: configuration', () => {
  it('throws before configure() in development, with no globalThis fallback', () => {
    (globalThis as { analytics?: unknown }).analytics = recordingClient().client;
    try {
      const runtime = createNodeRuntime({ validation: createValidation() });
      expect(() => runtime.track(orderCompletedV1, { userId: 'u', properties: { total: 1 } })).toThrow(
        new PlangenNotConfiguredError('plangen: call configure({ analytics }) before tracking "Order Completed" v1.'),
      );
      expect(() => runtime.identify(traitsSpec('identify'), { userId: 'u', traits: { name: 'x' } })).toThrow(
        'plangen: call configure({ analytics }) before identify().',
      );
    } finally {
      delete (globalThis as { analytics?: unknown }).analytics;
    }
  });

  it('drops calls and warns once in production', () => {
    const runtime = createNodeRuntime({ mode: 'production' });
    runtime.track(orderCompletedV1, { userId: 'u', properties: { total: 1 } });
    runtime.track(orderCompletedV1, { userId: 'u', properties: { total: 1 } });
    expect(warn.mock.calls).toEqual([['plangen: call configure({ analytics }) before tracking "Order Completed" v1. Calls are dropped until then.']]);
  });

  it('rejects a client without track()', () => {
    expect(() => createNodeRuntime({ validation: createValidation() }).configure({ analytics: {} as never })).toThrow(
      new TypeError(
        'plangen: configure({ analytics }) needs your @segment/analytics-node Analytics instance (or any client with a track(message, callback) method); got an object.',
      ),
    );
  });

  it('a client without the method is a clear error when that method is used', () => {
    const runtime = createNodeRuntime({ validation: createValidation() });
    runtime.configure({ analytics: recordingClient(['track', 'identify']).client });
    expect(() => runtime.screen(propertiesSpec('screen'), { userId: 'u' })).toThrow(
      new PlangenNotConfiguredError('plangen: the analytics client has no screen() method, needed by screen().'),
    );
  });

  it('calls the client as a method, so class-based clients keep `this`', () => {
    class Client {
      readonly sent: unknown[] = [];
      track(message: unknown) {
        this.sent.push(message);
      }
    }
    const client = new Client();
    const runtime = createNodeRuntime({ validation: createValidation() });
    runtime.configure({ analytics: client });
    runtime.track({ event: 'E', version: 1 }, { userId: 'u' });
    expect(client.sent).toHaveLength(1);
  });
});
