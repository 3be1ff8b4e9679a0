// What push sends: the local plan's rules, except that a rule whose element the
// diff finds unchanged is sent exactly as Segment holds it. So pushing a plan
// that was just pulled changes nothing in Segment, byte for byte (a rule's
// schema can be written in several ways that mean the same; the remote's wins).
import type { PlanChange } from '../diff/types.js';
import type { SegmentRule } from './model-to-rules.js';

export function rulesToSend(local: readonly SegmentRule[], remote: readonly SegmentRule[], changes: readonly PlanChange[]): SegmentRule[] {
  const changed = new Set(changes.map((change) => targetKey(change.target)));
  const isChanged = (rule: SegmentRule) => changed.has(ruleKey(rule)) || (rule.type === 'TRACK' && changed.has(eventKey(rule.key ?? '')));
  const remoteByKey = new Map<string, SegmentRule[]>();
  for (const rule of remote) remoteByKey.set(ruleKey(rule), [...(remoteByKey.get(ruleKey(rule)) ?? []), rule]);
  return local.flatMap((rule) => {
    const kept = remoteByKey.get(ruleKey(rule));
    return !isChanged(rule) && kept !== undefined ? kept : [rule];
  });
}

export interface RuleCounts {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
}

/** How the rules sent compare with the remote ones, rule by rule (what push reports beside the diff). */
export function countRuleChanges(sent: readonly SegmentRule[], remote: readonly SegmentRule[]): RuleCounts {
  const remoteByKey = new Map(remote.map((rule) => [identity(rule), JSON.stringify(rule.jsonSchema)]));
  const sentKeys = new Set(sent.map(identity));
  let added = 0;
  let changed = 0;
  for (const rule of sent) {
    const before = remoteByKey.get(identity(rule));
    if (before === undefined) added += 1;
    else if (before !== JSON.stringify(rule.jsonSchema)) changed += 1;
  }
  const removed = [...remoteByKey.keys()].filter((key) => !sentKeys.has(key)).length;
  return { added, removed, changed, unchanged: sent.length - added - changed };
}

/** A rule's identity in Segment: its type, key and version. */
function identity(rule: SegmentRule): string {
  return `${rule.type}\u0000${rule.key ?? ''}\u0000${rule.version}`;
}

/** A TRACK rule is one event version; identify, group, page, screen and common are one element each, whatever their versions. */
function ruleKey(rule: SegmentRule): string {
  return rule.type === 'TRACK' ? `TRACK\u0000${rule.key ?? ''}\u0000${rule.version}` : rule.type;
}

function eventKey(event: string): string {
  return `EVENT\u0000${event}`;
}

function targetKey(target: PlanChange['target']): string {
  if (target.kind === 'version') return `TRACK\u0000${target.event}\u0000${target.version}`;
  if (target.kind === 'event') return eventKey(target.event);
  return target.kind.toUpperCase();
}
