// The real analytics clients this service can send through, pointed at `host`.
import { Analytics } from '@segment/analytics-node';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import type { AnalyticsNodeLike } from '@plangen/core';

export interface Connected {
  readonly analytics: AnalyticsNodeLike;
  /** Sends everything still queued, then stops the client. */
  close(): Promise<void>;
}

export function connect(name: string, host: string): Connected {
  if (name === 'segment') {
    const analytics = new Analytics({ writeKey: 'wk_node_app', host, maxRetries: 0 });
    return { analytics, close: () => analytics.closeAndFlush() };
  }
  if (name === 'rudderstack') {
    const analytics = new RudderAnalytics('wk_node_app', { dataPlaneUrl: host, retryCount: 0, logLevel: 'error' });
    return { analytics, close: () => analytics.flush() };
  }
  throw new Error(`unknown client "${name}": use segment or rudderstack`);
}

