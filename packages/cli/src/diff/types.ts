// The result of `plangen diff`, shared by the comparison, the versioning policy
// and both output formats. The JSON output is this shape (docs/diff-and-lint.md).

/** What a change is about. */
export type DiffTarget =
  | { readonly kind: 'event'; readonly event: string }
  | { readonly kind: 'version'; readonly event: string; readonly version: number }
  | { readonly kind: 'identify' | 'group' | 'page' | 'screen' | 'common' };

/** Which schema of the target a property change is in. */
export type DiffScope = 'properties' | 'traits' | 'payload' | 'schema';

export interface PlanChange {
  readonly target: DiffTarget;
  /** Present for changes inside a schema. */
  readonly scope?: DiffScope;
  /** JSON pointer into that schema (`/properties/coupon`); '' is the schema itself. */
  readonly pointer?: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly classification: 'breaking' | 'compatible';
  /** What changed, without trailing period: `became required`. */
  readonly message: string;
  /** Whether the generated type of the target changes (not part of the JSON output). */
  readonly affectsType: boolean;
}

export interface SignatureChange {
  /** A generated function: `trackOrderCompletedV2`, `trackOrderCompleted`, `identify`. */
  readonly fn: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** Why, without trailing period: `v2 properties changed`. */
  readonly reason: string;
}

export interface VersioningViolation {
  readonly event: string;
  readonly version: number;
  /** The version to add instead: the event's latest version + 1. */
  readonly nextVersion: number;
  readonly change: PlanChange;
  /** One line naming the event, the change and the fix. */
  readonly message: string;
}

export interface PlanDiff {
  readonly changes: readonly PlanChange[];
  readonly signatures: readonly SignatureChange[];
}
