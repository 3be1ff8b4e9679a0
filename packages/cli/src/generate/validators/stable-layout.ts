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

/** The code of one batch (build-validator-module.ts), with its exports and shared functions. */
export interface ModulePart {
  readonly code: string;
  /** The export name and ajv's function for each export of this part; export names start with `validate` (entry-names.ts). */
  readonly exports: readonly { readonly name: string; readonly local: string }[];
  /** The shared subschema functions of this part (shared-subschemas.ts): the hash each is named after. */
  readonly shared: readonly { readonly hash: string; readonly local: string }[];
}

interface TopLevel {
  /** `part:name`: ajv's names repeat from one part to the next. */
  readonly id: string;
  readonly part: number;
  readonly name: string;
  readonly kind: 'function' | 'constant';
  readonly statement: ScannedStatement;
  /** Ids of the top-level values this statement reads, in the order they appear. */
  readonly reads: string[];
}

const HASH_LENGTH = 6;

/** One part: `exports` sorted by export name. */
export function layOutModule(
  code: string,
  exports: readonly { readonly name: string; readonly local: string }[],
  shared: readonly { readonly hash: string; readonly local: string }[] = [],
): LaidOutModule {
  const { body, locals } = layOutParts([{ code, exports, shared }]);
  return { body, locals: exports.map(({ name }) => locals.get(name)!) };
}

/**
 * Several parts as one module. A value two parts hold alike (a pattern, a shared function) gets
 * the same name in both and is written once, so the module is the same however the schemas were
 * cut into parts. Returns each export's function by export name.
 */
