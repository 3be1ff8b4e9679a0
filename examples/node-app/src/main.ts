// A Node service sending through the generated SDK. Which client and which
// violation policy are chosen on the command line, so the end-to-end tests can
// run every combination against a local ingest server:
//   tsx src/main.ts <segment|rudderstack> <send|warn|throw|skip>
// It prints one JSON line: the violations it saw and the errors it caught.
import { PlangenViolationError, type Violation, type ViolationPolicy } from '@plangen/core';
import { configure, group, identify, trackCheckoutStepViewed, trackOrderCompleted, trackOrderCompletedV1, trackSignedUp } from './analytics/index.js';
import { connect } from './clients.js';

const [clientName = 'segment', scenario = 'send'] = process.argv.slice(2);
const host = process.env['INGEST_URL'] ?? 'http://127.0.0.1:8080';
const client = connect(clientName, host);

const violations: Violation[] = [];
const caught: string[] = [];
const policy: ViolationPolicy | undefined = scenario === 'send' || scenario === 'warn' ? undefined : (scenario as ViolationPolicy);
configure({
  analytics: client.analytics,
  // `warn` is the default without onViolation: the warning goes to stderr and the call is sent.
  ...(scenario === 'warn' ? {} : { onViolation: (violation: Violation) => violations.push(violation) }),
  ...(policy ? { policy } : {}),
});

if (scenario === 'send') {
  trackOrderCompleted({ userId: 'user_1', properties: { order_id: 'ord_1', total: 12.5, currency: 'EUR' }, context: { app: { name: 'node-app' } } });
  trackOrderCompletedV1({ anonymousId: 'anon_1', properties: { order_id: 'legacy-1' } });
  trackSignedUp({ userId: 'user_1', properties: { method: 'email' } });
  trackCheckoutStepViewed({ userId: 'user_1', properties: { 'step number': 2 } });
  identify({ userId: 'user_1', traits: { email: 'ada@example.com', plan: 'pro' } });
  group({ userId: 'user_1', groupId: 'group_1', traits: { name: 'Acme', employees: 12 } });
} else {
  // The types reject what the validators reject, so each invalid call needs @ts-expect-error.
  // @ts-expect-error total is a number.
  attempt(() => trackOrderCompleted({ userId: 'user_1', properties: { order_id: 'ord_2', total: 'free' } }));
  // @ts-expect-error email is required.
  attempt(() => identify({ userId: 'user_2', traits: { plan: 'pro' } }));
  trackSignedUp({ userId: 'user_1', properties: { method: 'google' } });
}

await client.close();
console.log(JSON.stringify({ violations, caught }));

/** Makes a call that may throw under the `throw` policy, keeping the message of what it threw. */
function attempt(call: () => void): void {
  try {
    call();
  } catch (error) {
    if (!(error instanceof PlangenViolationError)) throw error;
    caught.push(error.message);
  }
}
