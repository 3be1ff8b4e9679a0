// The runtime behind SDKs generated for @segment/analytics-node: every method takes one message object.
import type {
  AnalyticsNodeLike,
  Callback,
  NodeGroupMessage,
  NodeIdentifyMessage,
  NodePageMessage,
  NodeScreenMessage,
  NodeTrackMessage,
} from './client-types.js';
import type { CallSpec, EventSpec, PlangenOptions } from './types.js';
import { createRuntimeCore, type RuntimeSetup } from './runtime-core.js';
import { withEventVersion } from './event-context.js';
import { copyRecord, isObjectLike, ownValue } from './own-value.js';

export interface NodeRuntime {
  configure(options: PlangenOptions<AnalyticsNodeLike>): void;
  track<P>(spec: EventSpec, message: NodeTrackMessage<P>, callback?: Callback): void;
  identify<T>(spec: CallSpec, message: NodeIdentifyMessage<T>, callback?: Callback): void;
  group<T>(spec: CallSpec, message: NodeGroupMessage<T>, callback?: Callback): void;
  page<P>(spec: CallSpec, message: NodePageMessage<P>, callback?: Callback): void;
  screen<P>(spec: CallSpec, message: NodeScreenMessage<P>, callback?: Callback): void;
}

type Method = 'track' | 'identify' | 'group' | 'page' | 'screen';

const CLIENT_SHAPE = 'your @segment/analytics-node Analytics instance (or any client with a track(message, callback) method)';

export function createNodeRuntime(setup?: RuntimeSetup): NodeRuntime {
  const core = createRuntimeCore(setup, isAnalyticsNodeLike, CLIENT_SHAPE);

  function clientFor(method: Method, spec?: EventSpec): AnalyticsNodeLike | undefined {
    const client = core.client();
    if (client !== undefined && typeof client[method] === 'function') return client;
    return core.unavailable(method, spec, client !== undefined);
  }

  // Validates one message (what the client receives) when validation is on; false: do not send.
  function allowed(spec: EventSpec | CallSpec, message: object, given?: unknown): boolean {
    const validation = core.validating();
    return validation === undefined || validation.allowsMessage({ spec, message, given }, core.settings());
  }

  // identify/group/page/screen send the caller's message as it is: only track adds to it.
  function send(method: Exclude<Method, 'track'>, spec: CallSpec, message: object, callback?: Callback): void {
    try {
      const client = clientFor(method);
      if (client === undefined || !allowed(spec, message)) return;
      client[method]?.(message, callback);
    } catch (error) {
      core.failed(error);
    }
  }

  return {
    configure: core.configure,

    track(spec, message, callback) {
      try {
        const client = clientFor('track', spec);
        if (client === undefined) return;
        const sent = copyRecord(message);
        sent['event'] = spec.event;
        sent['context'] = withEventVersion(ownValue(message, 'context'), spec.version);
        if (!allowed(spec, sent, message)) return;
        client.track(sent, callback);
      } catch (error) {
        core.failed(error);
      }
    },
    identify(spec, message, callback) {
      send('identify', spec, message, callback);
    },
    group(spec, message, callback) {
      send('group', spec, message, callback);
    },
    page(spec, message, callback) {
      send('page', spec, message, callback);
    },
    screen(spec, message, callback) {
      send('screen', spec, message, callback);
    },
  };
}

function isAnalyticsNodeLike(value: unknown): value is AnalyticsNodeLike {
  return isObjectLike(value) && typeof value['track'] === 'function';
}
