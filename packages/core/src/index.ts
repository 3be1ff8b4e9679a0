// @plangen/core: the only module generated SDKs import at run time.
export type * from './types.js';
export type * from './client-types.js';
export { resolveEventVersion, eventVersionOf } from './resolve-version.js';
export { withEventVersion } from './event-context.js';
export { toValidationErrors } from './validation-messages.js';
export { formatViolation, PlangenViolationError } from './violation.js';
export { PlangenNotConfiguredError } from './not-configured-error.js';
export { createValidation } from './validation.js';
export { createBrowserRuntime, createLeanBrowserRuntime, type BrowserRuntime } from './browser-runtime.js';
export { createNodeRuntime, createLeanNodeRuntime, type NodeRuntime } from './node-runtime.js';
export type { RuntimeSetup, LeanRuntimeSetup, Validation, Settings } from './runtime-core.js';
export * from './validator-runtime/index.js';
