// Compiles every schema of an SDK once, in one ajv instance, into the parts of
// one ES module: ajv standalone's constants and validate functions (shared
// helpers, patterns and formats emitted once), the names they import from
// @plangen/core, and one export per entry.
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { JsonSchema } from '../../model/types.js';
import { createAjv } from '../../schema/create-ajv.js';
import { prepareSchema } from './prepare-schema.js';
import { rewriteRuntimeRequires, RUNTIME_EXPORT_NAMES } from './runtime-imports.js';

export interface ValidatorEntry {
  /** The export name: `validateOrderCompletedV1`. */
  readonly name: string;
  readonly schema: JsonSchema;
}

export interface ValidatorExport {
  readonly name: string;
  /** ajv's name for the validate function: `validate12`. */
  readonly local: string;
}

export interface ValidatorModule {
  /** Names imported from @plangen/core, sorted. */
  readonly imports: readonly string[];
  /** Top-level statements without imports or exports, no comments, no line breaks. */
  readonly body: string;
  /** Sorted by name. */
  readonly exports: readonly ValidatorExport[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// ajv's own top-level names: a lowercase prefix and a counter (`validate12`, `schema3`, `pattern0`).
const RESERVED_NAME = /^(?:[a-z]+|Error)\d+$/;
const SOURCE_URL_COMMENT = /\/\*# sourceURL="(?:[^"\\]|\\.)*" \*\//g;
const NEW_REGEXP = /new RegExp\(("(?:[^"\\]|\\.)*"), ("[a-z]*")\)/g;

export function buildValidatorModule(entries: readonly ValidatorEntry[]): ValidatorModule {
  const sorted = sortedEntries(entries);
  const ajv = createAjv({ messages: false, code: { source: true, esm: true, lines: false, optimize: true } });
  const prepared = sorted.map((entry) => prepareSchema(entry.name, entry.schema));
  const keyPrefix = exportKeyPrefix(JSON.stringify(prepared));
  const refs: Record<string, string> = {};
  // The compiling instance has messages off, so schemas are checked by one that explains itself.
  const checker = createAjv();
  sorted.forEach((entry, index) => {
    const key = `${keyPrefix}${index}`;
    const schema = prepared[index] as object;
    let problem: string | undefined;
    try {
      if (checker.validateSchema(schema)) {
        ajv.addSchema(schema, key);
        ajv.getSchema(key);
      } else {
        problem = `its schema is invalid: ${checker.errorsText(checker.errors, { dataVar: 'schema' })}`;
      }
    } catch (error) {
      problem = (error instanceof Error ? error.message : String(error)).replaceAll(key, entry.name);
    }
    if (problem !== undefined) throw new Error(`cannot compile ${entry.name}: ${problem}.`);
    refs[key] = key;
  });

  const locals = new Map<number, string>();
  const exportStatement = new RegExp(`export const ${keyPrefix}(\\d+) = ([A-Za-z_$][\\w$]*);`, 'g');
  const withoutExports = standaloneCode
    .default(ajv, refs)
    .replace(/^"use strict";/, '')
    .replace(exportStatement, (_statement, index: string, local: string) => {
      locals.set(Number(index), local);
      return '';
    });
  if (locals.size !== sorted.length) throw new Error(`plangen internal error: found ${locals.size} of ${sorted.length} validator exports in ajv's code.`);

  const { code: body, imports } = rewriteRuntimeRequires(
    withoutExports
      // Schema `$id`s become source-map comments that could close early: drop them.
      .replace(SOURCE_URL_COMMENT, '')
      // Regex literals instead of `new RegExp(...)`, so bundlers know the unused ones can go.
      .replace(NEW_REGEXP, (_call, source: string, flags: string) => regexLiteral(JSON.parse(source) as string, JSON.parse(flags) as string)),
  );
  return { imports, body, exports: sorted.map((entry, index) => ({ name: entry.name, local: locals.get(index) ?? '' })) };
}

function sortedEntries(entries: readonly ValidatorEntry[]): ValidatorEntry[] {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (!IDENTIFIER.test(name)) throw new Error(`cannot compile validator ${JSON.stringify(name)}: its name is not a JavaScript identifier.`);
    if (RESERVED_NAME.test(name) || RUNTIME_EXPORT_NAMES.includes(name)) {
      throw new Error(`cannot compile validator ${name}: the validators module uses this name itself.`);
    }
    if (seen.has(name)) throw new Error(`cannot compile validator ${name}: two schemas have this name.`);
    seen.add(name);
  }
  return [...entries].sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}

/**
 * ajv names each export after the key its schema was added under; a key prefix
 * that no schema contains lets its export statements be found exactly, even
 * when a schema string holds text that looks like one.
 */
function exportKeyPrefix(schemasText: string): string {
  let counter = 0;
  while (schemasText.includes(`plangenExport${counter}x`)) counter++;
  return `plangenExport${counter}x`;
}

/** The literal equivalent of `new RegExp(source, flags)`: `RegExp.prototype.source` is escaped to sit between slashes. */
function regexLiteral(source: string, flags: string): string {
  return `/${new RegExp(source, flags).source}/${flags}`;
}
