// The runtime behind SDKs generated for analytics-next and generic clients:
// `analytics.track(event, properties, options, callback)` and its identify/group/page/screen siblings.
import type { AnalyticsNextLike, Callback, TrackOptions } from './client-types.js';
import type { CallSpec, EventSpec, PlangenOptions } from './types.js';
import { createRuntimeCore, type RuntimeSetup } from './runtime-core.js';
import { withEventVersion } from './event-context.js';
import { copyRecord, isObjectLike, ownValue } from './own-value.js';

export interface BrowserRuntime {
  configure(options: PlangenOptions<AnalyticsNextLike>): void;
  track(spec: EventSpec, properties?: object, options?: TrackOptions, callback?: Callback): void;
  identify(spec: CallSpec, userId?: string, traits?: object, options?: TrackOptions, callback?: Callback): void;
  group(spec: CallSpec, groupId: string, traits?: object, options?: TrackOptions, callback?: Callback): void;
  page(spec: CallSpec, category?: string, name?: string, properties?: object, options?: TrackOptions, callback?: Callback): void;
  screen(spec: CallSpec, category?: string, name?: string, properties?: object, options?: TrackOptions, callback?: Callback): void;
}

type Method = 'track' | 'identify' | 'group' | 'page' | 'screen';

const CLIENT_SHAPE = 'your analytics-next instance (or any client with a track(event, properties, options, callback) method)';

/** The browser runtime; it validates only with a `validation` from createValidation(): production SDKs pass none. */
export function createBrowserRuntime(setup?: RuntimeSetup): BrowserRuntime {
  const core = createRuntimeCore(setup, isAnalyticsNextLike, CLIENT_SHAPE);

  // The configured client; before configure(), the analytics-next snippet's `window.analytics`, read on
  // every call because the snippet's stub is replaced by the real instance once the library loads.
  function clientFor(method: Method, spec?: EventSpec): AnalyticsNextLike | undefined {
    const client = core.client() ?? snippetClient();
    if (client !== undefined && typeof client[method] === 'function') return client;
    return core.unavailable(method, spec, client !== undefined);
  }

  // identify/group/page/screen send the caller's arguments as they are: only track adds to them.
  // `fields` are the call's own payload keys.
  function send(method: Exclude<Method, 'track'>, spec: CallSpec, fields: Record<string, unknown>, options: TrackOptions | undefined, args: unknown[]): void {
    try {
      const client = clientFor(method);
      if (client === undefined) return;
      const validation = core.validating();
      if (validation !== undefined) {
        if (!validation.allowsCall({ spec, fields, options, context: ownValue(options, 'context') }, core.settings())) return;
      }
      (client[method] as (...args: unknown[]) => void)(...args);
    } catch (error) {
      core.failed(error);
    }
  }

  return {
    configure: core.configure,

    track(spec, properties, options, callback) {
      try {
        const client = clientFor('track', spec);
        if (client === undefined) return;
        const sent = copyRecord(options);
        const context = withEventVersion(contextOf(sent), spec.version);
        sent['context'] = context;
        const validation = core.validating();
        if (validation !== undefined) {
          const fields = { type: 'track', event: spec.event, properties: properties ?? {} };
          if (!validation.allowsCall({ spec, fields, options, context }, core.settings())) return;
        }
        client.track(spec.event, properties, sent, callback);
      } catch (error) {
        core.failed(error);
      }
    },
    identify(spec, userId, traits, options, callback) {
      send('identify', spec, { type: 'identify', userId, traits: traits ?? {} }, options, [userId, traits, options, callback]);
    },
    group(spec, groupId, traits, options, callback) {
      send('group', spec, { type: 'group', groupId, traits: traits ?? {} }, options, [groupId, traits, options, callback]);
    },
    page(spec, category, name, properties, options, callback) {
      const fields = { type: 'page', category, name, properties: properties ?? {} };
      send('page', spec, fields, options, [category, name, properties, options, callback]);
    },
    screen(spec, category, name, properties, options, callback) {
      const fields = { type: 'screen', category, name, properties: properties ?? {} };
      send('screen', spec, fields, options, [category, name, properties, options, callback]);
    },
  };
}

// analytics-next moves unknown top-level option keys into the context, replacing what is there: a
// top-level `protocols` would replace the merged one and its event_version. It is folded into the
// context first, and taken off `options`: the runtime's own copy of the caller's options.
function contextOf(options: Record<string, unknown>): unknown {
  const context = ownValue(options, 'context');
  if (ownValue(options, 'protocols') === undefined) return context;
  const folded = copyRecord(context);
  folded['protocols'] = options['protocols'];
  delete options['protocols'];
  return folded;
}

function isAnalyticsNextLike(value: unknown): value is AnalyticsNextLike {
  return isObjectLike(value) && typeof value['track'] === 'function';
}

function snippetClient(): AnalyticsNextLike | undefined {
  const candidate: unknown = (globalThis as { analytics?: unknown }).analytics;
  return isAnalyticsNextLike(candidate) ? candidate : undefined;
}
