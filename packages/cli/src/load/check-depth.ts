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
  // Each entry links to its parent: the path is spelled out only for the error (a copy per node made large plans slow).
  const stack: DataNode[] = [{ value: source.data, key: '', parent: undefined, depth: 0 }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const { value, depth } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) throw errorAt({ file: source.file, pointer: toPointer(pathOf(node)) }, PROBLEM, FIX, 'value');
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, key, parent: node, depth: depth + 1 });
  }
}

/** A value of the plan's data as a walk over it meets it: its key in its parent, and the parent. */
export interface DataNode {
  readonly value: unknown;
  readonly key: string;
  readonly parent: DataNode | undefined;
  readonly depth: number;
}

/** The keys from the document's root down to `node`. */
export function pathOf(node: DataNode): string[] {
  const path: string[] = [];
  for (let at: DataNode | undefined = node; at?.parent !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}
