// A validator compiled from a pattern that backtracks catastrophically hangs the
// app (or `plangen validate`) on one long value, so generation and validation refuse
// such a plan, and a pattern the check cannot decide, with the finding `plangen lint`
// reports (rule redos-pattern, model/plan-patterns.ts), at the pattern's place in the
// plan as the plan's locator knows it. Patterns the config lists under `acceptedPatterns` pass.
import { PlanError } from '../errors.js';
import { findingLocation } from '../model/locate-finding.js';
import type { Locator } from '../model/locator.js';
import { unsafePatterns, type KnownSafeSchemas } from '../model/plan-patterns.js';
import type { PlanModel } from '../model/types.js';

/** `knownSafe`: schemas an earlier run found safe, not walked again (plan-patterns.ts). */
export function refuseCatastrophicPatterns(model: PlanModel, locator: Locator, acceptedPatterns: readonly string[] = [], knownSafe?: KnownSafeSchemas): void {
  const [finding] = unsafePatterns(model, acceptedPatterns, knownSafe);
  if (finding) throw new PlanError(findingLocation(locator, finding.source, finding.schemaPointer, finding.schemaKind), finding.detail);
}
