// What the browser and Node runtimes share: configure() checks, the not-configured answer, and the
// production promise that a wrapper never throws. Validation is not here: it comes in as a
// `Validation` (validation.ts) that only development SDKs create, so production bundles never carry it.
import type { CallSpec, CompiledValidator, EventSpec, PlangenOptions, Violation, ViolationPolicy } from './types.js';
import { PlangenNotConfiguredError } from './not-configured-error.js';
import { isObjectLike } from './own-value.js';

/** Setup of `createBrowserRuntime`/`createNodeRuntime`: validation only when a `Validation` is given (and not in production). */
export interface RuntimeSetup {
  /** `production` skips validation and turns every failure inside a wrapper into one console warning. */
  mode?: 'development' | 'production';
  /** From `createValidation()`: development SDKs pass one, production SDKs none, so their bundles never carry it. */
  validation?: Validation;
}

/** How violations are handled; before configure(): validate in development and warn. */
export interface Settings {
  readonly policy: ViolationPolicy;
  readonly onViolation: ((violation: Violation) => void) | undefined;
  /** Validators run: development mode and not `validate: false`. */
  readonly validating: boolean;
}

/**
 * One analytics-next call (track, identify, group, page or screen), as `Validation.allowsCall` judges
 * it. The spec's `validate` checks `fields.traits` (identify, group) or `fields.properties` (the others).
 */
export interface BrowserCall {
  readonly spec: EventSpec | CallSpec;
  /** The call's own payload keys; keys without a value are left out of the payload. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The caller's options: analytics-next copies some of their keys into the payload. */
  readonly options: unknown;
  /** The context that is sent. */
  readonly context: unknown;
}

/**
 * One analytics-node call, as `Validation.allowsMessage` judges it. The spec's `validate` checks
 * `message.traits` (identify, group) or `message.properties` (the others).
 */
export interface NodeCall {
  readonly spec: EventSpec | CallSpec;
  /** The message the client receives; the payload is the message with its `type`. */
  readonly message: object;
  /**
   * The caller's own argument when `message` is the runtime's copy of it (track): an argument that
   * throws when read is a violation. Absent: `message` itself.
   */
  readonly given?: unknown;
}

/**
 * Checks one call against the plan, made by `createValidation` (validation.ts): runs the spec's
 * validators on the properties or traits and on the whole payload (built only when a whole-payload
 * validator or a violation needs it), and answers whether the call may be sent, by the policy.
 */
export interface Validation {
  allowsCall(call: BrowserCall, settings: Settings): boolean;
  allowsMessage(call: NodeCall, settings: Settings): boolean;
}

export interface RuntimeCore<Client> {
  configure(options: PlangenOptions<Client>): void;
  /** The client given to configure(), if any. */
  client(): Client | undefined;
  /** The validation to run on this call, if any. */
  validating(): Validation | undefined;
  settings(): Settings;
  /** Why a wrapper cannot send. Development: throws PlangenNotConfiguredError. Production: warns once. */
  unavailable(method: string, spec: EventSpec | undefined, hasClient: boolean): undefined;
  /** Handles an exception caught in a wrapper: rethrown in development, warned once in production. */
  failed(error: unknown): void;
}

const POLICIES: readonly ViolationPolicy[] = ['warn', 'throw', 'skip', 'callback'];

/** `isClient` tells a usable client; `clientShape` names what is expected, for configure()'s errors. */
export function createRuntimeCore<Client>(
  setup: RuntimeSetup | undefined,
  isClient: (value: unknown) => value is Client,
  clientShape: string,
): RuntimeCore<Client> {
  const production = setup?.mode === 'production';
  const validation = production ? undefined : setup?.validation;
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
    configure(options) {
      try {
        const checked = checkedClient(options, isClient, clientShape);
        settings = readSettings(options, production);
        client = checked;
      } catch (error) {
        // A broken configure() must not take a production app down; the wrappers then report "not configured".
        if (!production) throw error;
        warnOnce(error instanceof Error ? error.message : String(error));
      }
    },
    client: () => client,
    validating: () => (settings.validating ? validation : undefined),
    settings: () => settings,
    unavailable(method, spec, hasClient) {
      const call = spec === undefined ? `${method}()` : `tracking ${JSON.stringify(spec.event)} v${spec.version}`;
      const message = hasClient
        ? `plangen: the analytics client has no ${method}() method, needed by ${call}.`
        : `plangen: call configure({ analytics }) before ${call}.`;
      if (!production) throw new PlangenNotConfiguredError(message);
      warnOnce(`${message} Calls are dropped until then.`);
      return undefined;
    },
    failed(error) {
      if (!production) throw error;
      warnOnce(`plangen: a call failed and was not sent (further failures are not reported): ${describe(error)}`, 'failed');
    },
  };
}

function checkedClient<Client>(options: unknown, isClient: (value: unknown) => value is Client, clientShape: string): Client {
  if (!isObjectLike(options)) fail(`configure() needs an options object like { analytics }; got ${describe(options)}`);
  const { analytics } = options;
  if (!isClient(analytics)) fail(`configure({ analytics }) needs ${clientShape}; got ${describe(analytics)}`);
  return analytics;
}

function readSettings<Client>(options: PlangenOptions<Client>, production: boolean): Settings {
  const { onViolation, policy, validate } = options;
  if (onViolation !== undefined && typeof onViolation !== 'function') {
    fail(`onViolation must be a function; got ${describe(onViolation)}`);
  }
  if (policy !== undefined && !POLICIES.includes(policy)) {
    fail(`unknown violation policy ${describe(policy)}. Use one of: ${POLICIES.join(', ')}`);
  }
  if (policy === 'callback' && onViolation === undefined) fail('policy "callback" needs an onViolation function to call');
  if (validate !== undefined && typeof validate !== 'boolean') fail(`validate must be true or false; got ${describe(validate)}`);
  return {
    policy: policy ?? (onViolation === undefined ? 'warn' : 'callback'),
    onViolation,
    validating: !production && validate !== false,
  };
}

function fail(problem: string): never {
  throw new TypeError(`plangen: ${problem}.`);
}

/** console.warn, if there is one. Reporting must never become the failure: a throwing console is ignored. */
export function warn(message: string): void {
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
