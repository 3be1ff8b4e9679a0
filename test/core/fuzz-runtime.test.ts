// Property-based: whatever the caller passes, a production wrapper never throws, every track call
// carries its version, and no prototype changes; in development only the chosen policy can throw.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlangenViolationError } from '@plangen/core';
import { createBrowserRuntime, createNodeRuntime, createValidation, type EventSpec } from '@plangen/core/runtime';
import { compile } from './ajv.js';
import { recordingClient } from './recording-client.js';

const RUNS = Number(process.env['PLANGEN_FUZZ_RUNS'] ?? 200);

// JSON-like values plus what JSON cannot hold: BigInt, symbols, functions, __proto__ keys, cycles.
const hostile = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true }),
    fc.constant(Symbol('s')),
    fc.constant(() => 1),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'context', 'protocols', 'event_version', 'total'), tie('value')),
    tie('value').map((inner) => {
      const cyclic: Record<string, unknown> = { inner };
      cyclic['self'] = cyclic;
      return cyclic;
    }),
  ),
})).value;

const spec: EventSpec = {
  event: 'Order Completed',
  version: 2,
  validate: compile({
    type: 'object',
    properties: { total: { type: 'number' }, items: { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } } },
    required: ['total'],
  }),
  validatePayload: compile({ type: 'object', properties: { context: { type: 'object', required: ['protocols'] } } }),
};
const common = compile({ type: 'object', properties: { userId: { type: 'string' } } });

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function prototypesUntouched(): boolean {
  return Object.keys(Object.prototype).length === 0 && Object.getOwnPropertyNames(Object.prototype).every((key) => key !== 'polluted');
}

describe('fuzzed calls', () => {
  it.each(['development', 'production'] as const)('browser runtime in %s mode', (mode) => {
    fc.assert(
      fc.property(hostile, hostile, fc.constantFrom('warn', 'throw', 'skip', 'callback'), (properties, options, policy) => {
        const recorder = recordingClient();
        const runtime = createBrowserRuntime({ mode, validation: createValidation({ common }) });
        runtime.configure({ analytics: recorder.client, policy, onViolation: () => undefined });
        try {
          runtime.track(spec, properties as object, options as never);
          runtime.identify({ type: 'identify', validate: spec.validate }, 'u', properties as object, options as never);
        } catch (error) {
          // Only the throw policy may throw, and only in development.
          if (!(mode === 'development' && policy === 'throw' && error instanceof PlangenViolationError)) throw error;
        }
        const track = recorder.calls.find((call) => call.method === 'track');
        if (track !== undefined) {
          const sent = track.args[2] as { context: { protocols: { event_version: unknown } } };
          expect(sent.context.protocols.event_version).toBe(2);
        }
        if (mode === 'production') expect(recorder.calls).toHaveLength(2);
        expect(prototypesUntouched()).toBe(true);
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });

  it.each(['development', 'production'] as const)('node runtime in %s mode', (mode) => {
    fc.assert(
      fc.property(hostile, hostile, (properties, context) => {
        const recorder = recordingClient();
        const runtime = createNodeRuntime({ mode, validation: createValidation({ common }) });
        runtime.configure({ analytics: recorder.client, onViolation: () => undefined });
        runtime.track(spec, { userId: 'u', properties, context } as never);
        runtime.track(spec, properties as never);
        runtime.group({ type: 'group', validate: spec.validate }, { userId: 'u', groupId: 'g', traits: properties } as never);
        expect(recorder.calls).toHaveLength(3);
        for (const call of recorder.calls.filter((recorded) => recorded.method === 'track')) {
          const sent = call.args[0] as { event: string; context: { protocols: { event_version: unknown } } };
          expect(sent.event).toBe('Order Completed');
          expect(sent.context.protocols.event_version).toBe(2);
        }
        expect(prototypesUntouched()).toBe(true);
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });
});
