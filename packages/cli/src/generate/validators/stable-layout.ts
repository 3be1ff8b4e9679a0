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
//   together, in the order of the exports;
// - the function of a shared subschema (shared-subschemas.ts) is named after a hash of that schema
//   (`shared_5e0c2a`), whoever calls it; these come after the constants, sorted by name.
import { createHash } from 'node:crypto';
import { scanTopLevel, type ScannedStatement } from './scan-top-level.js';

export interface LaidOutModule {
  /** One top-level statement a line, ending with a line break. */
  readonly body: string;
  /** The new name of each export's function, in the order of `locals`. */
  readonly locals: readonly string[];
}

interface TopLevel {
  readonly name: string;
  readonly kind: 'function' | 'constant';
  readonly statement: ScannedStatement;
  /** Top-level names this statement reads, in the order they appear. */
  readonly reads: string[];
}

const HASH_LENGTH = 6;

/**
 * `exports`: the export name and ajv's function for each export, sorted by export name; the export
 * names start with `validate` (entry-names.ts).
 */
export function layOutModule(
  code: string,
  exports: readonly { readonly name: string; readonly local: string }[],
  shared: readonly { readonly hash: string; readonly local: string }[] = [],
): LaidOutModule {
  // One linear scan (scan-top-level.ts) where a TypeScript parse took 1.6 s on a 500-event plan.
  const statements = scanTopLevel(code).map((statement): TopLevel => ({ name: statement.name, kind: statement.kind, statement, reads: [] }));
  const byName = new Map(statements.map((statement) => [statement.name, statement]));
  for (const statement of statements) statement.reads.push(...readNames(statement.statement, byName));

  const renames = new Map<string, string>();
  const sharedLengths = uniquePrefixLengths(shared.map(({ hash }) => hash));
  const sharedRoots = shared
    .map(({ hash, local }) => ({ local, name: `shared_${hash.slice(0, sharedLengths.get(hash))}` }))
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  // Named first, so that no export claims one as its helper.
  for (const { local, name } of sharedRoots) renames.set(local, name);
  const functionOrder: string[] = [];
  for (const { local, name } of sharedRoots) {
    const root = byName.get(local);
    if (root?.kind !== 'function') throw new Error(`plangen internal error: ajv's code has no function ${local} for ${name}.`);
    const owned = ownedFunctions(root, byName, renames);
    owned.forEach((helper, index) => renames.set(helper, `${name}$${index + 1}`));
    functionOrder.push(...owned, local);
  }
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

  const constantOrder = nameConstants(statements, renames, code);
  const used = new Set<string>();
  for (const name of renames.values()) {
    if (used.has(name) || byName.has(name)) throw new Error(`plangen internal error: two values of the validators module would be called ${name}.`);
    used.add(name);
  }
  const lines = [...constantOrder, ...functionOrder].map((name) => {
    const { statement } = byName.get(name)!;
    return `${renamed(statement, statement.start, statement.end, renames, code)}\n`;
  });
  return { body: lines.join(''), locals: exports.map(({ local }) => renames.get(local)!) };
}

/** References to a top-level name (the statement's own name first), in source order. */
function readNames(statement: ScannedStatement, names: ReadonlyMap<string, TopLevel>): string[] {
  const found: string[] = [];
  for (const identifier of statement.identifiers) {
    if (!names.has(identifier.text)) continue;
    // `{validate12}` is also a key, which renaming would change; ajv writes its values as `{validate: validate12}`.
    if (identifier.shorthand) throw new Error(`plangen internal error: ajv's code has the shorthand property ${identifier.text}.`);
    found.push(identifier.text);
  }
  return found;
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
function nameConstants(statements: readonly TopLevel[], renames: Map<string, string>, code: string): string[] {
  const constants = statements.filter((statement) => statement.kind === 'constant');
  const pending = new Map(constants.map((constant) => [constant.name, constant]));
  const order: string[] = [];
  // A value that reads other constants is hashed with their new names, so it is named after them.
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((constant) => constant.reads.every((name) => !pending.has(name) || name === constant.name));
    if (ready.length === 0) throw new Error('plangen internal error: the constants of ajv\'s code read each other in a circle.');
    const hashes = ready.map((constant) => ({ constant, hash: hashOf(initializerText(constant, renames, code)) }));
    const lengths = uniquePrefixLengths(hashes.map(({ hash }) => hash));
    const named = hashes.map(({ constant, hash }) => ({ constant, name: `${kindOf(constant.name)}_${hash.slice(0, lengths.get(hash))}` }));
    named.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
    for (const { constant, name } of named) {
      renames.set(constant.name, name);
      pending.delete(constant.name);
      order.push(constant.name);
    }
  }
  return order;
}

function initializerText(constant: TopLevel, renames: ReadonlyMap<string, string>, code: string): string {
  const { statement } = constant;
  return renamed(statement, statement.valueStart, statement.valueEnd, renames, code);
}

// `schemaValue12` -> `schemaValue`, `schemaValue_3` -> `schemaValue`, `func0` -> `func`.
function kindOf(name: string): string {
  return name.replace(/_*\d+$/, '');
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// The first six hex digits, or more when another value's hash starts the same way: one past the
// longest prefix shared with a different hash, which in sorted order is a neighbour (where comparing
// every pair was quadratic in the number of constants).
function uniquePrefixLengths(all: readonly string[]): Map<string, number> {
  const sorted = [...new Set(all)].sort();
  const lengths = new Map<string, number>();
  sorted.forEach((hash, index) => {
    const shared = Math.max(commonPrefix(hash, sorted[index - 1]), commonPrefix(hash, sorted[index + 1]));
    lengths.set(hash, Math.max(HASH_LENGTH, shared + 1));
  });
  return lengths;
}

function commonPrefix(left: string, right: string | undefined): number {
  if (right === undefined) return 0;
  let length = 0;
  while (length < left.length && left[length] === right[length]) length++;
  return length;
}

/** The text from start to end with every identifier that names a renamed top-level value replaced. */
function renamed(statement: ScannedStatement, start: number, end: number, renames: ReadonlyMap<string, string>, code: string): string {
  const parts: string[] = [];
  let at = start;
  for (const identifier of statement.identifiers) {
    if (identifier.start < start || identifier.end > end) continue;
    const name = renames.get(identifier.text);
    if (name === undefined) continue;
    parts.push(code.slice(at, identifier.start), name);
    at = identifier.end;
  }
  parts.push(code.slice(at, end));
  return parts.join('');
}
