// A precompiled validator checks a subschema that the SDK repeats (the same nested object in many
// events) by calling one shared function instead of holding its own copy. That function reports
// schema paths from its own root (`#/type`); each error is restated at the place the subschema
// holds in the caller's schema (`#/properties/address/type`), exactly as ajv reports the copy.
import type { CompiledValidatorError } from '../types.js';

/** Appends the shared function's `shared` errors to `errors` (created when null), rebased at `schemaPath`; returns the list. */
export function pushSharedErrors(
  errors: CompiledValidatorError[] | null,
  shared: readonly CompiledValidatorError[],
  schemaPath: string,
): CompiledValidatorError[] {
  const list = errors ?? [];
  for (const error of shared) {
    // The same keys in the same order as ajv's own error objects.
    list.push({ ...error, schemaPath: `${schemaPath}${String(error.schemaPath).slice(1)}` });
  }
  return list;
}
