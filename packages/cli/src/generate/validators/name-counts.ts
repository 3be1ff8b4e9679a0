// ajv's one optimization pass (code.optimize) drops assignments to names nothing reads and inlines
// constants read once, from a count of every name the function's code tree uses. ajv takes that count
// with a getter that builds a fresh object for every block and copies each child's counts into it,
// level after level: about a quarter of ajv's compile time on a 500-event plan. Here the same counts
// are taken in one walk into one object, and handed to ajv's own pass, so the code ajv prints is
// unchanged (test/validators/name-counts.test.ts compares both for every node kind ajv emits).
// ajv is pinned (packages/cli/package.json); each node's own names still come from ajv's getter.
import { CodeGen } from 'ajv/dist/compile/codegen/index.js';

type Counts = Record<string, number | undefined>;

/** A node of ajv's code tree: a block holds `nodes`, an `if` its `else`, a `try` its `catch` and `finally`. */
interface CodeNode {
  readonly names: Counts;
  nodes?: CodeNode[];
  else?: CodeNode;
  catch?: CodeNode;
  finally?: CodeNode;
}

interface OptimizingCodeGen {
  readonly _root: CodeNode & { optimizeNodes(): unknown; optimizeNames(names: Counts, constants: unknown): unknown };
  readonly _constants: unknown;
}

/** What `root.names` gives (every name the tree uses, and how often), without a new object per block. */
export function usedNameCounts(root: CodeNode): Counts {
  const counts: Counts = {};
  const pending = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const { nodes } = node;
    if (!Array.isArray(nodes)) {
      addCounts(counts, node.names);
      continue;
    }
    // A block's own names (an if's condition, a loop's iteration) are what its getter gives with its
    // children set aside for a moment; the children are counted on their own. No array or closure per
    // block: a 500-event plan has hundreds of thousands of them.
    const { else: elseNode, catch: catchNode, finally: finallyNode } = node;
    node.nodes = [];
    if (elseNode !== undefined) node.else = undefined;
    if (catchNode !== undefined) node.catch = undefined;
    if (finallyNode !== undefined) node.finally = undefined;
    try {
      addCounts(counts, node.names);
    } finally {
      node.nodes = nodes;
      if (elseNode !== undefined) node.else = elseNode;
      if (catchNode !== undefined) node.catch = catchNode;
      if (finallyNode !== undefined) node.finally = finallyNode;
    }
    for (const child of nodes) pending.push(child);
    if (elseNode !== undefined) pending.push(elseNode);
    if (catchNode !== undefined) pending.push(catchNode);
    if (finallyNode !== undefined) pending.push(finallyNode);
  }
  return counts;
}

// As ajv adds counts (codegen/index.ts addNames).
function addCounts(counts: Counts, from: Counts): void {
  for (const name in from) counts[name] = (counts[name] || 0) + (from[name] || 0);
}

/**
 * Has ajv's code generator count names in one walk from now on, in this thread (every ajv instance: the code is the
 * same). Installed once and left in place rather than swapped in and out around each batch: replacing a method of a
 * prototype makes V8 drop what it had optimized for the objects that use it.
 */
export function countNamesInOneWalk(): void {
  const prototype = CodeGen.prototype as unknown as { optimize(passes?: number | boolean): void };
  if (prototype.optimize !== optimizeInOneWalk) prototype.optimize = optimizeInOneWalk;
}

// CodeGen.optimize, with the counts from usedNameCounts.
function optimizeInOneWalk(this: OptimizingCodeGen, passes: number | boolean = 1): void {
  for (let left = Number(passes); left > 0; left--) {
    this._root.optimizeNodes();
    this._root.optimizeNames(usedNameCounts(this._root), this._constants);
  }
}
