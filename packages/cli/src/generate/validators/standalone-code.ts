// Runs ajv standalone over all schemas of an SDK in one instance, so helpers,
// patterns and formats are emitted once, and separates ajv's export statements
// from the code so that plangen can write (and type) the exports itself.
import type { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { JsonSchema } from '../../model/types.js';
import { createAjv } from '../../schema/create-ajv.js';
import { useLengthShortcuts } from './length-keywords.js';

export interface StandaloneCode {
  /** ajv's constants and validate functions, without export statements. */
  readonly code: string;
  /** ajv's name for each schema's validate function (`validate12`), in input order. */
  readonly locals: readonly string[];
}

export interface NamedSchema {
  readonly name: string;
  readonly schema: JsonSchema;
}

export function standaloneValidators(schemas: readonly NamedSchema[]): StandaloneCode {
  const ajv = createAjv({ messages: false, code: { source: true, esm: true, lines: false, optimize: true } });
  useLengthShortcuts(ajv);
  // The compiling instance has messages off, so schemas are checked by one that explains itself.
  const checker = createAjv();
  const keyPrefix = exportKeyPrefix(JSON.stringify(schemas.map(({ schema }) => schema)));
  const refs: Record<string, string> = {};
  // Equal schemas (a version repeated, a shared payload schema) compile once and share a function.
  const keyByText = new Map<string, string>();
  const keys = schemas.map(({ name, schema }, index) => {
    const text = JSON.stringify(schema);
    const known = keyByText.get(text);
    if (known !== undefined) return known;
    const key = `${keyPrefix}${index}`;
    compile(ajv, checker, { name, schema }, key);
    keyByText.set(text, key);
    refs[key] = key;
    return key;
  });

  const localByKey = new Map<string, string>();
  const exportStatement = new RegExp(`export const (${keyPrefix}\\d+) = ([A-Za-z_$][\\w$]*);`, 'g');
  const code = standaloneCode
    .default(ajv, refs)
    .replace(/^"use strict";/, '')
    .replace(exportStatement, (_statement, key: string, local: string) => {
      localByKey.set(key, local);
      return '';
    });
  if (localByKey.size !== keyByText.size) {
    throw new Error(`plangen internal error: found ${localByKey.size} of ${keyByText.size} validator exports in ajv's code.`);
  }
  return { code, locals: keys.map((key) => localByKey.get(key) ?? '') };
}

function compile(ajv: Ajv, checker: Ajv, { name, schema }: NamedSchema, key: string): void {
  let problem: string | undefined;
  try {
    if (checker.validateSchema(schema)) {
      ajv.addSchema(schema, key);
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
