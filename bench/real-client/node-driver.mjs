// Per call through the real @segment/analytics-node, in a fresh Node.js process: its own
// batching and JSON serialising run as in production; the batch goes to an HTTP client that
// counts the events and answers 200 at once (no network). Bundled by real-client-call.mjs
// with the two generated SDKs (aliases sdk-development and sdk-production); prints JSON.
import { Analytics } from '@segment/analytics-node';
import * as development from 'sdk-development';
import * as production from 'sdk-production';
import { countingSink, measureRounds } from './rounds.mjs';

const { calls, rounds } = JSON.parse(process.argv[2]);
const sink = countingSink();
const httpClient = {
  async makeRequest(request) {
    sink.receive(JSON.parse(request.body).batch.length);
    return { status: 200, statusText: 'OK' };
  },
};
// flushAt 15 (the default): `calls` is a multiple of it, so every batch fills and none waits for the timer.
const analytics = new Analytics({ writeKey: 'wk_bench', httpClient, flushAt: 15, maxRetries: 0 });
const violations = [];
for (const sdk of [development, production]) sdk.configure({ analytics, onViolation: (violation) => violations.push(violation) });

const properties = (index) => ({ order_id: `ord_${index}`, total: 12.5, currency: 'EUR' });
const { returned, delivered } = await measureRounds({
  sink,
  // CPU time of this single-threaded process: the client's whole work, whatever else the machine runs.
  clock: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
  calls,
  rounds,
  contenders: {
    direct: (index) =>
      analytics.track({ userId: 'user_1', event: 'Order Completed', properties: properties(index), context: { protocols: { event_version: 2 } } }),
    'plangen (development)': (index) => development.trackOrderCompleted({ userId: 'user_1', properties: properties(index) }),
    'plangen (production)': (index) => production.trackOrderCompleted({ userId: 'user_1', properties: properties(index) }),
  },
});
await analytics.closeAndFlush();
process.stdout.write(JSON.stringify({ returned, delivered, violations: violations.length }));
