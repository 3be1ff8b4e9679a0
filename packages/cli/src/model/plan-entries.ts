// What each format reader hands to `buildModel`: the plan flattened into one entry
// per event version (the shape Segment's rules already have), with schemas in
// their final form and a source pointer for every entry.
import type { JsonSchema, Labels, PlanFormat, SourceRef } from './types.js';

export type { Labels };

export interface VersionEntry {
  /** Wire name of the event. */
  readonly event: string;
  readonly version: number;
  readonly description?: string;
  /** The version's own labels. */
  readonly labels: Labels;
  /** Description and labels written once for every version of the event (native format). */
  readonly eventDescription?: string;
  readonly eventLabels: Labels;
  readonly properties: JsonSchema;
  readonly payload?: JsonSchema;
  /** Where this version is written. */
  readonly source: SourceRef;
  /** Where the event is written (the version itself for one-rule-per-version formats). */
  readonly eventSource: SourceRef;
}

/** identify / group (schema of traits) or page / screen (schema of properties). */
export interface CallEntry {
  readonly description?: string;
  /** The rule's labels, when it has any (Segment-shaped formats). */
  readonly labels?: Labels;
  readonly schema: JsonSchema;
  readonly payload?: JsonSchema;
  readonly source: SourceRef;
}

export interface PlanEntries {
  readonly name: string;
  readonly description?: string;
  readonly file: string;
  readonly format: PlanFormat;
  readonly events: readonly VersionEntry[];
  readonly identify?: CallEntry;
  readonly group?: CallEntry;
  readonly page?: CallEntry;
  readonly screen?: CallEntry;
  readonly common?: { readonly schema: JsonSchema; readonly source: SourceRef };
}
