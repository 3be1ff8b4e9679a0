// Compile-time contracts of the client and message types (checked by `tsc` over test/), plus a
// run of the shapes that must type-check.
import { describe, expect, it } from 'vitest';
import { createBrowserRuntime, createNodeRuntime } from '@plangen/core/runtime';
import {
  type AnalyticsNextLike,
  type AnalyticsNodeLike,
  type Callback,
  type NodeGroupMessage,
  type NodeIdentifyMessage,
  type NodePageMessage,
  type NodeTrackMessage,
} from '@plangen/core';

interface OrderProperties {
  total: number;
  coupon?: string;
}
interface LooseProperties {
  coupon?: string;
}

// Modelled on analytics-next's public types: rest-tuple methods, a Context callback, Promise results.
interface SegmentContext {
  readonly event: { readonly type: string };
}
type NextCallback = (ctx: SegmentContext) => Promise<unknown> | unknown;
interface NextOptions {
  integrations?: Record<string, boolean | Record<string, unknown>>;
  timestamp?: Date | string;
  context?: { [key: string]: unknown };
  anonymousId?: string;
  [key: string]: unknown;
}
declare class AnalyticsBrowserModel {
  track(...args: [string | object, (Record<string, unknown> | NextCallback)?, (NextOptions | NextCallback)?, NextCallback?]): Promise<SegmentContext>;
  identify(...args: [(string | object | null)?, (object | NextCallback | null)?, (NextOptions | NextCallback)?, NextCallback?]): Promise<SegmentContext>;
  page(...args: unknown[]): Promise<SegmentContext>;
}

// Modelled on @segment/analytics-node: one params object whose identity is a union, an error-first callback.
type NodeIdentityModel = { userId: string; anonymousId?: string } | { userId?: string; anonymousId: string };
type TrackParamsModel = { event: string; properties?: Record<string, unknown>; context?: Record<string, unknown>; timestamp?: Date | string; messageId?: string } & NodeIdentityModel;
declare class AnalyticsNodeModel {
  track(params: TrackParamsModel, callback?: (err?: unknown, ctx?: SegmentContext) => void): void;
  identify(params: { traits?: Record<string, unknown> } & NodeIdentityModel, callback?: (err?: unknown) => void): void;
}

describe('client types', () => {
  it('accept analytics-next and analytics-node shaped clients', () => {
    const browser = (client: AnalyticsBrowserModel): AnalyticsNextLike => client;
    const node = (client: AnalyticsNodeModel): AnalyticsNodeLike => client;
    const callbacks: Callback[] = [
      (ctx: SegmentContext) => ctx.event.type,
      (err?: unknown, ctx?: SegmentContext) => err ?? ctx,
      () => undefined,
      // Unannotated arguments are unknown, never `any` or `never`.
      (ctx) => {
        // @ts-expect-error ctx must be narrowed before use
        return ctx.event;
      },
    ];
    expect([browser, node, callbacks.length]).toEqual([browser, node, 4]);
  });

  it('NodeTrackMessage needs a userId or an anonymousId, and required properties', () => {
    const messages: NodeTrackMessage<OrderProperties>[] = [
      { userId: 'u', properties: { total: 1 } },
      { anonymousId: 'a', properties: { total: 1, coupon: 'X' }, context: { ip: 'x' }, timestamp: new Date(), messageId: 'm' },
      { userId: 'u', anonymousId: 'a', properties: { total: 1 }, integrations: { All: false }, timestamp: '2026-01-01T00:00:00Z' },
      // @ts-expect-error neither userId nor anonymousId
      { properties: { total: 1 } },
      // @ts-expect-error properties are required when the plan requires one of their keys
      { userId: 'u' },
      // @ts-expect-error wrong property type
      { userId: 'u', properties: { total: '1' } },
    ];
    const loose: NodeTrackMessage<LooseProperties>[] = [{ userId: 'u' }, { userId: 'u', properties: {} }];
    expect(messages.length + loose.length).toBe(8);
  });

  it('identify, group and page messages', () => {
    const identify: NodeIdentifyMessage<{ email: string }>[] = [
      { userId: 'u', traits: { email: 'a@b.co' } },
      // @ts-expect-error traits required when the plan requires a trait
      { userId: 'u' },
    ];
    const group: NodeGroupMessage<LooseProperties>[] = [
      { userId: 'u', groupId: 'g' },
      // @ts-expect-error a group call needs a groupId
      { userId: 'u' },
    ];
    const page: NodePageMessage<LooseProperties>[] = [{ anonymousId: 'a', name: 'Home', category: 'Docs' }];
    expect(identify.length + group.length + page.length).toBe(5);
  });

  it('runtime methods take the typed messages', () => {
    const browser = createBrowserRuntime({ mode: 'production' });
    const node = createNodeRuntime({ mode: 'production' });
    browser.configure({ analytics: { track: () => undefined } });
    node.configure({ analytics: { track: () => undefined } });
    const order: OrderProperties = { total: 1 };
    // Interfaces without index signatures must be accepted as properties.
    expect(() => browser.track({ event: 'E', version: 1 }, order, { context: { ip: 'x' } }, (ctx: SegmentContext) => ctx)).not.toThrow();
    expect(() => node.track<OrderProperties>({ event: 'E', version: 1 }, { userId: 'u', properties: order }, (err?: unknown) => err)).not.toThrow();
  });
});
