// Runs ajv standalone over all schemas of an SDK in one instance, so helpers,
// patterns and formats are emitted once, and separates ajv's export statements
// from the code so that plangen can write (and type) the exports itself.
import type { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { JsonSchema } from '../../model/types.js';
import { createAjv } from '../../schema/create-ajv.js';
import { useLengthShortcuts } from './length-keywords.js';
import { useSharedSubschemas } from './shared-keyword.js';
import { shareRepeatedSubschemas } from './shared-subschemas.js';

export interface StandaloneCode {
  /** ajv's constants and validate functions, without export statements. */
  readonly code: string;
  /** ajv's name for each schema's validate function (`validate12`), in input order. */
  readonly locals: readonly string[];
  /** The shared subschemas the code holds (shared-subschemas.ts): the hash each is named after, and ajv's name for its function. */
  readonly shared: readonly { readonly hash: string; readonly local: string }[];
}

export interface NamedSchema {
  readonly name: string;
  readonly schema: JsonSchema;
}

export function standaloneValidators(schemas: readonly NamedSchema[]): StandaloneCode {
  // loopRequired: a `required` list of two or more is checked by one loop over it (the same errors,
  // in the same order) instead of a statement per name, a fifth of a typical module.
  const ajv = createAjv({ messages: false, loopRequired: 2, code: { source: true, esm: true, lines: false, optimize: true } });
  useLengthShortcuts(ajv);
  // The compiling instance has messages off, so schemas are checked by one that explains itself.
  const checker = createAjv();
  const schemasText = JSON.stringify(schemas.map(({ schema }) => schema));
  const keyPrefix = exportKeyPrefix(schemasText);
  // Equal schemas (a version repeated, a shared payload schema) compile once and share a function.
  const keyByText = new Map<string, string>();
  const distinct: { name: string; schema: JsonSchema; key: string }[] = [];
  const keys = schemas.map(({ name, schema }, index) => {
    const text = JSON.stringify(schema);
    const known = keyByText.get(text);
    if (known !== undefined) return known;
    const key = `${keyPrefix}${index}`;
    keyByText.set(text, key);
    distinct.push({ name, schema, key });
    return key;
  });
  const sharing = shareRepeatedSubschemas(
    distinct.map(({ schema }) => schema),
    keyPrefix,
    sharingKeyword(schemasText),
  );
  const called = useSharedSubschemas(ajv, sharingKeyword(schemasText), sharing.shared);
  const refs: Record<string, string> = {};
  distinct.forEach(({ name, schema, key }, index) => {
    compile(ajv, checker, { name, schema }, sharing.schemas[index]!, key);
    refs[key] = key;
  });
  const shared = sharing.shared.filter(({ key }) => called.has(key));
  for (const { key } of shared) refs[key] = key;

  const localByKey = new Map<string, string>();
  const exportStatement = new RegExp(`export const (${keyPrefix}(?:\\d+|s[0-9a-f]{64})) = ([A-Za-z_$][\\w$]*);`, 'g');
  const code = standaloneCode
    .default(ajv, refs)
    .replace(/^"use strict";/, '')
    .replace(exportStatement, (_statement, key: string, local: string) => {
      localByKey.set(key, local);
      return '';
    });
  if (localByKey.size !== distinct.length + shared.length) {
    throw new Error(`plangen internal error: found ${localByKey.size} of ${distinct.length + shared.length} validator exports in ajv's code.`);
  }
  return {
    code,
    locals: keys.map((key) => localByKey.get(key) ?? ''),
    shared: shared.map(({ key, hash }) => ({ hash, local: localByKey.get(key) ?? '' })),
  };
}

/** Checks the plan's `schema`, then compiles `compiled`, its form with shared subschemas, under `key`. */
function compile(ajv: Ajv, checker: Ajv, { name, schema }: NamedSchema, compiled: JsonSchema, key: string): void {
  let problem: string | undefined;
  try {
    if (checker.validateSchema(schema)) {
      ajv.addSchema(compiled, key);
      ajv.getSchema(key);
    } else {
      problem = `its schema is invalid: ${checker.errorsText(checker.errors, { dataVar: 'schema' })}`;
    }
  } catch (error) {
    problem = (error instanceof Error ? error.message : String(error)).replaceAll(key, name);
  }
  if (problem !== undefined) throw new Error(`cannot compile ${name}: ${problem}.`);
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

/** The sharing keyword: a name no schema uses, so none of the plan's own keywords is taken for it. */
function sharingKeyword(schemasText: string): string {
  let counter = 0;
  while (schemasText.includes(`plangenShared${counter}x`)) counter++;
  return `plangenShared${counter}x`;
}
