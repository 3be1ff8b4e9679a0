// --client analytics-react-native (issue 19). Type level: an app compiled against the real
// @segment/analytics-react-native 2.24.1 types (examples/react-native-app; skipLibCheck, since React
// Native's own types are not installed) hands configure() what createClient() returns, awaits the
// wrappers' Promises and passes its own enrichment closures; wrong properties and page() do not
// compile. Run time: the generated SDK against a recording client shaped like SegmentClient.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generate } from '../../packages/cli/src/generate/index.js';
import type { GenerateOptions } from '../../packages/cli/src/generate/options.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { REPO_ROOT, typeCheck } from '../generate/compile-in-memory.js';

const RN: GenerateOptions = { client: 'analytics-react-native', mode: 'development', language: 'ts' };
// Inside the repository (test/generate/.gitignore ignores .tmp-*) so vitest's @plangen/core alias applies.
const TMP = `${REPO_ROOT}test/generate/.tmp-react-native-${process.pid}/`;

// identify, group, page and screen: the client has all but page().
const PLAN = `
name: Mobile
identify:
  traits:
    email: { type: string, required: true }
group:
  traits:
    name: { type: string }
page:
  properties:
    section: { type: string }
screen:
  properties:
    tab: { type: string }
events:
  Order Completed:
    versions:
      - version: 1
        properties:
          order_id: { type: string, required: true }
          revenue: { type: number, required: true }
      - version: 2
        properties:
          order_id: { type: string, required: true }
          revenue: { type: number, required: true }
          currency: { type: string, required: true }
`;

