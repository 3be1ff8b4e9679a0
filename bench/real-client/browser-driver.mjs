// Per call through the real @segment/analytics-next in Chromium: the Analytics instance runs
// its event queue and plugin pipeline as on a page; its one destination is a plugin that
// counts the events (no network, no Segment.io destination). Bundled by real-client-call.mjs
// with the two generated SDKs; the page reads window.benchResult.
import { Analytics } from '@segment/analytics-next';
import * as development from 'sdk-development';
import * as production from 'sdk-production';
import { countingSink, measureRounds } from './rounds.mjs';

window.runBench = async ({ calls, burst, rounds }) => {
  const sink = countingSink();
  const analytics = new Analytics({ writeKey: 'wk_bench' });
  await analytics.register({
    name: 'Counting sink',
    type: 'destination',
    version: '1.0.0',
    isLoaded: () => true,
    load: async () => undefined,
    track: async (context) => {
      sink.receive(1);
      return context;
    },
  });
  const violations = [];
  for (const sdk of [development, production]) sdk.configure({ analytics, onViolation: (violation) => violations.push(violation) });
  const properties = (index) => ({ order_id: `ord_${index}`, total: 12.5, currency: 'EUR' });
  const { returned, delivered } = await measureRounds({
    sink,
    calls,
    burst,
    rounds,
    contenders: {
      direct: (index) => void analytics.track('Order Completed', properties(index), { context: { protocols: { event_version: 2 } } }),
      'plangen (development)': (index) => development.trackOrderCompleted(properties(index)),
      'plangen (production)': (index) => production.trackOrderCompleted(properties(index)),
    },
  });
  return { returned, delivered, violations: violations.length };
};
