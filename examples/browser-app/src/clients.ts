// The real browser analytics clients this page can send through, pointed at the ingest server.
import { AnalyticsBrowser } from '@segment/analytics-next';
import { RudderAnalytics } from '@rudderstack/analytics-js/bundled';
import type { AnalyticsNextLike } from '@plangen/core';

export function connect(name: string, ingest: URL): AnalyticsNextLike {
  if (name === 'segment') {
    // Settings come from the ingest server standing in for Segment's CDN; events go back to it over http.
    const analytics = AnalyticsBrowser.load(
      { writeKey: 'wk_browser_app', cdnURL: ingest.origin },
      { integrations: { 'Segment.io': { apiHost: `${ingest.host}/v1`, protocol: 'http' } } },
    );
    return analytics;
  }
  if (name === 'rudderstack') {
    // The bundled build carries its plugins, so nothing is fetched from RudderStack's CDN; the
    // source configuration is given inline instead of being fetched from its control plane.
    const analytics = new RudderAnalytics();
    analytics.load('wk_browser_app', ingest.origin, {
      getSourceConfig: () => ({
        source: { id: 'src_browser_app', name: 'browser-app', writeKey: 'wk_browser_app', workspaceId: 'ws_example', enabled: true, config: {}, destinations: [] },
      }),
      plugins: ['XhrQueue'],
      polyfillIfRequired: false,
      logLevel: 'ERROR',
    });
    return analytics;
  }
  throw new Error(`unknown client "${name}": use segment or rudderstack`);
}

