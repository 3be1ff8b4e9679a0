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
// Two steps, so that the expensive one runs on the thread that compiled a batch: layOutStatements
// scans and renames one batch with each hash written out whole (`pattern_<64 hex digits>`, a
// constant's value hashed with the whole names of the constants it reads), and joinLaidOut
// merges the batches (a value several hold is written once) and cuts every hash to its shortest
// unique prefix over the whole module, at the places layOutStatements recorded.
import { textDigest } from '../text-digest.js';
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

/** A statement laid out with whole hashes, and where in its text each hashed name starts. */
export interface LaidOutStatement {
  readonly text: string;
  /** Offsets in `text` of each name that holds a whole hash (`pattern_<64 hex>`, `shared_<64 hex>`). */
  readonly hashedNames: readonly number[];
}

/** What layOutStatements makes of some parts; joinLaidOut turns one or several into the module. */
export interface LaidOutStatements {
  readonly constants: readonly { readonly kind: string; readonly hash: string; readonly wave: number; readonly statement: LaidOutStatement }[];
  /** Each shared function with the helpers only it calls, in declaration order. */
  readonly shared: readonly { readonly hash: string; readonly statements: readonly LaidOutStatement[] }[];
  /** Per export: its function, and the statements written with it (none when an export before it holds the same function). */
  readonly exports: readonly { readonly name: string; readonly local: string; readonly statements: readonly LaidOutStatement[] }[];
}

/** One part: `exports` sorted by export name. */
export function layOutModule(
  code: string,
  exports: readonly { readonly name: string; readonly local: string }[],
  shared: readonly { readonly hash: string; readonly local: string }[] = [],
): LaidOutModule {
  const { body, locals } = layOutParts([{ code, exports, shared }]);
  return { body, locals: exports.map(({ name }) => locals.get(name)!) };
}

/** Several parts as one module; returns each export's function by export name. */
export function layOutParts(parts: readonly ModulePart[]): { readonly body: string; readonly locals: ReadonlyMap<string, string> } {
  return joinLaidOut([layOutStatements(parts)]);
}

const WHOLE_HASH = 64;

/**
 * Renames and splits the parts' code, each hash written out whole. A value two parts hold alike (a
 * pattern, a shared function) gets the same name in both and is kept once.
 */
