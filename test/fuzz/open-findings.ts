// Plans that still hit an open finding (FINDINGS.md). Fuzz properties skip
// them, so the suite stays green while the bug waits for its fix; delete an
// entry (and watch the fuzz run) once its finding is fixed. None is open now.
import type { PlanModel } from '../../packages/cli/src/model/types.js';

/** The id of the open finding this model would hit in `generate`, if any. */
export function openGenerateFinding(model: PlanModel): string | undefined {
  return openValidatorFinding(model);
}

/** The id of the open finding this model would hit when its validators are compiled, if any. */
export function openValidatorFinding(_model: PlanModel): string | undefined {
  return undefined;
}
