// The validators module is committed and reviewed as a diff, so a change to one event must change
// only that event's lines. ajv names its top-level values with counters (`validate12`, `pattern3`,
// `func0`, and hoist-schema-values' `schemaValue5`) in the order it meets them, so one added pattern
// or $ref renumbers everything after it; and it writes them all on one line. Here every top-level
// name is replaced by one that depends only on what it holds or who owns it, and every top-level
// statement gets its own line:
// - a constant is named after its kind and a hash of its value (`pattern_3f9a1c`); constants come
//   first, sorted by name (a constant that reads another comes after it);
// - the function of a validator export is named after the first export (by name) that uses it, with
//   `check` for `validate` (`checkOrderCompletedV1`), and a function only it calls (a `$ref` ajv did
//   not inline) after it and a counter (`checkOrderCompletedV1$1`); each export's functions come
//   together, in the order of the exports.
import { createHash } from 'node:crypto';
import ts from 'typescript';

export interface LaidOutModule {
  /** One top-level statement a line, ending with a line break. */
  readonly body: string;
  /** The new name of each export's function, in the order of `locals`. */
  readonly locals: readonly string[];
}

interface TopLevel {
  readonly name: string;
  readonly kind: 'function' | 'constant';
  readonly node: ts.FunctionDeclaration | ts.VariableStatement;
  /** Top-level names this statement reads, in the order they appear. */
  readonly reads: string[];
}

const HASH_LENGTH = 6;

/**
 * `exports`: the export name and ajv's function for each export, sorted by export name; the export
 * names start with `validate` (entry-names.ts).
 */
export function layOutModule(code: string, exports: readonly { readonly name: string; readonly local: string }[]): LaidOutModule {
  const source = ts.createSourceFile('validators.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const statements = topLevelStatements(source);
  const byName = new Map(statements.map((statement) => [statement.name, statement]));
  for (const statement of statements) statement.reads.push(...readNames(statement.node, byName));

  const renames = new Map<string, string>();
  const functionOrder: string[] = [];
  for (const { name, local } of exports) {
    if (renames.has(local)) continue;
    const root = byName.get(local);
    if (root?.kind !== 'function') throw new Error(`plangen internal error: ajv's code has no function ${local} for ${name}.`);
    const owned = ownedFunctions(root, byName, renames);
    const rootName = `check${name.slice('validate'.length)}`;
    owned.forEach((helper, index) => renames.set(helper, `${rootName}$${index + 1}`));
    renames.set(local, rootName);
    functionOrder.push(...owned, local);
  }
  const unowned = statements.find((statement) => statement.kind === 'function' && !renames.has(statement.name));
  if (unowned) throw new Error(`plangen internal error: no validator calls ajv's function ${unowned.name}.`);

  const constantOrder = nameConstants(statements, renames, source);
  const used = new Set<string>();
  for (const name of renames.values()) {
    if (used.has(name) || byName.has(name)) throw new Error(`plangen internal error: two values of the validators module would be called ${name}.`);
    used.add(name);
  }
  const lines = [...constantOrder, ...functionOrder].map((name) => `${renamed(byName.get(name)!.node, renames, source)}\n`);
  return { body: lines.join(''), locals: exports.map(({ local }) => renames.get(local)!) };
}

function topLevelStatements(source: ts.SourceFile): TopLevel[] {
  return source.statements.map((node): TopLevel => {
    if (ts.isFunctionDeclaration(node) && node.name) return { name: node.name.text, kind: 'function', node, reads: [] };
    if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1) {
      const [declaration] = node.declarationList.declarations;
      if (declaration && ts.isIdentifier(declaration.name)) return { name: declaration.name.text, kind: 'constant', node, reads: [] };
    }
    throw new Error(`plangen internal error: unexpected top-level statement in ajv's code: ${node.getText(source).slice(0, 80)}`);
  });
}

