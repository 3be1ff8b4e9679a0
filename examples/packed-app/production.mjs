// Plain JavaScript against a production build (`--mode production --language js`): no
// validators are compiled in, so even the `throw` policy sends an invalid call unchanged.
import { configure, trackOrderCompleted } from './analytics-production/index.js';

const calls = [];
configure({ analytics: { track: (message) => calls.push(message) }, policy: 'throw' });
trackOrderCompleted({ userId: 'user_1', properties: { order_id: 'ord_3', total: 'free' } });
console.log(JSON.stringify(calls));