export function layOutParts(parts: readonly ModulePart[]): { readonly body: string; readonly locals: ReadonlyMap<string, string> } {
  // One linear scan (scan-top-level.ts) where a TypeScript parse took 1.6 s on a 500-event plan.
  const statements: TopLevel[] = [];
  const originalNames = new Set<string>();
  parts.forEach(({ code }, part) => {
    for (const statement of scanTopLevel(code)) {
      statements.push({ id: `${part}:${statement.name}`, part, name: statement.name, kind: statement.kind, statement, reads: [] });
      originalNames.add(statement.name);
    }
  });
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  for (const statement of statements) statement.reads.push(...readIds(statement, byId));

  const renames = new Map<string, string>();
  const sharedHashes = uniquePrefixLengths(parts.flatMap(({ shared }) => shared.map(({ hash }) => hash)));
  const sharedRoots = parts
    .flatMap(({ shared }, part) => shared.map(({ hash, local }) => ({ id: `${part}:${local}`, name: `shared_${hash.slice(0, sharedHashes.get(hash))}` })))
    .sort((left, right) => compare(left.name, right.name) || compare(left.id, right.id));
  // Named first, so that no export claims one as its helper.
  for (const { id, name } of sharedRoots) renames.set(id, name);
  const functionOrder: string[] = [];
  const claim = (id: string, rootName: string, what: string): void => {
    const root = byId.get(id);
    if (root?.kind !== 'function') throw new Error(`plangen internal error: ajv's code has no function ${id} for ${what}.`);
    const owned = ownedFunctions(root, byId, renames);
    owned.forEach((helper, index) => renames.set(helper, `${rootName}$${index + 1}`));
    renames.set(id, rootName);
    functionOrder.push(...owned, id);
  };
  for (const { id, name } of sharedRoots) claim(id, name, name);
  const exports = parts
    .flatMap(({ exports: partExports }, part) => partExports.map(({ name, local }) => ({ name, id: `${part}:${local}` })))
    .sort((left, right) => compare(left.name, right.name));
  for (const { name, id } of exports) {
    if (!renames.has(id)) claim(id, `check${name.slice('validate'.length)}`, name);
  }
  const unowned = statements.find((statement) => statement.kind === 'function' && !renames.has(statement.id));
  if (unowned) throw new Error(`plangen internal error: no validator calls ajv's function ${unowned.name}.`);

  const constantOrder = nameConstants(statements, renames, parts);
  // A name two statements share must hold the same text in both (the same value from two parts): written once.
  const textByName = new Map<string, string>();
  const lines: string[] = [];
  for (const id of [...constantOrder, ...functionOrder]) {
    const { statement, part } = byId.get(id)!;
    const name = renames.get(id)!;
    const text = renamed(statement, statement.start, statement.end, renames, parts[part]!.code, part);
    const known = textByName.get(name);
    if (known === text) continue;
    if (known !== undefined || originalNames.has(name)) throw new Error(`plangen internal error: two values of the validators module would be called ${name}.`);
    textByName.set(name, text);
    lines.push(`${text}\n`);
  }
  return { body: lines.join(''), locals: new Map(exports.map(({ name, id }) => [name, renames.get(id)!])) };
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** References to a top-level value of the same part (the statement's own name first), in source order. */
function readIds(statement: TopLevel, byId: ReadonlyMap<string, TopLevel>): string[] {
  const found: string[] = [];
  for (const identifier of statement.statement.identifiers) {
    const id = `${statement.part}:${identifier.text}`;
    if (!byId.has(id)) continue;
    // `{validate12}` is also a key, which renaming would change; ajv writes its values as `{validate: validate12}`.
    if (identifier.shorthand) throw new Error(`plangen internal error: ajv's code has the shorthand property ${identifier.text}.`);
    found.push(id);
  }
  return found;
}

/** The functions a root reaches that no earlier export's function reaches, in the order they are met. */
function ownedFunctions(root: TopLevel, byId: ReadonlyMap<string, TopLevel>, taken: ReadonlyMap<string, string>): string[] {
  const owned: string[] = [];
  const seen = new Set([root.id]);
  const visit = (statement: TopLevel): void => {
    for (const id of statement.reads) {
      const read = byId.get(id);
      if (seen.has(id) || read === undefined) continue;
      seen.add(id);
      // A constant (ajv's `{validate: validate13}` wrapper) leads on to the functions it holds.
      if (read.kind === 'function' && taken.has(id)) continue;
      if (read.kind === 'function') owned.push(id);
      visit(read);
    }
  };
  visit(root);
  return owned;
}

/** Names each constant after its kind and value; returns them (ids) in the order they must be declared. */
function nameConstants(statements: readonly TopLevel[], renames: Map<string, string>, parts: readonly ModulePart[]): string[] {
  const constants = statements.filter((statement) => statement.kind === 'constant');
  const pending = new Map(constants.map((constant) => [constant.id, constant]));
  const order: string[] = [];
  // A value that reads other constants is hashed with their new names, so it is named after them.
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((constant) => constant.reads.every((id) => !pending.has(id) || id === constant.id));
    if (ready.length === 0) throw new Error('plangen internal error: the constants of ajv\'s code read each other in a circle.');
    const hashes = ready.map((constant) => ({ constant, hash: hashOf(initializerText(constant, renames, parts)) }));
    const lengths = uniquePrefixLengths(hashes.map(({ hash }) => hash));
    const named = hashes.map(({ constant, hash }) => ({ constant, name: `${kindOf(constant.name)}_${hash.slice(0, lengths.get(hash))}` }));
    named.sort((left, right) => compare(left.name, right.name) || compare(left.constant.id, right.constant.id));
    for (const { constant, name } of named) {
      renames.set(constant.id, name);
      pending.delete(constant.id);
      order.push(constant.id);
    }
  }
  return order;
}

function initializerText(constant: TopLevel, renames: ReadonlyMap<string, string>, parts: readonly ModulePart[]): string {
  const { statement, part } = constant;
  return renamed(statement, statement.valueStart, statement.valueEnd, renames, parts[part]!.code, part);
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

/** The text from start to end with every identifier that names a renamed top-level value of its part replaced. */
function renamed(statement: ScannedStatement, start: number, end: number, renames: ReadonlyMap<string, string>, code: string, part: number): string {
  const parts: string[] = [];
  let at = start;
  for (const identifier of statement.identifiers) {
    if (identifier.start < start || identifier.end > end) continue;
    const name = renames.get(`${part}:${identifier.text}`);
    if (name === undefined) continue;
    parts.push(code.slice(at, identifier.start), name);
    at = identifier.end;
  }
  parts.push(code.slice(at, end));
  return parts.join('');
}
