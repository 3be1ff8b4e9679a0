// App code against the shop SDK (analytics-node): wrappers take the whole message.
import {
  configure,
  group,
  identify,
  trackOrderCompleted,
  trackOrderCompletedV1,
} from '../../../fixtures/shop/generated/analytics-node/index.js';

const analytics = { track: (message: { event: string }) => console.log(message.event) };
configure({ analytics, onViolation: (violation) => console.warn(violation.errors) });

trackOrderCompletedV1({ userId: 'user_1', properties: { order_id: 'ord_1', revenue: 30 }, context: { locale: 'de' } });
trackOrderCompletedV1({ anonymousId: 'anon_1', properties: { order_id: 'ord_1', revenue: 30 }, timestamp: new Date() }, () => undefined);
trackOrderCompleted({
  userId: 'user_1',
  properties: {
    order_id: 'ord_1',
    revenue: 42,
    subtotal: 40,
    completed_at: '2026-11-25T10:00:00Z',
    products: [{ product_id: 'prod_1', product_name: 'Shoe', quantity: 1 }],
  },
});
// No required trait: traits may be left out.
identify({ userId: 'user_1' });
group({ userId: 'user_1', groupId: 'acme', traits: { name: 'Acme' } });

// @ts-expect-error wrong node message shape: neither userId nor anonymousId
trackOrderCompletedV1({ properties: { order_id: 'ord_1', revenue: 30 } });
// @ts-expect-error wrong node message shape: the browser's properties argument
trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30 });
// @ts-expect-error properties are required when the plan requires keys
trackOrderCompletedV1({ userId: 'user_1' });
// @ts-expect-error v2-only property passed to the V1 function
trackOrderCompletedV1({ userId: 'user_1', properties: { order_id: 'ord_1', revenue: 30, subtotal: 28 } });
// @ts-expect-error group needs a groupId
group({ userId: 'user_1', traits: { name: 'Acme' } });
