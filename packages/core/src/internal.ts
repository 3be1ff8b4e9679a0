// @plangen/core/internal: what the plangen CLI shares with the runtime, so `plangen validate` and
// the plan checks agree with the SDKs: Protocols' version rule, ajv errors as ValidationErrors, and
// RFC 6901 pointers. For the CLI only: apps import `@plangen/core`, generated code `/runtime`.
export type { CallType, CompiledValidator, CompiledValidatorError, ValidationError, VersionResolution } from './types.js';
export { resolveEventVersion, eventVersionOf } from './resolve-version.js';
export { toValidationErrors } from './validation-messages.js';
export {
  childPointer,
  comparePointers,
  escapePointerToken,
  formatPointer,
  parsePointer,
  unescapePointerToken,
} from './json-pointer.js';
