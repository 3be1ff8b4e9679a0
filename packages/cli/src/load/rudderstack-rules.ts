// RudderStack validates a call against one rule: a track call against the first rule with the
// event's name, any other call against the rule of its type (rudder-transformer's
// getEventSchema). A second rule would be dead there but a live version here, so both
// RudderStack readers refuse it, at the second rule, naming the first.
import type { SourceRef } from '../model/types.js';
import { errorAt } from '../model/located-error.js';
import { quote } from '../messages/quote.js';

/** One entry of `rules.events`, as written. */
export interface WrittenRule {
  /** Index in `rules.events`. */
  readonly index: number;
  /** The event name for track rules, the call type (`identify`, ...) for the others. */
  readonly key: string;
  readonly track: boolean;
  /** `version` as written, and the plangen version it maps onto. */
  readonly written: unknown;
  readonly version: number;
  readonly source: SourceRef;
}

export function checkOneRulePerEvent(rules: readonly WrittenRule[]): void {
  const first = new Map<string, WrittenRule>();
  for (const rule of rules) {
    const id = `${rule.track ? 'track' : 'call'}:${rule.key}`;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, rule);
      continue;
    }
    if (!rule.track) {
      throw errorAt(rule.source, `a second ${rule.key} rule (rule #${earlier.index + 1} is the first)`, `RudderStack validates every ${rule.key} call against one rule: merge them into one`);
    }
    const problem =
      rule.version === earlier.version && rule.written !== earlier.written
        ? `versions ${versionText(earlier.written)} (rule #${earlier.index + 1}) and ${versionText(rule.written)} of event ${quote(rule.key)} both map onto plangen version ${rule.version}`
        : `event ${quote(rule.key)} has a second rule (rule #${earlier.index + 1} is the first)`;
    throw errorAt(rule.source, problem, 'RudderStack validates every call of an event against one rule: keep one rule per event name');
  }
}

function versionText(written: unknown): string {
  if (written === undefined) return 'none';
  return typeof written === 'string' ? quote(written) : String(written);
}
