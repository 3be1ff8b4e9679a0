// The cheap syntactic pass over one file, before any type query: it records the
// calls and references whose name could be an SDK function or an alias of one,
// the alias edges (`import { a as b }`, `const b = a`, `{ b: a }`) that let a
// name stand for another, and the calls of track/identify/group/page/screen on
// anything. Only these few nodes are then asked of the type checker.
import { ts } from 'ts-morph';
import { RAW_METHODS } from './sdk-functions.js';

export interface NamedNode {
  /** The identifier whose symbol says what it is (for `a.b`, the `b`). */
  readonly name: ts.Identifier;
  /** The whole call, or the referencing expression. */
  readonly node: ts.Node;
}

export interface FileScan {
  readonly file: ts.SourceFile;
  /** Callees (`f()`, `ns.f()`). */
  readonly calls: NamedNode[];
  /** Identifiers passed as arguments (`wrap(f)`, `wrap(ns.f)`) or JSX attributes (`onClick={f}`): the function handed on. */
  readonly references: NamedNode[];
  /** Calls of a RAW_METHODS-named method on some receiver. */
  readonly rawCalls: ts.CallExpression[];
  /** [from, to]: the name `to` may stand for whatever `from` is. */
  readonly aliases: [string, string][];
}

const RAW = new Set<string>(RAW_METHODS);

/** `(x as T)`, `x!`, `(x)`, `x satisfies T` -> x. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The identifier naming what an expression refers to: `f` -> f, `ns.f` -> f; undefined for anything else. */
export function nameOf(expression: ts.Expression): ts.Identifier | undefined {
  const inner = unwrap(expression);
  if (ts.isIdentifier(inner)) return inner;
  if (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(inner.name)) return inner.name;
  return undefined;
}

export function scanFile(file: ts.SourceFile): FileScan {
  const scan: FileScan = { file, calls: [], references: [], rawCalls: [], aliases: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const name = nameOf(callee);
      if (name !== undefined) scan.calls.push({ name, node });
      // `f.call(this, ...)` and `f.apply(this, args)` call f itself.
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'call' || callee.name.text === 'apply')) {
        const called = nameOf(callee.expression);
        if (called !== undefined) scan.calls.push({ name: called, node });
      }
      if (ts.isPropertyAccessExpression(callee) && RAW.has(callee.name.text)) scan.rawCalls.push(node);
      for (const argument of node.arguments) {
        const passed = nameOf(argument);
        if (passed !== undefined) scan.references.push({ name: passed, node: argument });
      }
    } else if (ts.isJsxAttribute(node) && node.initializer !== undefined && ts.isJsxExpression(node.initializer) && node.initializer.expression !== undefined) {
      // `<Button onClick={trackX} />`: handed to a component, like an argument.
      const passed = nameOf(node.initializer.expression);
      if (passed !== undefined) scan.references.push({ name: passed, node: node.initializer.expression });
    } else if ((ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) && node.propertyName !== undefined) {
      scan.aliases.push([node.propertyName.text, node.name.text]);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
      const from = nameOf(node.initializer);
      if (from !== undefined) scan.aliases.push([from.text, node.name.text]);
    } else if (ts.isBindingElement(node) && ts.isIdentifier(node.name) && node.propertyName !== undefined && ts.isIdentifier(node.propertyName)) {
      scan.aliases.push([node.propertyName.text, node.name.text]);
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      const from = nameOf(node.initializer);
      if (from !== undefined) scan.aliases.push([from.text, node.name.text]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return scan;
}

/** The SDK's names and every name an alias edge lets stand for one of them, across all files. */
export function watchedNames(start: Iterable<string>, scans: readonly FileScan[]): ReadonlySet<string> {
  const watched = new Set(start);
  const targets = new Map<string, string[]>();
  for (const scan of scans) for (const [from, to] of scan.aliases) targets.set(from, [...(targets.get(from) ?? []), to]);
  const queue = [...watched];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const to of targets.get(name) ?? []) {
      if (!watched.has(to)) {
        watched.add(to);
        queue.push(to);
      }
    }
  }
  return watched;
}
