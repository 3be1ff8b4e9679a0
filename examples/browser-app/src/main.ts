// A web page sending through the generated SDK and a real browser client. The
// page's query says where the ingest server is, which client and which violation policy to use:
//   /index.html?ingest=http://127.0.0.1:PORT&client=<segment|rudderstack>&scenario=<send|warn|throw|skip|snippet>
// When done it leaves the violations it saw and the errors it caught in window.exampleResult.
import { PlangenViolationError, type Violation, type ViolationPolicy } from '@plangen/core';
import { configure, group, identify, page, trackCheckoutStepViewed, trackOrderCompleted, trackOrderCompletedV1, trackSignedUp } from './analytics/index.js';
import { connect } from './clients.js';

declare global {
  interface Window {
    exampleResult?: { violations: Violation[]; caught: string[] };
  }
}

const query = new URLSearchParams(location.search);
const ingest = new URL(query.get('ingest') ?? 'http://127.0.0.1:8080');
const scenario = query.get('scenario') ?? 'send';

const analytics = connect(query.get('client') ?? 'segment', ingest);

const violations: Violation[] = [];
const caught: string[] = [];
const policy: ViolationPolicy | undefined = ['send', 'warn', 'snippet'].includes(scenario) ? undefined : (scenario as ViolationPolicy);
if (scenario === 'snippet') {
  // Pages that load analytics-next with Segment's snippet have it on window.analytics; the
  // wrappers send through it while configure() has not been called.
  (window as unknown as { analytics: unknown }).analytics = analytics;
} else {
  configure({
    analytics,
    // `warn` is the default without onViolation: the warning goes to the console and the call is sent.
    ...(scenario === 'warn' ? {} : { onViolation: (violation: Violation) => violations.push(violation) }),
    ...(policy ? { policy } : {}),
  });
}

if (scenario === 'send') {
  trackOrderCompleted({ order_id: 'ord_1', total: 12.5, currency: 'EUR' }, { context: { campaign: { name: 'winter' } } });
  trackOrderCompletedV1({ order_id: 'legacy-1' });
  trackSignedUp({ method: 'email' });
  trackCheckoutStepViewed({ 'step number': 2 });
  identify('user_1', { email: 'ada@example.com', plan: 'pro' });
  group('group_1', { name: 'Acme', employees: 12 });
  page('Shop', 'Catalog', { section: 'catalog' });
} else if (scenario === 'snippet') {
  trackOrderCompletedV1({ order_id: 'legacy-2' });
} else {
  // The types reject what the validators reject, so each invalid call needs @ts-expect-error.
  // @ts-expect-error total is a number.
  attempt(() => trackOrderCompleted({ order_id: 'ord_2', total: 'free' }));
  // @ts-expect-error email is required.
  attempt(() => identify('user_2', { plan: 'pro' }));
  trackSignedUp({ method: 'google' });
}

window.exampleResult = { violations, caught };

/** Makes a call that may throw under the `throw` policy, keeping the message of what it threw. */
function attempt(call: () => void): void {
  try {
    call();
  } catch (error) {
    if (!(error instanceof PlangenViolationError)) throw error;
    caught.push(error.message);
  }
}