export function layOutStatements(parts: readonly ModulePart[]): LaidOutStatements {
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
  // Per part, the id of each top-level name: an identifier is looked up by its text, with no `part:name` string made for
  // each of the hundreds of thousands of identifiers (locals, keywords) that name no top-level value.
  const idsByPart = parts.map(() => new Map<string, string>());
  for (const { part, name, id } of statements) idsByPart[part]!.set(name, id);
  for (const statement of statements) statement.reads.push(...readIds(statement, idsByPart[statement.part]!));

  const renames = new Map<string, string>();
  const hashed = new Set<string>();
  const sharedRoots = parts
    .flatMap(({ shared }, part) => shared.map(({ hash, local }) => ({ id: `${part}:${local}`, hash, name: `shared_${hash}` })))
    .sort((left, right) => compare(left.name, right.name) || compare(left.id, right.id));
  // Named first, so that no export claims one as its helper.
  for (const { id, name } of sharedRoots) {
    renames.set(id, name);
    hashed.add(id);
  }
  const claim = (id: string, rootName: string, what: string): string[] => {
    const root = byId.get(id);
    if (root?.kind !== 'function') throw new Error(`plangen internal error: ajv's code has no function ${id} for ${what}.`);
    const owned = ownedFunctions(root, byId, renames);
    owned.forEach((helper, index) => {
      renames.set(helper, `${rootName}$${index + 1}`);
      if (hashed.has(id)) hashed.add(helper);
    });
    renames.set(id, rootName);
    return [...owned, id];
  };
  const sharedOrder = sharedRoots.map(({ id, hash, name }) => ({ hash, ids: claim(id, name, name) }));
  const exports = parts
    .flatMap(({ exports: partExports }, part) => partExports.map(({ name, local }) => ({ name, id: `${part}:${local}` })))
    .sort((left, right) => compare(left.name, right.name));
  const exportOrder = exports.map(({ name, id }) => ({ name, id, ids: renames.has(id) ? [] : claim(id, `check${name.slice('validate'.length)}`, name) }));
  const unowned = statements.find((statement) => statement.kind === 'function' && !renames.has(statement.id));
  if (unowned) throw new Error(`plangen internal error: no validator calls ajv's function ${unowned.name}.`);
  const constants = nameConstants(statements, renames, hashed, parts, idsByPart);

  // A name two statements share must hold the same text in both (the same value from two parts): kept once.
  const textByName = new Map<string, string>();
  const keep = (id: string): LaidOutStatement | undefined => {
    const { statement, part } = byId.get(id)!;
    const name = renames.get(id)!;
    const laidOut = renamed(statement, statement.start, statement.end, renames, hashed, parts[part]!.code, idsByPart[part]!);
    const known = textByName.get(name);
    if (known === laidOut.text) return undefined;
    if (known !== undefined || originalNames.has(name)) throw new Error(`plangen internal error: two values of the validators module would be called ${name}.`);
    textByName.set(name, laidOut.text);
    return laidOut;
  };
  const kept = (ids: readonly string[]): LaidOutStatement[] => ids.map(keep).filter((statement): statement is LaidOutStatement => statement !== undefined);
  return {
    constants: constants.flatMap(({ id, kind, hash, wave }) => {
      const statement = keep(id);
      return statement ? [{ kind, hash, wave, statement }] : [];
    }),
    shared: sharedOrder.flatMap(({ hash, ids }) => {
      const statements = kept(ids);
      return statements.length > 0 ? [{ hash, statements }] : [];
    }),
    exports: exportOrder.map(({ name, id, ids }) => ({ name, local: renames.get(id)!, statements: kept(ids) })),
  };
}

/**
 * The module of laid-out batches: constants first (those that read no other constant, then those
 * that read only these, ...), each group sorted by name; then the shared functions by name; then
 * each export's functions, by export name. Every hash is cut to its shortest unique prefix (six
 * digits at least) among the constants of its group, or among the shared functions.
 */
export function joinLaidOut(batches: readonly LaidOutStatements[]): { readonly body: string; readonly locals: ReadonlyMap<string, string> } {
  const short = new Map<string, string>();
  const constants = new Map<string, { wave: number; name: string; statement: LaidOutStatement }>();
  const waves = new Map<number, Set<string>>();
  for (const { constants: batchConstants } of batches) {
    for (const { wave, hash } of batchConstants) {
      if (!waves.has(wave)) waves.set(wave, new Set());
      waves.get(wave)!.add(hash);
    }
  }
  const lengthsByWave = new Map([...waves].map(([wave, hashes]) => [wave, uniquePrefixLengths([...hashes])]));
  for (const { constants: batchConstants } of batches) {
    for (const { kind, hash, wave, statement } of batchConstants) {
      const whole = `${kind}_${hash}`;
      if (constants.has(whole)) continue;
      const name = `${kind}_${hash.slice(0, lengthsByWave.get(wave)!.get(hash))}`;
      short.set(whole, name);
      constants.set(whole, { wave, name, statement });
    }
  }
  const sharedLengths = uniquePrefixLengths(batches.flatMap(({ shared }) => shared.map(({ hash }) => hash)));
  const shared = new Map<string, { name: string; statements: readonly LaidOutStatement[] }>();
  for (const { shared: batchShared } of batches) {
    for (const { hash, statements } of batchShared) {
      const name = `shared_${hash.slice(0, sharedLengths.get(hash))}`;
      short.set(`shared_${hash}`, name);
      if (!shared.has(name)) shared.set(name, { name, statements });
    }
  }
  const exports = batches.flatMap(({ exports: batchExports }) => batchExports).sort((left, right) => compare(left.name, right.name));
  const lines: string[] = [];
  const write = (statement: LaidOutStatement): void => {
    lines.push(`${shortened(statement, short)}\n`);
  };
  [...constants.values()].sort((left, right) => left.wave - right.wave || compare(left.name, right.name)).forEach(({ statement }) => write(statement));
  [...shared.values()].sort((left, right) => compare(left.name, right.name)).forEach(({ statements }) => statements.forEach(write));
  for (const { statements } of exports) statements.forEach(write);
  return { body: lines.join(''), locals: new Map(exports.map(({ name, local }) => [name, local])) };
}

