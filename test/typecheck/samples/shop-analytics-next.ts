// App code against the shop SDK (analytics-next): the calls an app makes compile,
// and every `@ts-expect-error` marks a mistake the generated types must reject.
import * as sdk from '../../../fixtures/shop/generated/analytics-next/index.js';
import {
  configure,
  group,
  identify,
  page,
  trackOrderCompleted,
  trackOrderCompletedV1,
  trackSearchPerformed,
  trackSignedUp,
  type OrderCompletedProperties,
} from '../../../fixtures/shop/generated/analytics-next/index.js';

const analytics = { track: (event: string, properties?: object) => console.log(event, properties) };
configure({ analytics, onViolation: (violation) => console.warn(violation.event, violation.errors), policy: 'warn' });

const latest: OrderCompletedProperties = {
  order_id: 'ord_1',
  revenue: 42,
  subtotal: 40,
  currency: 'EUR',
  coupon: null,
  completed_at: '2026-11-25T10:00:00Z',
  products: [{ product_id: 'prod_1', product_name: 'Shoe', quantity: 1, price: 40 }],
};
trackOrderCompleted(latest);
trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30 }, { context: { ip: '10.0.0.1' } }, () => undefined);
trackSearchPerformed({ query: 'shoes', result_count: 3, season: 'winter', filters: { price: { max: 50 } } });
trackSignedUp({ method: 'google', referrer: null, signed_up_at: '2026-11-25T10:00:00Z' });
identify('user_1', { plan: 'plus', address: { country: 'DE' } });
identify();
group('acme', { name: 'Acme' });
page();
page('Shop', 'Home', { path: '/' });

// @ts-expect-error missing required property: revenue
trackOrderCompletedV1({ order_id: 'ord_1' });
// @ts-expect-error wrong type: revenue is a number
trackOrderCompletedV1({ order_id: 'ord_1', revenue: '30' });
// @ts-expect-error unknown property
trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30, discount: 5 });
// @ts-expect-error misspelled permitted value (pattern fall|winter|spring|summer)
trackSearchPerformed({ query: 'shoes', result_count: 3, season: 'wintr' });
// @ts-expect-error misspelled enum value
trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30, currency: 'EURO' });
// @ts-expect-error v2-only property passed to the V1 function
trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30, subtotal: 28 });
// @ts-expect-error the latest version requires what v2 requires
trackOrderCompleted({ order_id: 'ord_1', revenue: 30 });
// @ts-expect-error a removed event is no longer exported
sdk.trackOrderRefunded({ order_id: 'ord_1' });
// @ts-expect-error a version the plan does not have
sdk.trackOrderCompletedV3(latest);
// @ts-expect-error nullable only where the plan says so
trackSignedUp({ method: 'google', referrer: 'x', signed_up_at: null });
// @ts-expect-error group traits require name
group('acme');
// @ts-expect-error configure needs a client with track()
configure({ analytics: {} });
