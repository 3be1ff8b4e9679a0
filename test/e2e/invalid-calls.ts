// What the example apps' invalid calls (scenarios warn, throw, skip) must produce, whatever the client:
// "Order Completed" v2 with a string total, and identify without the required email.
export const invalidCallViolations = [
  {
    type: 'track',
    event: 'Order Completed',
    version: 2,
    errors: [{ pointer: '/properties/total', message: 'must be number', keyword: 'type' }],
  },
  { type: 'identify', errors: [{ pointer: '/traits/email', message: 'is required', keyword: 'required' }] },
];

/** The same violations as `formatViolation` words them (thrown messages and warnings). */
export const invalidCallTexts = [
  'plangen: "Order Completed" v2 violates the tracking plan:\n  /properties/total must be number',
  'plangen: identify() violates the tracking plan:\n  /traits/email is required',
];
