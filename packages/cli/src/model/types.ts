// The normalized tracking-plan model: the one shape every later stage (generate,
// validate, diff, lint, inspect) reads. It is built once by `buildModel` from any
// plan format and never mutated afterwards (every field is readonly).
//
// Semantics follow Segment Protocols: an event has one or more integer versions;
// each version validates the `properties` object of a track call, and may also
// constrain the whole payload (context, traits); identify/group traits, page and
// screen properties and the common schema (applied to every payload) sit beside
// the events.

import type { JSONSchema7 } from 'json-schema';

export type JsonSchema = JSONSchema7;

/** The input formats plangen reads; the plan's format is detected, or forced by a flag (the one list of them). */
export const PLAN_FORMATS = ['plangen', 'segment-public-api', 'segment-config-api', 'rudderstack-tracking-plan-api', 'rudderstack-data-catalog-api'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/**
 * Where a model element came from: the file and a JSON pointer into it. Line and
 * column are resolved lazily (see load/locate.ts) because only errors need them.
 */
/**
 * key:value labels. A key Segment gives several values (`{ "platform": ["ios", "android"] }`, or
 * `platform:ios` and `platform:android`) holds them as a list: several labels with one key.
 */
export type Labels = Readonly<Record<string, string | readonly string[]>>;

export interface SourceRef {
  readonly file: string;
  readonly pointer: string;
}

/** The names a stage emits for one callable (a track version, identify, ...). */
export interface Identifiers {
  /** The function the app calls: `trackOrderCompleted`, `trackOrderCompletedV1`, `identify`. */
  readonly fn: string;
  /** The TypeScript type of its properties or traits: `OrderCompletedV1Properties`. */
  readonly type: string;
  /** The precompiled validator's export: `validateOrderCompletedV1`. */
  readonly validator: string;
}

export interface EventVersion {
  /** Positive integer, unique within the event. */
  readonly version: number;
  readonly description?: string;
  readonly labels: Labels;
  /** JSON Schema of the track call's `properties` object (self-contained: carries its own definitions). */
  readonly properties: JsonSchema;
  /**
   * JSON Schema of the whole payload when the plan constrains more than
   * `properties` (context, traits, ...); absent otherwise.
   */
  readonly payload?: JsonSchema;
  /** Names for this exact version: `trackOrderCompletedV2`, `OrderCompletedV2Properties`, `validateOrderCompletedV2`. */
  readonly identifiers: Identifiers;
  readonly source: SourceRef;
}

export interface EventModel {
  /** The wire name, exactly as the plan writes it (casing, spaces, punctuation). */
  readonly name: string;
  /** The event-level description when the plan writes one, else the latest version's. */
  readonly description?: string;
  /** Labels of the latest version merged over event-level labels. */
  readonly labels: Labels;
  /** Ascending by version; never empty. */
  readonly versions: readonly EventVersion[];
  /** Names for "the latest version": `trackOrderCompleted`, `OrderCompletedProperties`. */
  readonly identifiers: Identifiers;
  readonly source: SourceRef;
  /**
   * Set only on a selection of the plan (select-plan.ts) that left out the event's later versions:
   * the plan's latest version, while `versions` ends at the latest selected one.
   */
  readonly planLatestVersion?: number;
}

/** identify or group: a traits schema. */
export interface TraitsModel {
  readonly kind: 'identify' | 'group';
  readonly description?: string;
  /** The rule's labels, when the plan gives it any (Segment-shaped formats): selections apply them. */
  readonly labels?: Labels;
  /** JSON Schema of the `traits` object. */
  readonly traits: JsonSchema;
  /** JSON Schema of the whole payload when the plan constrains more than traits. */
  readonly payload?: JsonSchema;
  /** `identify` / `IdentifyTraits` / `validateIdentifyTraits`. */
  readonly identifiers: Identifiers;
  readonly source: SourceRef;
}

/** page or screen: a properties schema shared by every page (or screen) call. */
export interface PageModel {
  readonly kind: 'page' | 'screen';
  readonly description?: string;
  /** The rule's labels, when the plan gives it any (Segment-shaped formats): selections apply them. */
  readonly labels?: Labels;
  readonly properties: JsonSchema;
  readonly payload?: JsonSchema;
  /** `page` / `PageProperties` / `validatePageProperties`. */
  readonly identifiers: Identifiers;
  readonly source: SourceRef;
}

/** The common JSON schema: applied to the whole payload of every call. */
export interface CommonModel {
  readonly schema: JsonSchema;
  /** `validateCommon` */
  readonly validator: string;
  readonly source: SourceRef;
}

export interface PlanModel {
  readonly name: string;
  readonly description?: string;
  readonly file: string;
  readonly format: PlanFormat;
  /** Sorted by wire name (code-unit order), so output never depends on plan order. */
  readonly events: readonly EventModel[];
  readonly identify?: TraitsModel;
  readonly group?: TraitsModel;
  readonly page?: PageModel;
  readonly screen?: PageModel;
  readonly common?: CommonModel;
}
