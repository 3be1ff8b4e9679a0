// App code against the shop SDK for --client generic: any client with analytics-next's track() shape.
import { configure, trackOrderCompletedV1 } from '../../../fixtures/shop/generated/generic/index.js';

class InHouseClient {
  readonly sent: string[] = [];
  track(event: string): void {
    this.sent.push(event);
  }
}

configure({ analytics: new InHouseClient(), policy: 'throw' });
trackOrderCompletedV1({ order_id: 'ord_1', revenue: 30 });

// @ts-expect-error a client without track()
configure({ analytics: { send: (event: string) => event } });
// @ts-expect-error wrong type: revenue is a number
trackOrderCompletedV1({ order_id: 'ord_1', revenue: '30' });
