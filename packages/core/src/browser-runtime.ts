// The runtime behind SDKs generated for analytics-next and generic clients:
// `analytics.track(event, properties, options, callback)` and its identify/group/page/screen siblings.
import type { AnalyticsNextLike, Callback, TrackOptions } from './client-types.js';
import type { CallSpec, EventSpec, PlangenOptions } from './types.js';
import { collectErrors, createRuntimeCore, unavailableMessage, violationOf, type RuntimeSetup } from './runtime-core.js';
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

// The options keys analytics-next copies into the payload, so the common schema can see them.
const PAYLOAD_OPTIONS = ['userId', 'anonymousId', 'timestamp', 'integrations'] as const;

export function createBrowserRuntime(setup?: RuntimeSetup): BrowserRuntime {
  const core = createRuntimeCore(setup, isAnalyticsNextLike, CLIENT_SHAPE);

  // The configured client; before configure(), the analytics-next snippet's `window.analytics`, read on
  // every call because the snippet's stub is replaced by the real instance once the library loads.
  function clientFor(method: Method, spec?: EventSpec): AnalyticsNextLike | undefined {
    const client = core.client() ?? snippetClient();
    if (client !== undefined && typeof client[method] === 'function') return client;
    return core.unavailable(unavailableMessage(method, spec, client !== undefined));
  }

  // Validates one call and lets the policy decide whether it is sent. The payload is built only when a
  // whole-payload validator needs it or there is a violation to report.
  function allowed(
    spec: EventSpec | CallSpec,
    data: object,
    base: string,
    fields: Record<string, unknown>,
    options: unknown,
    context: unknown,
  ): boolean {
    let errors = collectErrors(spec.validate, data, base, undefined);
    let payload: Record<string, unknown> | undefined;
    if (spec.validatePayload !== undefined || core.common !== undefined) {
      payload = callPayload(fields, options, context);
      errors = collectErrors(spec.validatePayload, payload, '', errors);
      errors = collectErrors(core.common, payload, '', errors);
    }
    if (errors === undefined) return true;
    payload ??= callPayload(fields, options, context);
    return core.allow(violationOf(spec, errors, payload), core.settings());
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
        if (core.settings().validating) {
          const data = properties ?? {};
          const fields = { type: 'track', event: spec.event, properties: data };
          if (!allowed(spec, data, '/properties', fields, options, context)) return;
        }
        client.track(spec.event, properties, sent, callback);
      } catch (error) {
        core.failed(error);
      }
    },

    identify(spec, userId, traits, options, callback) {
      try {
        const client = clientFor('identify');
        if (client === undefined) return;
        if (core.settings().validating) {
          const data = traits ?? {};
          const fields = { type: 'identify', userId, traits: data };
          if (!allowed(spec, data, '/traits', fields, options, ownValue(options, 'context'))) return;
        }
        client.identify?.(userId, traits, options, callback);
      } catch (error) {
        core.failed(error);
      }
    },

    group(spec, groupId, traits, options, callback) {
      try {
        const client = clientFor('group');
        if (client === undefined) return;
        if (core.settings().validating) {
          const data = traits ?? {};
          const fields = { type: 'group', groupId, traits: data };
          if (!allowed(spec, data, '/traits', fields, options, ownValue(options, 'context'))) return;
        }
        client.group?.(groupId, traits, options, callback);
      } catch (error) {
        core.failed(error);
      }
    },

    page(spec, category, name, properties, options, callback) {
      try {
        const client = clientFor('page');
        if (client === undefined) return;
        if (core.settings().validating) {
          const data = properties ?? {};
          const fields = { type: 'page', category, name, properties: data };
          if (!allowed(spec, data, '/properties', fields, options, ownValue(options, 'context'))) return;
        }
        client.page?.(category, name, properties, options, callback);
      } catch (error) {
        core.failed(error);
      }
    },

    screen(spec, category, name, properties, options, callback) {
      try {
        const client = clientFor('screen');
        if (client === undefined) return;
        if (core.settings().validating) {
          const data = properties ?? {};
          const fields = { type: 'screen', category, name, properties: data };
          if (!allowed(spec, data, '/properties', fields, options, ownValue(options, 'context'))) return;
        }
        client.screen?.(category, name, properties, options, callback);
      } catch (error) {
        core.failed(error);
      }
    },
  };
}

// The payload as analytics-next would send it, as far as the call knows it (analytics-next adds the
// stored userId/anonymousId later). Keys without a value are left out.
function callPayload(fields: Record<string, unknown>, options: unknown, context: unknown): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) if (fields[key] !== undefined) payload[key] = fields[key];
  for (const key of PAYLOAD_OPTIONS) {
    const value = ownValue(options, key);
    if (value !== undefined) payload[key] = value;
  }
  if (context !== undefined) payload['context'] = context;
  return payload;
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
