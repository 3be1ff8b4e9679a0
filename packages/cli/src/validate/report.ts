// The result of `plangen validate`, which is also its `--format json` output.
// The shape is documented in docs/validate.md; change both together.
import type { VersionFallback, MalformedReason, PayloadType } from './verdict.js';

export interface ValidationReport {
  /** The plan file as given. */
  readonly plan: string;
  /** The payload inputs as given (`stdin` for standard input). */
  readonly inputs: readonly string[];
  readonly totals: Totals;
  /** Schema violations, unplanned properties included, largest first. */
  readonly violations: readonly ViolationGroup[];
  /** Track calls whose event name the plan does not have, largest first. */
  readonly unplannedEvents: readonly UnplannedEventGroup[];
  /** Track calls validated against another version than the one they name, largest first. */
  readonly versionFallbacks: readonly FallbackGroup[];
  /** Lines or array elements that could not be checked at all, largest first. */
  readonly malformed: readonly MalformedGroup[];
  /**
   * Findings counted in the totals but not grouped, because the report already
   * holds its maximum number of groups (keeps memory bounded on hostile input).
   */
  readonly ungrouped: number;
}

/** Every payload is exactly one of valid, invalid, unplannedEvent or malformed. */
export interface Totals {
  readonly payloads: number;
  readonly valid: number;
  /** Payloads with at least one violation or unplanned property. */
  readonly invalid: number;
  readonly unplannedEvents: number;
  readonly malformed: number;
  /** Payloads (valid or not) that were checked against a fallback version. */
  readonly versionFallbacks: number;
}

/** Where something was first seen: `events.jsonl:12`, or `events.json#/12` for the 13th element of a JSON array. */
export type Location = string;

export interface ViolationGroup {
  /** `unplanned-property` for additionalProperties violations (at any depth), `violation` for everything else. */
  readonly kind: 'violation' | 'unplanned-property';
  readonly type: PayloadType;
  /** Track only. */
  readonly event?: string;
  /** Track only: the version validated against. */
  readonly version?: number;
  // JSON pointer into the payload with array indexes as `*`: /properties/products/*/price
  readonly path: string;
  readonly keyword: string;
  /** As the generated SDK reports it: `is required`, `must be integer`, `is not allowed`. */
  readonly message: string;
  /** Payloads with this problem. */
  readonly count: number;
  readonly example: {
    readonly location: Location;
    /** The exact pointer in that payload. */
    readonly pointer: string;
    /** The offending value; absent when the property is missing. */
    readonly value?: unknown;
  };
}

export interface UnplannedEventGroup {
  readonly event: string;
  readonly count: number;
  readonly example: { readonly location: Location };
}

export interface FallbackGroup {
  readonly event: string;
  /** The version the payloads were validated against: the event's oldest. */
  readonly version: number;
  readonly reason: VersionFallback['reason'];
  readonly count: number;
  readonly example: {
    readonly location: Location;
    /** The `context.protocols.event_version` the payload carried; absent when it had none. */
    readonly given?: unknown;
  };
}

export interface MalformedGroup {
  readonly reason: MalformedReason;
  readonly count: number;
  /** The first few places, in input order (at most MAX_MALFORMED_LOCATIONS). */
  readonly locations: readonly Location[];
  /** What was wrong with the first one: the JSON parser's message, the type found, ... */
  readonly detail?: string;
}
