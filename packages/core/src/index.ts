// @plangen/core: the only module generated SDKs import at run time.
export type * from './types.js';
export type * from './client-types.js';
export { resolveEventVersion, eventVersionOf } from './resolve-version.js';
export { withEventVersion } from './event-context.js';
export { toValidationErrors } from './validation-messages.js';
export { formatViolation, PlangenViolationError, PlangenNotConfiguredError } from './violation.js';
export { createBrowserRuntime, type BrowserRuntime } from './browser-runtime.js';
export { createNodeRuntime, type NodeRuntime } from './node-runtime.js';
export type { RuntimeSetup } from './runtime-core.js';
export * from './validator-runtime/index.js';
