import { describe, expect, it } from 'vitest';
import { formatViolation, PlangenNotConfiguredError, PlangenViolationError, type Violation } from '@plangen/core';

const violation: Violation = {
  type: 'track',
  event: 'Order Completed',
  version: 2,
  errors: [
    { pointer: '/properties/total', message: 'must be number', keyword: 'type' },
    { pointer: '/properties/order_id', message: 'is required', keyword: 'required' },
  ],
  payload: { type: 'track', event: 'Order Completed', properties: { total: 'x' } },
};

describe('formatViolation', () => {
  it('lists every error under the event and version', () => {
    expect(formatViolation(violation)).toBe(
      'plangen: "Order Completed" v2 violates the tracking plan:\n  /properties/total must be number\n  /properties/order_id is required',
    );
  });

  it('names identify/group/page/screen calls by their method', () => {
    const identify: Violation = { type: 'identify', errors: [{ pointer: '/traits/email', message: 'is required', keyword: 'required' }], payload: {} };
    expect(formatViolation(identify)).toBe('plangen: identify() violates the tracking plan:\n  /traits/email is required');
  });

  it('escapes quotes in event names and shows the whole payload as (payload)', () => {
    const odd: Violation = { type: 'track', event: 'say "hi"', version: 1, errors: [{ pointer: '', message: 'must be object', keyword: 'type' }], payload: {} };
    expect(formatViolation(odd)).toBe('plangen: "say \\"hi\\"" v1 violates the tracking plan:\n  (payload) must be object');
  });
});

describe('errors', () => {
  it('PlangenViolationError carries the violation and the formatted message', () => {
    const error = new PlangenViolationError(violation);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PlangenViolationError');
    expect(error.violation).toBe(violation);
    expect(error.message).toBe(formatViolation(violation));
  });

  it('PlangenNotConfiguredError is an Error with its own name', () => {
    const error = new PlangenNotConfiguredError('plangen: call configure({ analytics }) first.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PlangenNotConfiguredError');
    expect(error.message).toBe('plangen: call configure({ analytics }) first.');
  });
});
