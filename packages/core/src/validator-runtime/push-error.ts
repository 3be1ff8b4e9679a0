// The error list of a precompiled validator. ajv writes every failing check as an error object
// literal and a six-part push (a third of a generated module); plangen's validators call this instead.
import type { CompiledValidatorError } from '../types.js';

/** Appends one error to `errors`, created on the first one; returns the list. */
export function pushError(
  errors: CompiledValidatorError[] | null,
  instancePath: string,
  schemaPath: string,
  keyword: string,
  params: Readonly<Record<string, unknown>>,
): CompiledValidatorError[] {
  // The same keys in the same order as ajv's own error objects.
  const error: CompiledValidatorError = { instancePath, schemaPath, keyword, params };
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}
