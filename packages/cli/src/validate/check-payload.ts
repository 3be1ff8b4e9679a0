// Protocols semantics for one recorded payload: which schema applies, which
// event version, and what is wrong. Version resolution, error pointers and
// messages come from @plangen/core, so a payload reads exactly as the
// generated SDK would have reported it.
import { eventVersionOf, resolveEventVersion, toValidationErrors } from '@plangen/core/internal';
import type { CompiledValidator, ValidationError } from '@plangen/core/internal';
import { payloadValidatorName } from '../model/names.js';
import type { PlanModel } from '../model/types.js';
import type { PayloadType, PayloadVerdict } from './verdict.js';

/** Compiled validators by name (`validateOrderCompletedV2`, `validateOrderCompletedV2Payload`, `validateCommon`, ...). */
export type Validators = Readonly<Record<string, CompiledValidator>>;

/** What one call's contents (properties or traits) and whole payload are checked with. */
interface CallCheck {
  /** The payload member the main schema applies to. */
  readonly member: 'properties' | 'traits';
  readonly validate?: CompiledValidator;
  readonly validatePayload?: CompiledValidator;
}

interface EventCheck {
  /** Ascending, as resolveEventVersion expects them. */
  readonly versions: readonly number[];
  readonly byVersion: ReadonlyMap<number, CallCheck>;
}

export type PayloadChecker = (payload: unknown) => PayloadVerdict;

export function createPayloadChecker(model: PlanModel, validators: Validators): PayloadChecker {
  const pick = (name: string): CompiledValidator => {
    const validator = validators[name];
    if (!validator) throw new Error(`plangen: no compiled validator named ${name}`);
    return validator;
  };

  const checkWith = (member: CallCheck['member'], validator: string, payloadSchema: unknown): CallCheck => ({
    member,
    validate: pick(validator),
    validatePayload: payloadSchema !== undefined ? pick(payloadValidatorName(validator)) : undefined,
  });

  const events = new Map<string, EventCheck>();
  for (const event of model.events) {
    const byVersion = new Map<number, CallCheck>();
    for (const version of event.versions) byVersion.set(version.version, checkWith('properties', version.identifiers.validator, version.payload));
    events.set(event.name, { versions: event.versions.map((version) => version.version), byVersion });
  }

  // Calls the plan says nothing about (and alias) are still checked against the common schema.
  const rulesFor = (member: CallCheck['member'], rules: { identifiers: { validator: string }; payload?: unknown } | undefined): CallCheck =>
    rules ? checkWith(member, rules.identifiers.validator, rules.payload) : { member };
  const calls: Record<Exclude<PayloadType, 'track'>, CallCheck> = {
    identify: rulesFor('traits', model.identify),
    group: rulesFor('traits', model.group),
    page: rulesFor('properties', model.page),
    screen: rulesFor('properties', model.screen),
    alias: { member: 'properties' },
  };
  const common = model.common ? pick(model.common.validator) : undefined;

  return (payload) => {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return { kind: 'malformed', reason: 'not a JSON object', detail: `found ${payload === null ? 'null' : Array.isArray(payload) ? 'an array' : typeof payload}` };
    }
    const record = payload as Record<string, unknown>;
    const type = record.type;
    if (type === undefined) return { kind: 'malformed', reason: 'no "type"' };
    if (type === 'track') {
      const event = record.event;
      if (typeof event !== 'string') return { kind: 'malformed', reason: 'track without "event"' };
      const plan = events.get(event);
      if (!plan) return { kind: 'unplanned-event', event };
      const resolution = resolveEventVersion(eventVersionOf(record), plan.versions);
      const errors = check(plan.byVersion.get(resolution.version)!, record, common);
      // A single-version event without event_version is the normal case, not worth a report line.
      const unremarkable = resolution.reason === 'explicit' || (resolution.reason === 'missing' && plan.versions.length === 1);
      return unremarkable
        ? { kind: 'checked', type, event, version: resolution.version, errors }
        : { kind: 'checked', type, event, version: resolution.version, fallback: resolution, errors };
    }
    const call = typeof type === 'string' && Object.hasOwn(calls, type) ? calls[type as keyof typeof calls] : undefined;
    if (!call) return { kind: 'malformed', reason: 'unknown "type"', detail: `"type": ${JSON.stringify(type)}` };
    return { kind: 'checked', type: type as PayloadType, errors: check(call, record, common) };
  };
}

const NO_ERRORS: readonly ValidationError[] = Object.freeze([]);

function check(call: CallCheck, payload: Record<string, unknown>, common: CompiledValidator | undefined): readonly ValidationError[] {
  let errors: ValidationError[] | undefined;
  if (call.validate) {
    // An absent properties/traits object is an empty one, as the SDK sends it.
    const member = (Object.hasOwn(payload, call.member) ? payload[call.member] : undefined) ?? {};
    errors = run(call.validate, member, `/${call.member}`, errors);
  }
  if (call.validatePayload) errors = run(call.validatePayload, payload, '', errors);
  if (common) errors = run(common, payload, '', errors);
  return errors ?? NO_ERRORS;
}

// A validator that throws (a recursive schema on a payload nested deeper than the stack) makes one
// `exception` error, as in the SDK, instead of ending the run and its report.
function run(validator: CompiledValidator, data: unknown, base: string, found: ValidationError[] | undefined): ValidationError[] | undefined {
  let errors: ValidationError[];
  try {
    if (validator(data)) return found;
    errors = toValidationErrors(validator.errors, base);
  } catch (error) {
    errors = [{ pointer: base, keyword: 'exception', message: `could not be validated: the validator threw ${String(error)}` }];
  }
  return found === undefined ? errors : [...found, ...errors];
}
