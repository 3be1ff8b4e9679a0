// What the browser and Node runtimes share: configure() checks, running validators, the violation
// policy, and the production promise that a wrapper never throws.
import type { CallSpec, CompiledValidator, EventSpec, PlangenOptions, ValidationError, Violation, ViolationPolicy } from './types.js';
import { exceptionError, orderErrors, toValidationErrors } from './validation-messages.js';
import { PlangenNotConfiguredError, PlangenViolationError, formatViolation } from './violation.js';
import { isObjectLike } from './own-value.js';

export interface RuntimeSetup {
  /** `production` skips validation and turns every failure inside a wrapper into one console warning. */
  mode?: 'development' | 'production';
  /** The plan's common JSON schema, validated against every whole payload. */
  common?: CompiledValidator;
}

/** How violations are handled; before configure(): validate in development and warn. */
export interface Settings {
  readonly policy: ViolationPolicy;
  readonly onViolation: ((violation: Violation) => void) | undefined;
  /** Validators run: development mode and not `validate: false`. */
  readonly validating: boolean;
}

export interface RuntimeCore<Client> {
  readonly production: boolean;
  readonly common: CompiledValidator | undefined;
  configure(options: PlangenOptions<Client>): void;
  /** The client given to configure(), if any. */
  client(): Client | undefined;
  settings(): Settings;
  /** Development: throws PlangenNotConfiguredError. Production: warns once; the call is dropped. */
  unavailable(message: string): undefined;
  /** Handles an exception caught in a wrapper: rethrown in development, warned once in production. */
  failed(error: unknown): void;
  /** Whether the call may be sent after this violation, by the configured policy. */
  allow(violation: Violation, settings: Settings): boolean;
}

const POLICIES: readonly ViolationPolicy[] = ['warn', 'throw', 'skip', 'callback'];

/** `isClient` tells a usable client; `clientShape` names what is expected, for configure()'s errors. */
export function createRuntimeCore<Client>(
  setup: RuntimeSetup | undefined,
  isClient: (value: unknown) => value is Client,
  clientShape: string,
): RuntimeCore<Client> {
  const production = setup?.mode === 'production';
  let client: Client | undefined;
  let settings: Settings = { policy: 'warn', onViolation: undefined, validating: !production };
  const warned = new Set<string>();

  // `key` says what counts as the same warning; by default the message itself.
  function warnOnce(message: string, key = message): void {
    if (warned.has(key)) return;
    warned.add(key);
    warn(message);
  }

  return {
    production,
    common: production ? undefined : setup?.common,
    configure(options) {
      try {
        const configured = readOptions(options, production, isClient, clientShape);
        client = configured.client;
        settings = configured.settings;
      } catch (error) {
        // A broken configure() must not take a production app down; the wrappers then report "not configured".
        if (!production) throw error;
        warnOnce(error instanceof Error ? error.message : String(error));
      }
    },
    client: () => client,
    settings: () => settings,
    unavailable(message) {
      if (!production) throw new PlangenNotConfiguredError(message);
      warnOnce(`${message} Calls are dropped until then.`);
      return undefined;
    },
    failed(error) {
      if (!production) throw error;
      warnOnce(`plangen: a call failed and was not sent (further failures are not reported): ${describe(error)}`, 'failed');
    },
    allow(violation, current) {
      const { policy, onViolation } = current;
      if (policy === 'warn') warn(formatViolation(violation));
      onViolation?.(violation);
      if (policy === 'throw') throw new PlangenViolationError(violation);
      return policy !== 'skip';
    },
  };
}

function readOptions<Client>(
  options: PlangenOptions<Client>,
  production: boolean,
  isClient: (value: unknown) => value is Client,
  clientShape: string,
): { client: Client; settings: Settings } {
  if (!isObjectLike(options)) {
    throw new TypeError(`plangen: configure() needs an options object like { analytics }; got ${describe(options)}.`);
  }
  const { analytics, onViolation, policy, validate } = options;
  if (!isClient(analytics)) {
    throw new TypeError(`plangen: configure({ analytics }) needs ${clientShape}; got ${describe(analytics)}.`);
  }
  if (onViolation !== undefined && typeof onViolation !== 'function') {
    throw new TypeError(`plangen: onViolation must be a function; got ${describe(onViolation)}.`);
  }
  if (policy !== undefined && !POLICIES.includes(policy)) {
    throw new TypeError(`plangen: unknown violation policy ${describe(policy)}. Use one of: ${POLICIES.join(', ')}.`);
  }
  if (policy === 'callback' && onViolation === undefined) {
    throw new TypeError('plangen: policy "callback" needs an onViolation function to call.');
  }
  if (validate !== undefined && typeof validate !== 'boolean') {
    throw new TypeError(`plangen: validate must be true or false; got ${describe(validate)}.`);
  }
  return {
    client: analytics,
    settings: {
      policy: policy ?? (onViolation === undefined ? 'warn' : 'callback'),
      onViolation,
      validating: !production && validate !== false,
    },
  };
}

/**
 * Runs one validator and appends its errors to `found` (allocated only when something fails).
 * A validator that throws (a cyclic or hostile payload) yields one `exception` error instead.
 */
export function collectErrors(
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
export function violationOf(
  spec: EventSpec | CallSpec,
  errors: readonly ValidationError[],
  payload: Readonly<Record<string, unknown>>,
): Violation {
  return 'event' in spec
    ? { type: 'track', event: spec.event, version: spec.version, errors, payload }
    : { type: spec.type, errors, payload };
}

/** Why a wrapper cannot send: no client yet, or a client without the method the call needs. */
export function unavailableMessage(method: string, spec: EventSpec | undefined, hasClient: boolean): string {
  const call = spec === undefined ? `${method}()` : `tracking ${JSON.stringify(spec.event)} v${spec.version}`;
  return hasClient
    ? `plangen: the analytics client has no ${method}() method, needed by ${call}.`
    : `plangen: call configure({ analytics }) before ${call}.`;
}

// Reporting must never become the failure: a console replaced by something that throws is ignored.
function warn(message: string): void {
  try {
    if (typeof console !== 'undefined' && typeof console.warn === 'function') console.warn(message);
  } catch {
    // Nowhere left to report to.
  }
}

function describe(value: unknown): string {
  try {
    if (typeof value === 'string') return JSON.stringify(value);
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'function') return 'a function';
    if (Array.isArray(value)) return 'an array';
    if (typeof value === 'object' && value !== null) return 'an object';
    return String(value);
  } catch {
    return 'a value that cannot be printed';
  }
}
