// Counts verdicts as they stream by and keeps one example per group, so memory
// depends on how many different problems there are, never on how many payloads,
// and never on what the payloads hold: groups are capped, and every kept text and
// value is a bounded preview (preview-value.ts).
import { followPointer } from './json-pointer.js';
import { previewText, previewValue } from './preview-value.js';
import type { FallbackGroup, Location, MalformedGroup, UnplannedEventGroup, ValidationReport, ViolationGroup } from './report.js';
import type { MalformedReason, PayloadVerdict, VersionFallback } from './verdict.js';

/** Most groups kept across all lists; findings beyond are still counted (`ungrouped`). */
export const MAX_GROUPS = 10_000;
export const MAX_MALFORMED_LOCATIONS = 10;
/** Characters kept of names, paths, pointers and details; longer ones end in `…` (and group together if they share the kept part). */
export const MAX_NAME_LENGTH = 1_000;

/** Where the current payload is; asked only when an example is kept, so most payloads never build a string. */
export interface Position {
  location(): Location;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class ReportBuilder {
  private readonly totals = { payloads: 0, valid: 0, invalid: 0, unplannedEvents: 0, malformed: 0, versionFallbacks: 0 };
  private readonly violations = new Map<string, Mutable<ViolationGroup>>();
  private readonly unplannedEvents = new Map<string, Mutable<UnplannedEventGroup>>();
  private readonly fallbacks = new Map<string, Mutable<FallbackGroup>>();
  private readonly malformed = new Map<MalformedReason, Mutable<MalformedGroup> & { locations: Location[] }>();
  private groups = 0;
  private ungrouped = 0;

  add(verdict: PayloadVerdict, payload: unknown, position: Position): void {
    this.totals.payloads++;
    switch (verdict.kind) {
      case 'malformed':
        this.totals.malformed++;
        this.addMalformed(verdict.reason, verdict.detail, position);
        return;
      case 'unplanned-event': {
        this.totals.unplannedEvents++;
        const event = previewText(verdict.event, MAX_NAME_LENGTH);
        this.count(this.unplannedEvents, event, () => ({ event, count: 0, example: { location: position.location() } }));
        return;
      }
      case 'checked':
        if (verdict.fallback) this.addFallback(previewText(verdict.event ?? '', MAX_NAME_LENGTH), verdict.fallback, position);
        if (verdict.errors.length === 0) {
          this.totals.valid++;
          return;
        }
        this.totals.invalid++;
        this.addViolations(verdict, payload, position);
    }
  }

  build(plan: string, inputs: readonly string[]): ValidationReport {
    return {
      plan,
      inputs,
      totals: { ...this.totals },
      violations: [...this.violations.values()].sort(
        (a, b) =>
          b.count - a.count ||
          compare(a.event ?? a.type, b.event ?? b.type) ||
          (a.version ?? 0) - (b.version ?? 0) ||
          compare(a.path, b.path) ||
          compare(a.message, b.message),
      ),
      unplannedEvents: [...this.unplannedEvents.values()].sort((a, b) => b.count - a.count || compare(a.event, b.event)),
      versionFallbacks: [...this.fallbacks.values()].sort(
        (a, b) => b.count - a.count || compare(a.event, b.event) || compare(a.reason, b.reason),
      ),
      malformed: [...this.malformed.values()].sort((a, b) => b.count - a.count || compare(a.reason, b.reason)),
      ungrouped: this.ungrouped,
    };
  }

  private addFallback(event: string, fallback: VersionFallback, position: Position): void {
    const { version, reason, given } = fallback;
    this.totals.versionFallbacks++;
    // Each distinct wrong value gets its own line: "2" and 3.2 are different bugs in the app.
    const shown = given === undefined ? undefined : previewValue(given);
    const key = `${event}\0${version}\0${reason}\0${shown === undefined ? '' : JSON.stringify(shown)}`;
    this.count(this.fallbacks, key, () => ({
      event,
      version,
      reason,
      count: 0,
      example: { location: position.location(), ...(shown !== undefined ? { given: shown } : {}) },
    }));
  }

  private addViolations(verdict: Extract<PayloadVerdict, { kind: 'checked' }>, payload: unknown, position: Position): void {
    // A payload counts once per group, however many array items repeat the problem.
    const seen = new Set<string>();
    const event = verdict.event === undefined ? undefined : previewText(verdict.event, MAX_NAME_LENGTH);
    for (const error of verdict.errors) {
      const target = followPointer(payload, error.pointer);
      const path = previewText(target.pattern, MAX_NAME_LENGTH);
      const message = previewText(error.message, MAX_NAME_LENGTH);
      const key = `${verdict.type}\0${event ?? ''}\0${verdict.version ?? ''}\0${path}\0${error.keyword}\0${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind: ViolationGroup['kind'] = error.keyword === 'additionalProperties' ? 'unplanned-property' : 'violation';
      this.count(this.violations, key, () => ({
        kind,
        type: verdict.type,
        ...(event !== undefined ? { event } : {}),
        ...(verdict.version !== undefined ? { version: verdict.version } : {}),
        path,
        keyword: error.keyword,
        message,
        count: 0,
        example: {
          location: position.location(),
          pointer: previewText(error.pointer, MAX_NAME_LENGTH),
          ...(target.value !== undefined ? { value: previewValue(target.value) } : {}),
        },
      }));
    }
  }

  private addMalformed(reason: MalformedReason, detail: string | undefined, position: Position): void {
    const group = this.malformed.get(reason);
    if (group) {
      group.count++;
      if (group.locations.length < MAX_MALFORMED_LOCATIONS) group.locations.push(position.location());
      return;
    }
    // At most one group per fixed reason, so these never hit the cap.
    this.malformed.set(reason, { reason, count: 1, locations: [position.location()], ...(detail !== undefined ? { detail: previewText(detail, MAX_NAME_LENGTH) } : {}) });
  }

  private count<G extends { count: number }>(groups: Map<string, G>, key: string, create: () => G): void {
    let group = groups.get(key);
    if (!group) {
      if (this.groups >= MAX_GROUPS) {
        this.ungrouped++;
        return;
      }
      this.groups++;
      group = create();
      groups.set(key, group);
    }
    group.count++;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
