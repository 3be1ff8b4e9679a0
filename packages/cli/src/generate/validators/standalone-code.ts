// Runs ajv standalone over one batch of an SDK's schemas in one instance, so helpers,
// patterns and formats are emitted once per batch (stable-layout.ts merges the equal
// ones of several batches), and separates ajv's export statements from the code so
// that plangen can write (and type) the exports itself.
import type { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv } from '../../schema/create-ajv.js';
import { useLengthShortcuts } from './length-keywords.js';
import { countNamesInOneWalk } from './name-counts.js';
import { useSharedSubschemas } from './shared-keyword.js';
import type { BatchSchema, ValidatorBatch } from './build-validator-module.js';

export interface StandaloneCode {
  /** ajv's constants and validate functions, without export statements. */
  readonly code: string;
  /** ajv's name for each schema's validate function (`validate12`), by key. */
  readonly locals: Readonly<Record<string, string>>;
  /** The shared subschemas the code holds (shared-subschemas.ts): the hash each is named after, and ajv's name for its function. */
  readonly shared: readonly { readonly hash: string; readonly local: string }[];
}

/** The checking ajv instance, which a thread may reuse for every batch it compiles (it keeps no schema). */
export function createChecker(): Ajv {
  return createAjv();
}

export function standaloneValidators(batch: ValidatorBatch, checker: Ajv = createChecker()): StandaloneCode {
  // loopRequired: a `required` list of two or more is checked by one loop over it (the same errors,
  // in the same order) instead of a statement per name, a fifth of a typical module.
  // validateSchema: false: the checker below has checked each plan schema already (and explains what
  // is wrong); checking again against the meta-schema on every add was a sixth of the compile.
  const ajv = createAjv({ messages: false, loopRequired: 2, validateSchema: false, code: { source: true, esm: true, lines: false, optimize: true } });
  useLengthShortcuts(ajv);
  const called = useSharedSubschemas(ajv, batch.sharingKeyword, batch.shared);
  const refs: Record<string, string> = {};
  // The compiling instance has messages off, so schemas are checked by one that explains itself.
  countNamesInOneWalk();
  for (const schema of batch.schemas) {
    compile(ajv, checker, schema);
    refs[schema.key] = schema.key;
  }
  const shared = batch.shared.filter(({ key }) => called.has(key));
  for (const { key } of shared) refs[key] = key;

  const locals: Record<string, string> = {};
  let found = 0;
  // ajv writes `export const <key> = <function>;` for each ref: taken out, plangen writes its own exports.
  const code = standaloneCode
    .default(ajv, refs)
    .replace(/^"use strict";/, '')
    .replace(/export const ([A-Za-z_$][\w$]*) = ([A-Za-z_$][\w$]*);/g, (statement, key: string, local: string) => {
      if (refs[key] !== key || Object.hasOwn(locals, key)) return statement;
      locals[key] = local;
      found++;
      return '';
    });
  if (found !== Object.keys(refs).length) {
    throw new Error(`plangen internal error: found ${found} of ${Object.keys(refs).length} validator exports in ajv's code.`);
  }
  return { code, locals, shared: shared.map(({ key, hash }) => ({ hash, local: locals[key] ?? '' })) };
}

/** Checks the plan's `schema`, then compiles `compiled`, its form with shared subschemas, under `key`. */
function compile(ajv: Ajv, checker: Ajv, { name, schema, compiled, key }: BatchSchema): void {
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
