// One batch of validators compiled (build-validator-module.ts plans the batches):
// ajv standalone's code made safe for ESM and bundlers, rewritten by the post-passes,
// and laid out with names that do not depend on the cut (stable-layout.ts). Runs on
// whichever thread takes the batch (compile-pool.ts), with an ajv instance of its own.
import type { Ajv } from 'ajv';
import { regexLiteral, safeCode } from '../escape.js';
import { compactErrorPushes, PUSH_ERROR } from './compact-error-pushes.js';
import { hoistSchemaValues } from './hoist-schema-values.js';
import { ownKeyLoops } from './own-key-loops.js';
import { rewriteRuntimeRequires } from './runtime-imports.js';
import { PUSH_SHARED_ERRORS } from './shared-subschemas.js';
import { layOutStatements, type LaidOutStatements } from './stable-layout.js';
import type { ValidatorBatch } from './build-validator-module.js';
import { standaloneValidators } from './standalone-code.js';

export { createChecker } from './standalone-code.js';

/** One batch compiled, rewritten and laid out (stable-layout.ts joins the batches into the module). */
export interface CompiledBatch {
  readonly imports: readonly string[];
  readonly laidOut: LaidOutStatements;
}

// Inside the generated code every string is a JSON string, where `"` is always
// escaped; these patterns start or end at an unescaped `"`, so data never matches.
const SOURCE_URL_COMMENT = /\/\*# sourceURL="(?:[^"\\]|\\.)*" \*\//g;
const NEW_REGEXP = /new RegExp\(("(?:[^"\\]|\\.)*"), ("[a-z]*")\)/g;

/** `checker`: a thread's checking instance (standalone-code.ts createChecker), reused across its batches. */
export function compileValidatorBatch(batch: ValidatorBatch, checker?: Ajv): CompiledBatch {
  const { code, locals, shared } = standaloneValidators(batch, checker);
  // A schema `$id` becomes a source-map comment that `*/` in the id would close early.
  const { code: rewritten, imports } = rewriteRuntimeRequires(code.replace(SOURCE_URL_COMMENT, ''));
  const compacted = compactErrorPushes(ownKeyLoops(hoistSchemaValues(rewritten)));
  // Last, because a regex literal is the one place where plan text holds an unescaped `"`.
  // Regex literals, unlike `new RegExp(...)`, tell bundlers an unused one can go.
  const withRegexLiterals = compacted.code.replace(NEW_REGEXP, (_call, source: string, flags: string) =>
    regexLiteral(JSON.parse(source) as string, JSON.parse(flags) as string),
  );
  // Plan text is left only in string and regex literals: line separators and `</script` escaped there.
  const part = {
    code: safeCode(withRegexLiterals),
    exports: batch.exports.map(({ name, key }) => ({ name, local: locals[key] ?? '' })),
    shared,
  };
  return {
    imports: [...imports, ...(compacted.callsPushError ? [PUSH_ERROR] : []), ...(shared.length > 0 ? [PUSH_SHARED_ERRORS] : [])],
    // Names that do not shift when another event changes, and a line per statement, for readable diffs.
    laidOut: layOutStatements([part]),
  };
}