let model: PlanModel;
let sdkFiles: Record<string, string>;
beforeAll(async () => {
  model = loadPlanText(PLAN, 'plan.yaml').model;
  sdkFiles = Object.fromEntries((await generate(model, RN)).map((file) => [file.path, file.content]));
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const ORDER_V1 = { order_id: 'ord_1', revenue: 30 };

const APP = `
import { createClient, type EnrichmentClosure } from '@segment/analytics-react-native';
import { configure, identify, screen, trackOrderCompleted, trackOrderCompletedV1 } from './analytics/index.js';
import * as sdk from './analytics/index.js';

const segmentClient = createClient({ writeKey: 'wk' });
configure({ analytics: segmentClient, onViolation: (violation) => console.log(violation.event) });

const sent: Promise<void> = trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30 });
await sent;
const withDevice: EnrichmentClosure = (event) => ({ ...event, context: { ...event.context, device: { id: 'd1' } } });
await trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30 }, withDevice);
await identify('user_1', { email: 'ada@example.com' });
await screen('Home', { tab: 'feed' });

// @ts-expect-error -- revenue is a number in the plan
void trackOrderCompletedV1({ order_id: 'ord_1', revenue: '30' });
// @ts-expect-error -- the latest version requires the currency
void trackOrderCompleted({ order_id: 'ord_1', revenue: 30 });
// @ts-expect-error -- analytics-react-native has no page(), so neither has its SDK
void sdk.page;
// @ts-expect-error -- configure() takes a client, not the write key
configure({ analytics: 'wk' });
`;

describe('the analytics-react-native SDK', () => {
  it('compiles against the real @segment/analytics-react-native types, and rejects drift', () => {
    const base = `${REPO_ROOT}examples/react-native-app/.virtual/`;
    const files = { 'app.ts': APP, 'analytics/index.ts': sdkFiles['index.ts']!, 'analytics/validators.ts': sdkFiles['validators.ts']! };
    // Its declarations import react-native and react, which the example does not install: skipLibCheck.
    expect(typeCheck(files, base, { skipLibCheck: true })).toEqual([]);
  });

  it('still fails to compile when the app calls a wrapper wrongly (the check can fail)', () => {
    const base = `${REPO_ROOT}examples/react-native-app/.virtual/`;
    const broken = `${APP}\nvoid trackOrderCompletedV1({ order_id: 1, revenue: 30 });\n`;
    const files = { 'app.ts': broken, 'analytics/index.ts': sdkFiles['index.ts']!, 'analytics/validators.ts': sdkFiles['validators.ts']! };
    expect(typeCheck(files, base, { skipLibCheck: true }).join('\n')).toMatch(/app\.ts:\d+:\d+: .*number.*string/s);
  });

  it('has no page wrapper, and wrappers return the client’s Promise', () => {
    expect(sdkFiles['index.ts']).not.toMatch(/export function page\(/);
    expect(sdkFiles['index.ts']).toContain('export function screen(name: string, properties?: ScreenProperties, enrichment?: Enrichment): Promise<void> {\n  return runtime.screen(');
  });

  describe('at run time, with a client shaped like SegmentClient', () => {
    type Sdk = Record<string, (...args: unknown[]) => Promise<void> | void>;
    type Closure = (event: Record<string, unknown>) => Record<string, unknown>;

    /** Builds the event as SegmentClient does, runs the enrichment closure on it, then "sends" it, later. */
    function segmentLikeClient() {
      const sent: Record<string, unknown>[] = [];
      const returned: Promise<void>[] = [];
      const deliver = (event: Record<string, unknown>, enrichment?: Closure): Promise<void> => {
        const built = { ...event, context: { app: { name: 'rn-app' } }, messageId: `m${returned.length}` };
        const promise = new Promise<void>((resolve) => setTimeout(() => {
          sent.push(enrichment ? enrichment(built) : built);
          resolve();
        }, 1));
        returned.push(promise);
        return promise;
      };
      return {
        sent,
        returned,
        client: {
          track: (event: string, properties?: object, enrichment?: Closure) => deliver({ type: 'track', event, properties: properties ?? {} }, enrichment),
          identify: (userId?: string, traits?: object, enrichment?: Closure) => deliver({ type: 'identify', userId, traits: traits ?? {} }, enrichment),
          group: (groupId: string, traits?: object, enrichment?: Closure) => deliver({ type: 'group', groupId, traits: traits ?? {} }, enrichment),
          screen: (name: string, properties?: object, enrichment?: Closure) => deliver({ type: 'screen', name, properties: properties ?? {} }, enrichment),
        },
      };
    }

    async function importSdk(folder: string): Promise<Sdk> {
      mkdirSync(TMP + folder, { recursive: true });
      for (const [path, content] of Object.entries(sdkFiles)) writeFileSync(`${TMP}${folder}/${path}`, content);
      return (await import(`${TMP}${folder}/index.ts`)) as Sdk;
    }

    it('returns the very Promise the client returned; the event carries its version after the caller’s enrichment', async () => {
      const sdk = await importSdk('send');
      const { client, sent, returned } = segmentLikeClient();
      sdk['configure']!({ analytics: client });
      const first = sdk['trackOrderCompletedV1']!(ORDER_V1);
      expect(first).toBe(returned[0]);
      expect(sent).toEqual([]); // not delivered until awaited
      await first;
      const callerContext: Closure = (event) => ({ ...event, context: { ...(event['context'] as object), protocols: { event_version: 99, source: 'app' }, device: { id: 'd1' } } });
      await sdk['trackOrderCompletedV1']!(ORDER_V1, callerContext);
      await sdk['identify']!('user_1', { email: 'ada@example.com' });
      await sdk['screen']!('Home', { tab: 'feed' });
      expect(sent).toEqual([
        { type: 'track', event: 'Order Completed', properties: ORDER_V1, context: { app: { name: 'rn-app' }, protocols: { event_version: 1 } }, messageId: 'm0' },
        {
          type: 'track',
          event: 'Order Completed',
          properties: ORDER_V1,
          // the caller's keys are kept, event_version is forced to the wrapper's version
          context: { app: { name: 'rn-app' }, protocols: { event_version: 1, source: 'app' }, device: { id: 'd1' } },
          messageId: 'm1',
        },
        { type: 'identify', userId: 'user_1', traits: { email: 'ada@example.com' }, context: { app: { name: 'rn-app' } }, messageId: 'm2' },
        { type: 'screen', name: 'Home', properties: { tab: 'feed' }, context: { app: { name: 'rn-app' } }, messageId: 'm3' },
      ]);
    });

    it('an invalid call: the throw policy throws and sends nothing; skip resolves without sending', async () => {
      const sdk = await importSdk('violations');
      const { client, sent } = segmentLikeClient();
      sdk['configure']!({ analytics: client, policy: 'throw' });
      expect(() => sdk['trackOrderCompletedV1']!({ order_id: 'nope', revenue: 'x' })).toThrow(/PlangenViolationError|revenue/);
      sdk['configure']!({ analytics: client, policy: 'skip' });
      await expect(sdk['trackOrderCompletedV1']!({ order_id: 'nope', revenue: 'x' })).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(sent).toEqual([]);
    });

    it('production: a failing client or a missing configure() never throws; the wrapper returns a resolved Promise', async () => {
      mkdirSync(`${TMP}production`, { recursive: true });
      for (const file of await generate(model, { ...RN, mode: 'production' })) writeFileSync(`${TMP}production/${file.path}`, file.content);
      const sdk = (await import(`${TMP}production/index.ts`)) as Sdk;
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await expect(sdk['trackOrderCompletedV1']!(ORDER_V1)).resolves.toBeUndefined();
      sdk['configure']!({ analytics: { track: () => { throw new Error('native module missing'); } } });
      await expect(sdk['trackOrderCompletedV1']!(ORDER_V1)).resolves.toBeUndefined();
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining('call configure({ analytics }) before tracking "Order Completed" v1'),
        expect.stringContaining('native module missing'),
      ]);
      warn.mockRestore();
    });

    it('before configure(), a development wrapper throws PlangenNotConfiguredError', async () => {
      const sdk = await importSdk('unconfigured');
      expect(() => sdk['trackOrderCompletedV1']!(ORDER_V1)).toThrow(/configure/);
    });
  });
});