/** Identifiers that are references (not property names) to a top-level name, in source order. */
function readNames(node: ts.Node, names: ReadonlyMap<string, TopLevel>): string[] {
  const found: string[] = [];
  const visit = (child: ts.Node): void => {
    if (isReference(child) && names.has(child.text)) {
      // `{validate12}` is also a key, which renaming would change; ajv writes its values as `{validate: validate12}`.
      if (ts.isShorthandPropertyAssignment(child.parent)) throw new Error(`plangen internal error: ajv's code has the shorthand property ${child.text}.`);
      found.push(child.text);
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

function isReference(node: ts.Node): node is ts.Identifier {
  if (!ts.isIdentifier(node)) return false;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  return true;
}

/** The functions a root reaches that no earlier export's function reaches, in the order they are met. */
function ownedFunctions(root: TopLevel, byName: ReadonlyMap<string, TopLevel>, taken: ReadonlyMap<string, string>): string[] {
  const owned: string[] = [];
  const seen = new Set([root.name]);
  const visit = (statement: TopLevel): void => {
    for (const name of statement.reads) {
      const read = byName.get(name);
      if (seen.has(name) || read === undefined) continue;
      seen.add(name);
      // A constant (ajv's `{validate: validate13}` wrapper) leads on to the functions it holds.
      if (read.kind === 'function' && taken.has(name)) continue;
      if (read.kind === 'function') owned.push(name);
      visit(read);
    }
  };
  visit(root);
  return owned;
}

/** Names each constant after its kind and value; returns them in the order they must be declared. */
function nameConstants(statements: readonly TopLevel[], renames: Map<string, string>, source: ts.SourceFile): string[] {
  const constants = statements.filter((statement) => statement.kind === 'constant');
  const pending = new Map(constants.map((constant) => [constant.name, constant]));
  const order: string[] = [];
  // A value that reads other constants is hashed with their new names, so it is named after them.
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((constant) => constant.reads.every((name) => !pending.has(name) || name === constant.name));
    if (ready.length === 0) throw new Error('plangen internal error: the constants of ajv\'s code read each other in a circle.');
    const hashes = ready.map((constant) => ({ constant, hash: hashOf(initializerText(constant, renames, source)) }));
    const named = hashes.map(({ constant, hash }) => ({ constant, name: `${kindOf(constant.name)}_${uniquePrefix(hash, hashes.map((other) => other.hash))}` }));
    named.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
    for (const { constant, name } of named) {
      renames.set(constant.name, name);
      pending.delete(constant.name);
      order.push(constant.name);
    }
  }
  return order;
}

function initializerText(constant: TopLevel, renames: ReadonlyMap<string, string>, source: ts.SourceFile): string {
  const declaration = (constant.node as ts.VariableStatement).declarationList.declarations[0]!;
  return renamed(declaration.initializer ?? declaration, renames, source);
}

// `schemaValue12` -> `schemaValue`, `schemaValue_3` -> `schemaValue`, `func0` -> `func`.
function kindOf(name: string): string {
  return name.replace(/_*\d+$/, '');
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// The first six hex digits, or more when another value's hash starts the same way.
function uniquePrefix(hash: string, all: readonly string[]): string {
  let length = HASH_LENGTH;
  while (all.some((other) => other !== hash && other.startsWith(hash.slice(0, length)))) length++;
  return hash.slice(0, length);
}

/** The node's text with every reference to a renamed top-level name replaced. */
function renamed(node: ts.Node, renames: ReadonlyMap<string, string>, source: ts.SourceFile): string {
  const start = node.getStart(source);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) && (isReference(child) || isDeclarationName(child))) {
      const name = renames.get(child.text);
      if (name !== undefined) edits.push({ start: child.getStart(source), end: child.getEnd(), text: name });
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  let text = '';
  let at = start;
  for (const edit of edits) {
    text += source.text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return text + source.text.slice(at, node.getEnd());
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isFunctionDeclaration(parent) || ts.isVariableDeclaration(parent)) && parent.name === node;
}
