// @plangen/core for app code: what an app that uses a generated SDK names itself (the errors a
// wrapper throws, the violation it reports, the options and client types of configure()).
// Generated code imports `@plangen/core/runtime`; the plangen CLI imports `@plangen/core/internal`.
export type { CallType, PlangenOptions, ValidationError, Violation, ViolationPolicy } from './types.js';
export type * from './client-types.js';
export { formatViolation, PlangenViolationError } from './violation.js';
export { PlangenNotConfiguredError } from './not-configured-error.js';
