// A validator compiled from a pattern that backtracks exponentially hangs the app
// on one long value, so generation refuses such a plan with the finding `plangen
// lint` reports (rule redos-pattern), at the pattern's place in the plan.
import { PlanError } from '../errors.js';
import { redosPattern } from '../lint/checks/patterns.js';
import { DEFAULT_NAMING } from '../lint/lint-config.js';
import { findingLocation } from '../lint/locate-finding.js';
import type { PlanModel } from '../model/types.js';

export function refuseCatastrophicPatterns(model: PlanModel): void {
  const [finding] = redosPattern({ model, naming: DEFAULT_NAMING });
  if (finding) throw new PlanError(findingLocation(finding.source, finding.schemaPointer, finding.schemaKind), finding.detail);
}
