// The runtime behind SDKs generated for @segment/analytics-react-native: its client's
// `track(event, properties, enrichment)` (and identify, group, screen) returns a Promise, which the
// wrappers hand back so callers can await the call. The client takes no per-call options, so the
// event version goes in through the enrichment closure, the one hook it runs on the built event.
import type { AnalyticsReactNativeLike, Enrichment } from './client-types.js';
import type { CallSpec, EventSpec, PlangenOptions } from './types.js';
import { createRuntimeCore, type RuntimeSetup } from './runtime-core.js';
import { withEventVersion } from './event-context.js';
import { copyRecord, isObjectLike, ownValue } from './own-value.js';

export interface ReactNativeRuntime {
  configure(options: PlangenOptions<AnalyticsReactNativeLike>): void;
  track(spec: EventSpec, properties?: object, enrichment?: Enrichment): Promise<void>;
  identify(spec: CallSpec, userId?: string, traits?: object, enrichment?: Enrichment): Promise<void>;
  group(spec: CallSpec, groupId: string, traits?: object, enrichment?: Enrichment): Promise<void>;
  screen(spec: CallSpec, name: string, properties?: object, enrichment?: Enrichment): Promise<void>;
}

type Method = 'track' | 'identify' | 'group' | 'screen';

const CLIENT_SHAPE = 'the client createClient() returns (or any client with a track(event, properties, enrichment) method returning a Promise)';

/** The React Native runtime; it validates only with a `validation` from createValidation(): production SDKs pass none. */
export function createReactNativeRuntime(setup?: RuntimeSetup): ReactNativeRuntime {
  const core = createRuntimeCore(setup, isReactNativeLike, CLIENT_SHAPE);

  function clientFor(method: Method, spec?: EventSpec): AnalyticsReactNativeLike | undefined {
    const client = core.client();
    if (client !== undefined && typeof client[method] === 'function') return client;
    return core.unavailable(method, spec, client !== undefined);
  }

  // `fields` are the call's own payload keys; `args` what the client gets.
  function send(method: Exclude<Method, 'track'>, spec: CallSpec, fields: Record<string, unknown>, args: unknown[]): Promise<void> {
    try {
      const client = clientFor(method);
      if (client === undefined) return dropped();
      const validation = core.validating();
      if (validation !== undefined && !validation.allowsCall({ spec, fields, options: undefined, context: undefined }, core.settings())) return dropped();
      return (client[method] as (...args: unknown[]) => Promise<void>)(...args);
    } catch (error) {
      core.failed(error);
      return dropped();
    }
  }

  return {
    configure: core.configure,

    track(spec, properties, enrichment) {
      try {
        const client = clientFor('track', spec);
        if (client === undefined) return dropped();
        const validation = core.validating();
        if (validation !== undefined) {
          const fields = { type: 'track', event: spec.event, properties: properties ?? {} };
          const context = withEventVersion(undefined, spec.version);
          if (!validation.allowsCall({ spec, fields, options: undefined, context }, core.settings())) return dropped();
        }
        return client.track(spec.event, properties, versioned(spec.version, enrichment));
      } catch (error) {
        core.failed(error);
        return dropped();
      }
    },
    identify(spec, userId, traits, enrichment) {
      return send('identify', spec, { type: 'identify', userId, traits: traits ?? {} }, [userId, traits, enrichment]);
    },
    group(spec, groupId, traits, enrichment) {
      return send('group', spec, { type: 'group', groupId, traits: traits ?? {} }, [groupId, traits, enrichment]);
    },
    screen(spec, name, properties, enrichment) {
      return send('screen', spec, { type: 'screen', name, properties: properties ?? {} }, [name, properties, enrichment]);
    },
  };
}

// The caller's enrichment runs first; then `context.protocols.event_version` is set on what it returned
// (a new event object: the client's is not mutated).
function versioned(version: number, enrichment: Enrichment | undefined): (event: object) => object {
  return (event) => {
    const enriched: unknown = enrichment === undefined ? event : enrichment(event);
    const copy = copyRecord(enriched);
    copy['context'] = withEventVersion(ownValue(enriched, 'context'), version);
    return copy;
  };
}

/** What a call that is not sent returns: resolved, so `await` in the app goes on. */
function dropped(): Promise<void> {
  return Promise.resolve();
}

function isReactNativeLike(value: unknown): value is AnalyticsReactNativeLike {
  return isObjectLike(value) && typeof value['track'] === 'function';
}
