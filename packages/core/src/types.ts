// Types shared by @plangen/core and the code plangen generates.

/** One problem found by a validator, located by a JSON pointer into the payload that would be sent. */
export interface ValidationError {
  /** RFC 6901 pointer into the whole payload: `/properties/order_id`, `/traits/email`, `/context/protocols/event_version`. */
  readonly pointer: string;
  /** Human sentence without the location: `is required`, `must be integer`, `must be one of "fall", "winter"`. */
  readonly message: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `enum`, `pattern`, ...). */
  readonly keyword: string;
}

export type CallType = 'track' | 'identify' | 'group' | 'page' | 'screen';

/** What `onViolation` receives. */
export interface Violation {
  readonly type: CallType;
  /** The track event name exactly as the plan writes it (absent for identify/group/page/screen). */
  readonly event?: string;
  /** The event version the payload was validated against. */
  readonly version?: number;
  readonly errors: readonly ValidationError[];
  /** The payload as it would be sent (properties/traits, context, ...). */
  readonly payload: Readonly<Record<string, unknown>>;
}

/** The error object shape ajv's standalone validators leave in `validate.errors`. */
export interface CompiledValidatorError {
  readonly instancePath: string;
  readonly schemaPath?: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A precompiled validator as ajv standalone emits it. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly CompiledValidatorError[] | null;
}

/**
 * How a violation is handled:
 * - `warn`: console.warn it (and call onViolation if given), then send. The default without onViolation.
 * - `throw`: call onViolation if given, then throw a `PlangenViolationError`; nothing is sent.
 * - `skip`: call onViolation if given; nothing is sent.
 * - `callback`: call onViolation only, then send. The default when onViolation is given.
 */
export type ViolationPolicy = 'warn' | 'throw' | 'skip' | 'callback';

export interface PlangenOptions<Client> {
  /** The analytics client instance every wrapper sends through. */
  analytics: Client;
  onViolation?: (violation: Violation) => void;
  policy?: ViolationPolicy;
  /** `false` turns validation off at run time (wrappers still inject the event version). Default `true`. */
  validate?: boolean;
}

/** What a generated wrapper knows about the call it makes; one constant per event version, made at generation time. */
export interface EventSpec {
  /** Wire name, exactly as in the plan. */
  readonly event: string;
  readonly version: number;
  /** Validates the `properties` object; absent in production builds. */
  readonly validate?: CompiledValidator;
  /** Validates the whole payload when the plan constrains context or traits too. */
  readonly validatePayload?: CompiledValidator;
}

/** identify / group / page / screen: validators for traits or properties. */
export interface CallSpec {
  readonly type: Exclude<CallType, 'track'>;
  /** Validates `traits` (identify, group) or `properties` (page, screen). */
  readonly validate?: CompiledValidator;
  readonly validatePayload?: CompiledValidator;
}

/** Where `resolveEventVersion` got its answer. */
export type VersionResolution =
  | { readonly version: number; readonly reason: 'explicit' }
  | { readonly version: number; readonly reason: 'missing' | 'not-a-positive-integer' | 'unknown-version'; readonly given?: unknown };
