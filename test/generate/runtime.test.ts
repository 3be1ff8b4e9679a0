// Generated SDKs run against a recording client: exact calls, the injected
// event version, the caller's context, and the violations of invalid calls.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Violation } from '@plangen/core';
import { generate } from '../../packages/cli/src/generate/index.js';
import type { GenerateOptions } from '../../packages/cli/src/generate/options.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { REPO_ROOT } from './compile-in-memory.js';

// Inside the repository (ignored by test/generate/.gitignore) so vitest's @plangen/core alias applies.
const TMP = `${REPO_ROOT}test/generate/.tmp-runtime-${process.pid}/`;
const DEVELOPMENT: GenerateOptions = { client: 'analytics-next', mode: 'development', language: 'ts' };

let shop: PlanModel;
beforeAll(async () => {
  shop = (await loadPlan(`${REPO_ROOT}fixtures/shop/plan.yaml`)).model;
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

type Sdk = Record<string, (...args: unknown[]) => void>;

/** Writes the SDK to its own folder, so every import gets a fresh, unconfigured module. */
async function importSdk(folder: string, options: GenerateOptions): Promise<{ sdk: Sdk; paths: string[] }> {
  const files = await generate(shop, options);
  mkdirSync(TMP + folder, { recursive: true });
  for (const file of files) writeFileSync(`${TMP}${folder}/${file.path}`, file.content);
  const entry = options.language === 'js' ? 'index.js' : 'index.ts';
  return { sdk: (await import(`${TMP}${folder}/${entry}`)) as Sdk, paths: files.map((file) => file.path) };
}

function recorder(): { calls: unknown[][]; client: Record<string, (...args: unknown[]) => void> } {
  const calls: unknown[][] = [];
  const record = (method: string) => (...args: unknown[]) => void calls.push([method, ...args]);
  return { calls, client: { track: record('track'), identify: record('identify'), group: record('group'), page: record('page') } };
}

const ORDER_V1 = { order_id: 'ord_1', revenue: 30 };
const ORDER_V2 = {
  order_id: 'ord_2',
  revenue: 42,
  subtotal: 40,
  completed_at: '2026-11-25T10:00:00Z',
  products: [{ product_id: 'prod_1', product_name: 'Shoe', quantity: 1 }],
};

describe('generated analytics-next SDK', () => {
  it('sends the latest and explicit versions with context.protocols.event_version, keeping the caller context', async () => {
    const { sdk } = await importSdk('next', DEVELOPMENT);
    const { calls, client } = recorder();
    const violations: Violation[] = [];
    sdk['configure']!({ analytics: client, onViolation: (violation: Violation) => violations.push(violation) });

    sdk['trackOrderCompleted']!(ORDER_V2);
    sdk['trackOrderCompletedV1']!(ORDER_V1, {
      context: { ip: '10.0.0.1', protocols: { event_version: 7, sourceId: 'web' } },
      integrations: { All: false },
    });
    sdk['identify']!('user_1', { plan: 'plus' });
    sdk['group']!('acme', { name: 'Acme' });
    sdk['page']!('Shop', 'Home', { path: '/' });

    expect(violations).toEqual([]);
    expect(calls).toEqual([
      ['track', 'Order Completed', ORDER_V2, { context: { protocols: { event_version: 2 } } }, undefined],
      [
        'track',
        'Order Completed',
        ORDER_V1,
        { context: { ip: '10.0.0.1', protocols: { event_version: 1, sourceId: 'web' } }, integrations: { All: false } },
        undefined,
      ],
      ['identify', 'user_1', { plan: 'plus' }, undefined, undefined],
      ['group', 'acme', { name: 'Acme' }, undefined, undefined],
      ['page', 'Shop', 'Home', { path: '/' }, undefined, undefined],
    ]);
  });

  it('reports violations with pointers, and the policy decides whether the call is sent', async () => {
    const { sdk } = await importSdk('violations', DEVELOPMENT);
    const { calls, client } = recorder();
    const violations: Violation[] = [];
    sdk['configure']!({ analytics: client, onViolation: (violation: Violation) => violations.push(violation), policy: 'skip' });

    sdk['trackOrderCompletedV1']!({ order_id: 'order-1', revenue: '30', coupon: 'x' });

    expect(calls).toEqual([]);
    expect(violations).toHaveLength(1);
    const [violation] = violations;
    expect({ type: violation!.type, event: violation!.event, version: violation!.version }).toEqual({
      type: 'track',
      event: 'Order Completed',
      version: 1,
    });
    expect(violation!.errors.map((error) => error.pointer).sort()).toEqual(['/properties/coupon', '/properties/order_id', '/properties/revenue']);
    expect(violation!.payload['context']).toEqual({ protocols: { event_version: 1 } });
  });

  it('throws a clear error when called before configure in development', async () => {
    const { sdk } = await importSdk('unconfigured', DEVELOPMENT);
    expect(() => sdk['trackOrderCompletedV1']!(ORDER_V1)).toThrow(
      'plangen: call configure({ analytics }) before tracking "Order Completed" v1.',
    );
  });
});

describe('generated analytics-node SDK', () => {
  it('sends the message with the event and the event version', async () => {
    const { sdk } = await importSdk('node', { ...DEVELOPMENT, client: 'analytics-node' });
    const { calls, client } = recorder();
    const violations: Violation[] = [];
    sdk['configure']!({ analytics: client, onViolation: (violation: Violation) => violations.push(violation) });

    sdk['trackOrderCompletedV1']!({ userId: 'user_1', properties: ORDER_V1, context: { locale: 'de' } });
    sdk['trackOrderCompleted']!({ anonymousId: 'anon_1', properties: ORDER_V2 });

    expect(violations).toEqual([]);
    expect(calls).toEqual([
      ['track', { event: 'Order Completed', userId: 'user_1', properties: ORDER_V1, context: { locale: 'de', protocols: { event_version: 1 } } }, undefined],
      ['track', { event: 'Order Completed', anonymousId: 'anon_1', properties: ORDER_V2, context: { protocols: { event_version: 2 } } }, undefined],
    ]);
  });
});

describe('generated production SDK', () => {
  it('has no validators and sends invalid calls without reporting them', async () => {
    const { sdk, paths } = await importSdk('production', { ...DEVELOPMENT, mode: 'production' });
    expect(paths).toEqual(['index.ts']);
    const { calls, client } = recorder();
    const violations: Violation[] = [];
    sdk['configure']!({ analytics: client, onViolation: (violation: Violation) => violations.push(violation) });

    sdk['trackOrderCompletedV1']!({ order_id: 42 });

    expect(violations).toEqual([]);
    expect(calls).toEqual([['track', 'Order Completed', { order_id: 42 }, { context: { protocols: { event_version: 1 } } }, undefined]]);
  });
});

describe('generated JavaScript SDK', () => {
  it('runs like the TypeScript one', async () => {
    const { sdk, paths } = await importSdk('js', { ...DEVELOPMENT, language: 'js' });
    expect(paths).toEqual(['index.d.ts', 'index.js', 'validators.d.ts', 'validators.js']);
    const { calls, client } = recorder();
    const violations: Violation[] = [];
    sdk['configure']!({ analytics: client, onViolation: (violation: Violation) => violations.push(violation) });

    sdk['trackOrderCompletedV1']!({ order_id: 'ord_1' });

    expect(calls).toEqual([['track', 'Order Completed', { order_id: 'ord_1' }, { context: { protocols: { event_version: 1 } } }, undefined]]);
    expect(violations.map((violation) => violation.errors.map((error) => [error.pointer, error.message]))).toEqual([
      [['/properties/revenue', 'is required']],
    ]);
  });
});
