// App code against the JavaScript build of the shop SDK: its .d.ts files type the same calls.
import { configure, trackOrderCompletedV1 } from '../../../fixtures/shop/generated/analytics-next-js/index.js';

configure({ analytics: { track: () => undefined } });
trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30 });
// @ts-expect-error missing required property: revenue
trackOrderCompletedV1({ order_id: 'ord_1' });
