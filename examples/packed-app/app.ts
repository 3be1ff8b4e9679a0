// Runs in a fresh project that installed the packed `plangen` and `@plangen/core`:
// sends through the generated SDK to a recording client and prints what it got.
// The app names core's public types through `@plangen/core`, as app code does.
import type { Violation } from '@plangen/core';
import { configure, trackOrderCompleted, trackOrderCompletedV1 } from './analytics/index.js';

const calls: unknown[] = [];
const violations: Violation[] = [];
configure({
  analytics: {
    track: (event: string, properties?: object, options?: object) => {
      calls.push({ event, properties, options });
    },
  },
  onViolation: (violation) => violations.push(violation),
});

trackOrderCompleted({ order_id: 'ord_1', total: 12.5 }, { context: { app: { name: 'packed' } } });
trackOrderCompletedV1({ order_id: 'ord_2' });
// @ts-expect-error total must be a number: the call still compiles here so the runtime check can be seen.
trackOrderCompleted({ order_id: 'ord_3', total: 'free' });

console.log(JSON.stringify({ calls, violations }));
