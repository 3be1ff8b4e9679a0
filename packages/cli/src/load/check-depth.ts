// Plans nested absurdly deep would overflow the stack of every recursive stage
// (the YAML composer, ajv, the schema readers, type emission). Both parsers
// measure nesting on their token streams before composing, and the data is
// measured again, without recursion, after YAML aliases are expanded.
import { PlanError, type ErrorLocation } from '../errors.js';
import { errorAt } from '../model/located-error.js';
import { toPointer } from './locate.js';
import type { SourceDocument } from './source-document.js';

/** Levels of mappings and lists: a property nested 40 objects deep is about 90. */
export const MAX_DEPTH = 128;

const PROBLEM = `the plan is nested more than ${MAX_DEPTH} levels deep`;
const FIX = 'Flatten the deepest objects';

export function tooDeep(location: ErrorLocation): PlanError {
  return new PlanError(location, PROBLEM, FIX);
}

export function checkDepth(source: SourceDocument): void {
  const stack: { value: unknown; path: string[] }[] = [{ value: source.data, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length > MAX_DEPTH) throw errorAt({ file: source.file, pointer: toPointer(path) }, PROBLEM, FIX, 'value');
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
  }
}
