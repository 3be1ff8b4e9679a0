// What a violation looks like to people: the errors thrown by the `throw` policy and the text `warn` prints.
import type { Violation } from './types.js';

/**
 * A readable multi-line report:
 * `plangen: "Order Completed" v2 violates the tracking plan:\n  /properties/total must be number`
 */
export function formatViolation(violation: Violation): string {
  const lines = violation.errors.map((error) => `  ${error.pointer === '' ? '(payload)' : error.pointer} ${error.message}`);
  return `plangen: ${subject(violation)} the tracking plan:\n${lines.join('\n')}`;
}

function subject(violation: Violation): string {
  if (violation.type !== 'track') return `${violation.type}() violates`;
  const version = violation.version === undefined ? '' : ` v${violation.version}`;
  return `${JSON.stringify(violation.event ?? '')}${version} violates`;
}

/** Thrown by the `throw` policy; nothing was sent. */
export class PlangenViolationError extends Error {
  override readonly name = 'PlangenViolationError';
  readonly violation: Violation;

  constructor(violation: Violation) {
    super(formatViolation(violation));
    this.violation = violation;
  }
}
