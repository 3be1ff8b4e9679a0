// @plangen/core/runtime: what generated SDKs import, and nothing else apps need to see. Browser-shaped
// and Node clients have separate runtimes so a browser bundle never carries the Node one; validation
// comes from createValidation(), which only development SDKs import.
export type * from './client-types.js';
export type { CallSpec, CompiledValidator, CompiledValidatorError, EventSpec, PlangenOptions } from './types.js';
export { createBrowserRuntime, type BrowserRuntime } from './browser-runtime.js';
export { createNodeRuntime, type NodeRuntime } from './node-runtime.js';
export { createReactNativeRuntime, type ReactNativeRuntime } from './react-native-runtime.js';
export { createValidation } from './validation.js';
export type { BrowserCall, NodeCall, RuntimeSetup, Settings, Validation } from './runtime-core.js';
export * from './validator-runtime/index.js';
