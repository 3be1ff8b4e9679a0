// A validator compiled from a pattern that backtracks catastrophically hangs the
// app (or `plangen validate`) on one long value, so generation and validation refuse
// such a plan, and a pattern the check cannot decide, with the finding `plangen lint`
// reports (rule redos-pattern), at the pattern's place in the plan. Patterns the
// config lists under `acceptedPatterns` pass.
import { PlanError } from '../errors.js';
import { redosPattern } from '../lint/checks/patterns.js';
import { findingLocation } from '../lint/locate-finding.js';
import type { PlanModel } from '../model/types.js';

export function refuseCatastrophicPatterns(model: PlanModel, acceptedPatterns: readonly string[] = []): void {
  const [finding] = redosPattern({ model, acceptedPatterns });
  if (finding) throw new PlanError(findingLocation(finding.source, finding.schemaPointer, finding.schemaKind), finding.detail);
}
