// The parts of the generated validators module: ajv standalone's code made safe
// for ESM and bundlers, the names it imports from @plangen/core, and one export
// per entry. compile-validators.ts prints them; load-validators.ts runs them.
import { regexLiteral, safeCode } from '../escape.js';
import { sortedEntries, type ValidatorEntry } from './entry-names.js';
import { compactErrorPushes, PUSH_ERROR } from './compact-error-pushes.js';
import { hoistSchemaValues } from './hoist-schema-values.js';
import { prepareSchema } from './prepare-schema.js';
import { rewriteRuntimeRequires } from './runtime-imports.js';
import { PUSH_SHARED_ERRORS } from './shared-keyword.js';
import { layOutModule } from './stable-layout.js';
import { standaloneValidators } from './standalone-code.js';

export type { ValidatorEntry } from './entry-names.js';

export interface ValidatorExport {
  readonly name: string;
  /** The function the export holds: `checkOrderCompletedV1` (stable-layout.ts). */
  readonly local: string;
}

export interface ValidatorModule {
  /** Names imported from @plangen/core, sorted. */
  readonly imports: readonly string[];
  /** Top-level statements without imports, exports or comments, one a line (stable-layout.ts). */
  readonly body: string;
  /** Sorted by name. */
  readonly exports: readonly ValidatorExport[];
}

// Inside the generated code every string is a JSON string, where `"` is always
// escaped; these patterns start or end at an unescaped `"`, so data never matches.
const SOURCE_URL_COMMENT = /\/\*# sourceURL="(?:[^"\\]|\\.)*" \*\//g;
const NEW_REGEXP = /new RegExp\(("(?:[^"\\]|\\.)*"), ("[a-z]*")\)/g;

export function buildValidatorModule(entries: readonly ValidatorEntry[]): ValidatorModule {
  const sorted = sortedEntries(entries);
  const { code, locals, shared } = standaloneValidators(sorted.map(({ name, schema }) => ({ name, schema: prepareSchema(name, schema) })));
  // A schema `$id` becomes a source-map comment that `*/` in the id would close early.
  const { code: rewritten, imports } = rewriteRuntimeRequires(code.replace(SOURCE_URL_COMMENT, ''));
  const compacted = compactErrorPushes(hoistSchemaValues(rewritten));
  // Last, because a regex literal is the one place where plan text holds an unescaped `"`.
  // Regex literals, unlike `new RegExp(...)`, tell bundlers an unused one can go.
  const withRegexLiterals = compacted.code.replace(NEW_REGEXP, (_call, source: string, flags: string) =>
    regexLiteral(JSON.parse(source) as string, JSON.parse(flags) as string),
  );
  // Plan text is left only in string and regex literals: line separators and `</script` escaped there.
  const body = safeCode(withRegexLiterals);
  // Names that do not shift when another event changes, and a line per statement, for readable diffs.
  const laidOut = layOutModule(
    body,
    sorted.map(({ name }, index) => ({ name, local: locals[index] ?? '' })),
    shared,
  );
  return {
    imports: [...imports, ...(compacted.callsPushError ? [PUSH_ERROR] : []), ...(shared.length > 0 ? [PUSH_SHARED_ERRORS] : [])].sort(),
    body: laidOut.body,
    exports: sorted.map(({ name }, index) => ({ name, local: laidOut.locals[index] ?? '' })),
  };
}