/** The statement's text with each whole-hash name replaced by its short form. */
function shortened({ text, hashedNames }: LaidOutStatement, short: ReadonlyMap<string, string>): string {
  if (hashedNames.length === 0) return text;
  const pieces: string[] = [];
  let at = 0;
  for (const start of hashedNames) {
    const underscore = text.indexOf('_', start);
    const whole = text.slice(start, underscore + 1 + WHOLE_HASH);
    const name = short.get(whole);
    if (name === undefined) throw new Error(`plangen internal error: the validators module has no value ${whole}.`);
    pieces.push(text.slice(at, start), name);
    at = start + whole.length;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** References to a top-level value of the same part (the statement's own name first), in source order. `ids`: the part's, by name. */
function readIds(statement: TopLevel, ids: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const identifier of statement.statement.identifiers) {
    const id = ids.get(identifier.text);
    if (id === undefined) continue;
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

/** Names each constant after its kind and the whole hash of its value; returns them in the order they must be declared. */
function nameConstants(
  statements: readonly TopLevel[],
  renames: Map<string, string>,
  hashed: Set<string>,
  parts: readonly ModulePart[],
  idsByPart: readonly ReadonlyMap<string, string>[],
): { id: string; kind: string; hash: string; wave: number }[] {
  const constants = statements.filter((statement) => statement.kind === 'constant');
  const pending = new Map(constants.map((constant) => [constant.id, constant]));
  const order: { id: string; kind: string; hash: string; wave: number }[] = [];
  // A value that reads other constants is hashed with their new names, so it is named after them.
  for (let wave = 0; pending.size > 0; wave++) {
    const ready = [...pending.values()].filter((constant) => constant.reads.every((id) => !pending.has(id) || id === constant.id));
    if (ready.length === 0) throw new Error('plangen internal error: the constants of ajv\'s code read each other in a circle.');
    const named = ready.map((constant) => {
      const { statement, part } = constant;
      const hash = textDigest(renamed(statement, statement.valueStart, statement.valueEnd, renames, hashed, parts[part]!.code, idsByPart[part]!).text);
      const kind = kindOf(constant.name);
      return { id: constant.id, kind, hash, wave, name: `${kind}_${hash}` };
    });
    named.sort((left, right) => compare(left.name, right.name) || compare(left.id, right.id));
    for (const { id, kind, hash, name } of named) {
      renames.set(id, name);
      hashed.add(id);
      pending.delete(id);
      order.push({ id, kind, hash, wave });
    }
  }
  return order;
}

// `schemaValue12` -> `schemaValue`, `schemaValue_3` -> `schemaValue`, `func0` -> `func`.
function kindOf(name: string): string {
  return name.replace(/_*\d+$/, '');
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

/** The text from start to end with every identifier that names a renamed top-level value of its part (`ids`, by name) replaced. */
function renamed(
  statement: ScannedStatement,
  start: number,
  end: number,
  renames: ReadonlyMap<string, string>,
  hashed: ReadonlySet<string>,
  code: string,
  ids: ReadonlyMap<string, string>,
): LaidOutStatement {
  const pieces: string[] = [];
  const hashedNames: number[] = [];
  let length = 0;
  let at = start;
  for (const identifier of statement.identifiers) {
    if (identifier.start < start || identifier.end > end) continue;
    const id = ids.get(identifier.text);
    const name = id === undefined ? undefined : renames.get(id);
    if (id === undefined || name === undefined) continue;
    const before = code.slice(at, identifier.start);
    pieces.push(before, name);
    if (hashed.has(id)) hashedNames.push(length + before.length);
    length += before.length + name.length;
    at = identifier.end;
  }
  pieces.push(code.slice(at, end));
  return { text: pieces.join(''), hashedNames };
}
