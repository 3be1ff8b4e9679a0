import { PlanError } from '../errors.js';
import type { SourceRef } from '../model/types.js';
import { locate, locateValue } from './locate.js';
import { oneLine } from '../messages/quote.js';

/**
 * A PlanError at a plan element: `file:line:col` when the file was loaded by this
 * process, else `file#pointer`. `at: 'value'` points at the value rather than its key.
 */
export function errorAt(ref: SourceRef, problem: string, fix?: string, at: 'element' | 'value' = 'element'): PlanError {
  const position = at === 'value' ? locateValue(ref) : locate(ref);
  const location = position ? { file: ref.file, line: position.line, column: position.column } : { file: ref.file, pointer: ref.pointer };
  // Messages are one line, whatever names or pointers they quote.
  return new PlanError(location, oneLine(problem), fix === undefined ? undefined : oneLine(fix));
}
