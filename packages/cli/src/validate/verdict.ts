// What checking one payload against the plan concludes. The checker decides,
// the report builder counts; neither knows about the other.
import type { CallType, ValidationError, VersionResolution } from '@plangen/core/internal';

/** Segment call types the plan can say something about; `alias` is only checked against the common schema. */
export type PayloadType = CallType | 'alias';

/** Why a payload could not be checked at all. The reason is a fixed phrase (it groups the report); the detail varies. */
export type MalformedReason =
  | 'not valid JSON'
  | 'line too long'
  | 'not a JSON object'
  | 'no "type"'
  | 'unknown "type"'
  | 'track without "event"';

export type VersionFallback = Extract<VersionResolution, { reason: 'missing' | 'not-a-positive-integer' | 'unknown-version' }>;

export type PayloadVerdict =
  | { readonly kind: 'malformed'; readonly reason: MalformedReason; readonly detail?: string }
  | { readonly kind: 'unplanned-event'; readonly event: string }
  | {
      readonly kind: 'checked';
      readonly type: PayloadType;
      /** Track only: the event's wire name and the version it was validated against. */
      readonly event?: string;
      readonly version?: number;
      /** Track only: present when the payload's event_version was not used, and why. */
      readonly fallback?: VersionFallback;
      /** Empty when the payload is valid. */
      readonly errors: readonly ValidationError[];
    };
