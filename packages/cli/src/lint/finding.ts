// What a rule check receives and returns; shared by the checks and the rule map.
import type { PlanModel, SourceRef } from '../model/types.js';
import type { PlanSchema } from '../model/plan-schemas.js';
import type { ParsedPlanPattern } from './pattern-analysis.js';
import type { NamingStyle } from './rule-ids.js';

export interface LintContext {
  readonly model: PlanModel;
  readonly naming: { readonly events: NamingStyle; readonly properties: NamingStyle };
  /** Patterns the config accepts although the backtracking check refuses them or cannot decide. */
  readonly acceptedPatterns?: readonly string[];
  /** Every pattern of the model, parsed once for the whole run (`parsePlanPatterns`). */
  readonly patterns: readonly ParsedPlanPattern[];
}

/** One place a rule fires: the element, where inside its schema, and the specifics. */
export interface RuleFinding {
  readonly source: SourceRef;
  readonly schemaPointer?: string;
  readonly schemaKind?: PlanSchema['kind'];
  /** The specifics and the fix, as sentences: `event "order done" is not Title Case. Rename it to "Order Done".` */
  readonly detail: string;
}

/** The finding fields for a place inside one of the plan's schemas. */
export function at(plan: PlanSchema, pointer: string): Pick<RuleFinding, 'source' | 'schemaPointer' | 'schemaKind'> {
  return { source: plan.source, schemaPointer: pointer, schemaKind: plan.kind };
}
