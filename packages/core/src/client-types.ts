// The shapes of the analytics clients plangen sends through, and of what generated wrappers accept.
// Structural on purpose: core never imports a Segment library, so any client with these methods works.

/**
 * A completion callback handed through to the client untouched. Declared through a method so its
 * parameters compare both ways: a callback typed for the real client (`(ctx: Context) => void`) is
 * accepted, and an unannotated one sees `unknown` arguments.
 */
export type Callback = { callback(...args: unknown[]): unknown }['callback'];

/** analytics-next's per-call options; `context` is where `protocols.event_version` goes. */
export interface TrackOptions {
  context?: Record<string, unknown>;
  integrations?: Record<string, unknown>;
  timestamp?: Date | string;
  anonymousId?: string;
  userId?: string;
  [option: string]: unknown;
}

/**
 * analytics-next's `AnalyticsBrowser`/`Analytics` (or the snippet's `window.analytics`), or any
 * client with the same `track` shape. The other methods are needed only by the wrappers that use them.
 * Parameters after the first are `unknown` so that every real client type is accepted: analytics-next
 * declares them as rest tuples of unions, and method parameters are compared both ways.
 */
export interface AnalyticsNextLike {
  track(event: string, properties?: unknown, options?: unknown, callback?: unknown): unknown;
  identify?(userId?: unknown, traits?: unknown, options?: unknown, callback?: unknown): unknown;
  group?(groupId?: unknown, traits?: unknown, options?: unknown, callback?: unknown): unknown;
  page?(category?: unknown, name?: unknown, properties?: unknown, options?: unknown, callback?: unknown): unknown;
  screen?(category?: unknown, name?: unknown, properties?: unknown, options?: unknown, callback?: unknown): unknown;
}

/** Who a server-side call is about: analytics-node needs a userId or an anonymousId. */
export type NodeIdentity = { userId: string; anonymousId?: string } | { userId?: string; anonymousId: string };

/** Fields every analytics-node message may carry. */
export interface NodeMessageOptions {
  context?: Record<string, unknown>;
  timestamp?: Date | string;
  integrations?: Record<string, unknown>;
  messageId?: string;
}

// `properties`/`traits` may be left out exactly when the plan requires none of their keys.
type Field<Key extends string, Value> = {} extends Value ? { [K in Key]?: Value } : { [K in Key]: Value };

export type NodeTrackMessage<P> = NodeIdentity & Field<'properties', P> & NodeMessageOptions;
export type NodeIdentifyMessage<T> = NodeIdentity & Field<'traits', T> & NodeMessageOptions;
export type NodeGroupMessage<T> = NodeIdentity & { groupId: string } & Field<'traits', T> & NodeMessageOptions;
export type NodePageMessage<P> = NodeIdentity & { name?: string; category?: string } & Field<'properties', P> &
  NodeMessageOptions;
export type NodeScreenMessage<P> = NodePageMessage<P>;

/**
 * `@segment/analytics-node`'s `Analytics`, or any client with the same message-object methods.
 * The runtime passes the caller's message (plus `event` and the merged `context` for track) and the
 * caller's callback; `unknown` parameters accept the stricter types real clients declare.
 */
export interface AnalyticsNodeLike {
  track(message: unknown, callback?: unknown): unknown;
  identify?(message: unknown, callback?: unknown): unknown;
  group?(message: unknown, callback?: unknown): unknown;
  page?(message: unknown, callback?: unknown): unknown;
  screen?(message: unknown, callback?: unknown): unknown;
}

/**
 * An enrichment closure of `@segment/analytics-react-native`: gets the built event and returns the
 * event to send. Declared through a method so a closure typed for the real client's `SegmentEvent`
 * is accepted.
 */
export type Enrichment = { enrichment(event: object): unknown }['enrichment'];

/**
 * `@segment/analytics-react-native`'s `SegmentClient` (what `createClient` returns), or any client
 * with the same methods: each takes an enrichment closure last and returns a Promise.
 */
export interface AnalyticsReactNativeLike {
  track(event: string, properties?: unknown, enrichment?: unknown): Promise<void>;
  identify?(userId?: unknown, traits?: unknown, enrichment?: unknown): Promise<void>;
  group?(groupId?: unknown, traits?: unknown, enrichment?: unknown): Promise<void>;
  screen?(name?: unknown, properties?: unknown, enrichment?: unknown): Promise<void>;
}
