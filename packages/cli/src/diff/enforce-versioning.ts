// The versioning policy behind `--enforce-versioning`: an event version that
// apps already send must never get stricter. A breaking change belongs in a
// new version; removing a version or an event is how Protocols retires them,
// so those are reported as breaking but do not fail the policy. identify, group,
// page, screen and common have no versions, so the policy cannot apply to them.
import type { PlanModel } from '../model/types.js';
import { describeLocation } from './describe-change.js';
import type { PlanChange, VersioningViolation } from './types.js';

export function versioningViolations(changes: readonly PlanChange[], after: PlanModel): VersioningViolation[] {
  const latest = new Map(after.events.map((event) => [event.name, event.versions.at(-1)?.version ?? 0]));
  const violations: VersioningViolation[] = [];
  for (const change of changes) {
    const { target } = change;
    // A change with a scope is inside a version that exists on both sides; without one, a whole version came or went.
    if (target.kind !== 'version' || change.classification !== 'breaking' || change.scope === undefined) continue;
    const nextVersion = (latest.get(target.event) ?? target.version) + 1;
    violations.push({
      event: target.event,
      version: target.version,
      nextVersion,
      change,
      message:
        `event "${target.event}" v${target.version} was changed in place with a breaking change: ${describeLocation(change)}${change.message}. ` +
        `Add version ${nextVersion} with this change instead, and keep v${target.version} as it was.`,
    });
  }
  return violations;
}
