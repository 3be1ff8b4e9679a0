// Errors about a plan element. The load checks and the model find a problem at a
// SourceRef (file + JSON pointer); the loader, which holds the document and so
// the locator, places it at `file:line:col` before it leaves `loadPlan`
// (`locateError`). Without a locator the error names `file#pointer`.
import { PlanError } from '../errors.js';
import { oneLine } from '../messages/quote.js';
import type { Locator } from './locator.js';
import type { SourceRef } from './types.js';

/** A PlanError raised against a plan element, not yet placed at a line and column. */
export class ElementError extends PlanError {
  constructor(
    readonly ref: SourceRef,
    /** `value` points at the element's value rather than its key. */
    readonly at: 'element' | 'value',
    problem: string,
    fix?: string,
  ) {
    // Messages are one line, whatever names or pointers they quote.
    super({ file: ref.file, pointer: ref.pointer }, oneLine(problem), fix === undefined ? undefined : oneLine(fix));
  }
}

/** A PlanError at a plan element (`at: 'value'` points at the value rather than its key). */
export function errorAt(ref: SourceRef, problem: string, fix?: string, at: 'element' | 'value' = 'element'): PlanError {
  return new ElementError(ref, at, problem, fix);
}

/** The error at `file:line:col` when it is an element's and the locator knows where that is; any other value unchanged. */
export function locateError(error: PlanError, locator: Locator): PlanError;
export function locateError(error: unknown, locator: Locator): unknown;
export function locateError(error: unknown, locator: Locator): unknown {
  if (!(error instanceof ElementError)) return error;
  const position = locator.locate(error.ref, error.at);
  if (position === undefined) return error;
  return new PlanError({ file: error.ref.file, line: position.line, column: position.column }, error.problem, error.fix);
}
