// Recorded Segment /v1/batch bodies are read as the messages they hold, each located inside its
// body, with the body's context and integrations applied (issue 12: each body was one malformed line).
import { Readable } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { batchMessages } from '../../packages/cli/src/validate/batch-body.js';
import { validatePayloadFiles } from '../../packages/cli/src/validate/validate-payloads.js';
import { sdkValidators } from './sdk-validators.js';

const PLAN = path.relative(process.cwd(), fileURLToPath(new URL('cases/plan.yaml', import.meta.url)));
let model: PlanModel;
let validators: ReturnType<typeof sdkValidators>;
beforeAll(async () => {
  model = (await loadPlan(PLAN)).model;
  validators = sdkValidators(model);
});

const validate = (text: string) => validatePayloadFiles(model, ['-'], { stdin: Readable.from([Buffer.from(text)]), validators });

const valid = { type: 'track', event: 'Order Completed', messageId: 'm1', properties: { order_id: 'o' } };
const invalid = { type: 'track', event: 'Order Completed', messageId: 'm2', properties: {} };
const body = (batch: unknown[], extra: object = {}) => JSON.stringify({ batch, sentAt: '2026-01-01T00:00:00Z', ...extra });

describe('Segment batch bodies', () => {
  it('a JSON Lines file of batch bodies was one malformed entry per line: each message is checked and located in its body', async () => {
    const report = await validate(`${body([valid, invalid])}\n${JSON.stringify(valid)}\n${body([invalid, valid, { type: 'track', event: 'Nope', messageId: 'm' }])}\n`);
    // Order Completed has two versions and these name none: all five fall back to v1.
    expect(report.totals).toEqual({ payloads: 6, valid: 3, invalid: 2, unplannedEvents: 1, malformed: 0, versionFallbacks: 5 });
    expect(report.violations).toMatchObject([{ path: '/properties/order_id', message: 'is required', count: 2, example: { location: 'stdin:1#/batch/1' } }]);
    expect(report.unplannedEvents).toEqual([{ event: 'Nope', count: 1, example: { location: 'stdin:3#/batch/2' } }]);
  });

  it('a single body file, and a JSON array of bodies, are read the same way', async () => {
    expect((await validate(body([valid, invalid]))).violations[0]?.example.location).toBe('stdin:1#/batch/1');
    const array = await validate(`[${body([valid])},${body([valid, invalid])}]`);
    expect(array.totals).toMatchObject({ payloads: 3, valid: 2, invalid: 1 });
    expect(array.violations[0]?.example.location).toBe('stdin#/1/batch/1');
  });

  it('the body\'s context and integrations apply to every message; the message\'s own keys win', () => {
    const messages = batchMessages(
      JSON.parse(body([{ type: 'identify', context: { ip: '1.1.1.1' }, integrations: { All: false } }, { type: 'alias' }], { context: { ip: '2.2.2.2', library: { name: 'x' } }, integrations: { All: true, Amplitude: false } })),
    );
    expect(messages).toEqual([
      { type: 'identify', context: { ip: '1.1.1.1', library: { name: 'x' } }, integrations: { All: false, Amplitude: false } },
      { type: 'alias', context: { ip: '2.2.2.2', library: { name: 'x' } }, integrations: { All: true, Amplitude: false } },
    ]);
  });

  it('a batch-level context reaches the plan\'s payload schema (a required messageId is still the message\'s own)', async () => {
    const report = await validate(body([{ type: 'alias' }], { context: { messageId: 'not here' } }));
    expect(report.violations).toMatchObject([{ type: 'alias', path: '/messageId', message: 'is required', example: { location: 'stdin:1#/batch/0' } }]);
  });

  it('an object with "type" or without an array "batch" is a message, not a body', () => {
    expect(batchMessages({ type: 'track', batch: [] })).toBeUndefined();
    expect(batchMessages({ batch: 'x' })).toBeUndefined();
    expect(batchMessages(JSON.parse('{"batch":[{"type":"alias"}],"context":{"__proto__":{"polluted":true}}}'))).toEqual([
      JSON.parse('{"type":"alias","context":{"__proto__":{"polluted":true}}}'),
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
