// Protocols' event-version rule, the one implementation shared by the wrappers and `plangen validate`:
// a payload whose context.protocols.event_version is missing, not a positive integer, or not a version
// of the event is validated against the event's oldest version.
import type { VersionResolution } from './types.js';
import { ownValue } from './own-value.js';

/**
 * Picks the version a payload is validated against. `given` counts only as a JS number that is a
 * positive integer (2 and 2.0 are the same number) and one of `versions`; the string "2" does not.
 */
export function resolveEventVersion(given: unknown, versions: readonly number[]): VersionResolution {
  if (versions.length === 0) throw new RangeError('resolveEventVersion needs at least one version of the event.');
  if (isPositiveInteger(given) && versions.includes(given)) return { version: given, reason: 'explicit' };
  const version = oldest(versions);
  if (given === undefined) return { version, reason: 'missing' };
  return { version, reason: isPositiveInteger(given) ? 'unknown-version' : 'not-a-positive-integer', given };
}

/** Reads `context.protocols.event_version` from any value, following own properties only and never throwing. */
export function eventVersionOf(payload: unknown): unknown {
  return ownValue(ownValue(ownValue(payload, 'context'), 'protocols'), 'event_version');
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function oldest(versions: readonly number[]): number {
  let smallest = Infinity;
  for (const version of versions) if (version < smallest) smallest = version;
  return smallest;
}
