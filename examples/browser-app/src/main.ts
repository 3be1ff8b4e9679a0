// A web page sending through the generated SDK and analytics-next. The page's
// query says where the ingest server is and which violation policy to use:
//   /index.html?ingest=http://127.0.0.1:PORT&scenario=<send|warn|throw|skip>
// When done it leaves the violations it saw and the errors it caught in window.exampleResult.
import { AnalyticsBrowser } from '@segment/analytics-next';
import { PlangenViolationError, type AnalyticsNextLike, type Violation, type ViolationPolicy } from '@plangen/core';
import { configure, group, identify, page, trackOrderCompleted, trackOrderCompletedV1, trackSignedUp } from './analytics/index.js';

declare global {
  interface Window {
    exampleResult?: { violations: Violation[]; caught: string[] };
  }
}

const query = new URLSearchParams(location.search);
const ingest = new URL(query.get('ingest') ?? 'http://127.0.0.1:8080');
const scenario = query.get('scenario') ?? 'send';

// Settings come from the ingest server standing in for Segment's CDN; events go back to it over http.
const analytics = AnalyticsBrowser.load(
  { writeKey: 'wk_browser_app', cdnURL: ingest.origin },
  { integrations: { 'Segment.io': { apiHost: `${ingest.host}/v1`, protocol: 'http' } } },
);

const violations: Violation[] = [];
const caught: string[] = [];
const policy: ViolationPolicy | undefined = scenario === 'send' || scenario === 'warn' ? undefined : (scenario as ViolationPolicy);
configure({
  // Cast until @plangen/core's AnalyticsNextLike accepts analytics-next's own types (its `integrations`
  // option is IntegrationsOptions, narrower than TrackOptions' Record<string, unknown>).
  analytics: analytics as unknown as AnalyticsNextLike,
  // `warn` is the default without onViolation: the warning goes to the console and the call is sent.
  ...(scenario === 'warn' ? {} : { onViolation: (violation: Violation) => violations.push(violation) }),
  ...(policy ? { policy } : {}),
});

if (scenario === 'send') {
  trackOrderCompleted({ order_id: 'ord_1', total: 12.5, currency: 'EUR' }, { context: { campaign: { name: 'winter' } } });
  trackOrderCompletedV1({ order_id: 'legacy-1' });
  trackSignedUp({ method: 'email' });
  identify('user_1', { email: 'ada@example.com', plan: 'pro' });
  group('group_1', { name: 'Acme', employees: 12 });
  page('Shop', 'Catalog', { section: 'catalog' });
} else {
  try {
    // @ts-expect-error the types reject what the validators reject: total is a number.
    trackOrderCompleted({ order_id: 'ord_2', total: 'free' });
  } catch (error) {
    if (!(error instanceof PlangenViolationError)) throw error;
    caught.push(error.message);
  }
  trackSignedUp({ method: 'google' });
}

window.exampleResult = { violations, caught };
