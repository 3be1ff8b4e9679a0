// Development-only: running a call's validators and handing a violation to the policy. Only
// development SDKs reach this module, so the messages and the violation report stay out of
// production bundles.
import type { CallSpec, CompiledValidator, EventSpec, ValidationError, Violation } from './types.js';
import { warn, type Settings, type Validation } from './runtime-core.js';
import { exceptionError, orderErrors, toValidationErrors, unreadableError } from './validation-messages.js';
import { PlangenViolationError, formatViolation } from './violation.js';
import { copyRecord, ownValue, readFailure } from './own-value.js';

// The options keys analytics-next copies into the payload, so the common schema can see them.
const PAYLOAD_OPTIONS = ['userId', 'anonymousId', 'timestamp', 'integrations'] as const;

/** What development SDKs pass to the runtime: `common` is the plan's common JSON schema, checked on every whole payload. */
export function createValidation(setup?: { common?: CompiledValidator }): Validation {
  const common = setup?.common;

  // `unread`: errors for caller arguments that throw when read; the call cannot be judged (or sent) as given.
  function allows(
    spec: EventSpec | CallSpec,
    data: unknown,
    base: string,
    payloadOf: () => Record<string, unknown>,
    settings: Settings,
    unread: ValidationError[] | undefined,
  ): boolean {
    let errors = collectErrors(spec.validate, data, base, unread);
    // A validator that reads a throwing key reports it itself; one it never reads is caught here.
    const dataFailure = errors === unread ? readFailure(data) : undefined;
    if (dataFailure !== undefined) errors = append(errors, unreadableError(dataFailure.thrown, base, `the ${base.slice(1)}`));
    let whole: Record<string, unknown> | undefined;
    if (spec.validatePayload !== undefined || common !== undefined) {
      whole = payloadOf();
      errors = collectErrors(spec.validatePayload, whole, '', errors);
      errors = collectErrors(common, whole, '', errors);
    }
    if (errors === undefined) return true;
    return allowed(violationOf(spec, errors, whole ?? payloadOf()), settings);
  }

  return {
    allowsCall({ spec, fields, options, context }, settings) {
      const field = validatedField(spec);
      const unread = unreadable([[options, '', 'the options'], [ownValue(options, 'context'), '/context', 'the context']]);
      return allows(spec, fields[field], `/${field}`, () => callPayload(fields, options, context), settings, unread);
    },
    allowsMessage({ spec, message, given = message }, settings) {
      const field = validatedField(spec);
      const type = 'event' in spec ? 'track' : spec.type;
      const unread = unreadable([[given, '', 'the message'], [ownValue(given, 'context'), '/context', 'the context']]);
      return allows(spec, ownValue(message, field) ?? {}, `/${field}`, () => copyRecord(message, { type }), settings, unread);
    },
  };
}

/** The payload key a spec's `validate` checks: identify and group validate traits, every other call properties. */
function validatedField(spec: EventSpec | CallSpec): 'properties' | 'traits' {
  return 'type' in spec && (spec.type === 'identify' || spec.type === 'group') ? 'traits' : 'properties';
}

/** Errors for the arguments that throw when read: a revoked Proxy, a Proxy trap or a getter that throws. */
function unreadable(argumentsToRead: readonly (readonly [unknown, string, string])[]): ValidationError[] | undefined {
  let errors: ValidationError[] | undefined;
  for (const [value, pointer, what] of argumentsToRead) {
    const failure = readFailure(value);
    if (failure !== undefined) errors = append(errors, unreadableError(failure.thrown, pointer, what));
  }
  return errors;
}

function append(found: ValidationError[] | undefined, error: ValidationError): ValidationError[] {
  return found === undefined ? [error] : orderErrors([...found, error]);
}

// The payload as analytics-next would send it, as far as the call knows it (analytics-next adds the
// stored userId/anonymousId later). Keys without a value are left out.
function callPayload(fields: Readonly<Record<string, unknown>>, options: unknown, context: unknown): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) if (fields[key] !== undefined) payload[key] = fields[key];
  for (const key of PAYLOAD_OPTIONS) {
    const value = ownValue(options, key);
    if (value !== undefined) payload[key] = value;
  }
  if (context !== undefined) payload['context'] = context;
  return payload;
}

/**
 * Runs one validator and appends its errors to `found` (allocated only when something fails).
 * A validator that throws (a cyclic or hostile payload) yields one `exception` error instead.
 */
function collectErrors(
  validator: CompiledValidator | undefined,
  data: unknown,
  base: string,
  found: ValidationError[] | undefined,
): ValidationError[] | undefined {
  if (validator === undefined) return found;
  let errors: ValidationError[];
  try {
    if (validator(data) === true) return found;
    errors = toValidationErrors(validator.errors, base);
  } catch (error) {
    errors = [exceptionError(error, base)];
  }
  if (errors.length === 0) errors = [{ pointer: base, keyword: 'unknown', message: 'is invalid' }];
  return found === undefined ? errors : orderErrors([...found, ...errors]);
}

/** The Violation of one call: track calls carry their event and version. */
function violationOf(
  spec: EventSpec | CallSpec,
  errors: readonly ValidationError[],
  payload: Readonly<Record<string, unknown>>,
): Violation {
  return 'event' in spec
    ? { type: 'track', event: spec.event, version: spec.version, errors, payload }
    : { type: spec.type, errors, payload };
}

/** Whether the call may be sent after this violation, by the configured policy. */
function allowed(violation: Violation, { policy, onViolation }: Settings): boolean {
  if (policy === 'warn') warn(formatViolation(violation));
  onViolation?.(violation);
  if (policy === 'throw') throw new PlangenViolationError(violation);
  return policy !== 'skip';
}
