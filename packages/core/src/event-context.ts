// The one place a call's context gets `protocols.event_version`, the key Protocols reads to pick the version.
import { copyRecord, isRecord, ownValue } from './own-value.js';

/**
 * A new context: the caller's keys and other `protocols` keys kept, `protocols.event_version` forced to
 * `version` (a caller cannot silently send another version). The caller's objects are never mutated;
 * a context that is not an object counts as empty.
 */
export function withEventVersion(context: unknown, version: number): Record<string, unknown> {
  // Most calls pass no context: a literal is built faster than keys added one by one.
  if (!isRecord(context)) return { protocols: { event_version: version } };
  const merged = copyRecord(context);
  const protocols = copyRecord(ownValue(merged, 'protocols'));
  protocols['event_version'] = version;
  merged['protocols'] = protocols;
  return merged;
}
