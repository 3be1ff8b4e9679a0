// ajv standalone code reaches ajv's and ajv-formats' run-time helpers through
// `require(...)` even when it emits ESM (ajv issues #2209, #2598). Generated
// code must import only from @plangen/core/runtime, so each such expression becomes a
// named import of packages/core/src/validator-runtime, which that entry point exports.
import { ajvTextChanged } from './ajv-text-changed.js';
import { JSON_STRING, stringSpans, tokensOutsideStrings } from './code-tokens.js';
import { PUSH_ERROR } from './compact-error-pushes.js';
import { PUSH_SHARED_ERRORS } from './shared-subschemas.js';

/** `require("ajv/dist/runtime/<file>").default` → the @plangen/core export. */
const AJV_RUNTIME_EXPORTS: ReadonlyMap<string, string> = new Map([
  ['ucs2length', 'ucs2length'],
  ['equal', 'deepEqual'],
]);

/**
 * `require("ajv-formats/dist/formats").fullFormats[<format>]` → the @plangen/core export.
 * Only the formats ajv-formats defines as functions or objects: regex formats are inlined by ajv.
 */
const FORMAT_EXPORTS: ReadonlyMap<string, string> = new Map([
  ['date', 'formatDate'],
  ['time', 'formatTime'],
  ['date-time', 'formatDateTime'],
  ['iso-time', 'formatIsoTime'],
  ['iso-date-time', 'formatIsoDateTime'],
  ['uri', 'formatUri'],
  ['regex', 'formatRegex'],
  ['byte', 'formatByte'],
  ['int32', 'formatInt32'],
  ['int64', 'formatInt64'],
  ['float', 'formatFloat'],
  ['double', 'formatDouble'],
]);

/** Every name generated validators may import from @plangen/core. */
export const RUNTIME_EXPORT_NAMES: readonly string[] = [...AJV_RUNTIME_EXPORTS.values(), ...FORMAT_EXPORTS.values(), PUSH_ERROR, PUSH_SHARED_ERRORS].sort();

// ajv writes these with double quotes; inside the JSON strings of the generated
// code a double quote is always escaped, so schema data can never match.
const AJV_RUNTIME_REQUIRE = /require\("ajv\/dist\/runtime\/([\w-]+)"\)\.default/g;
const FORMAT_REQUIRE = /require\("ajv-formats\/dist\/formats"\)\.fullFormats(?:\.([A-Za-z_$][\w$]*)|\[("[^"\\]*")\])/g;
// Outside strings, whatever still reaches a module: ajv writing its helpers in a way the two patterns
// above miss (another path, an `import`) would leave generated code that loads ajv.
const MODULE_REFERENCE = new RegExp(String.raw`(?<![\w$.])(require\([^)]*\)[\w$.]*(?:\[${JSON_STRING}\])?|import\b[^;]*)`, 'g');

export interface RewrittenCode {
  readonly code: string;
  /** Sorted names to import from @plangen/core. */
  readonly imports: readonly string[];
}

export function rewriteRuntimeRequires(code: string): RewrittenCode {
  const imports = new Set<string>();
  const missing: string[] = [];
  const use = (name: string | undefined, expression: string): string => {
    // A helper @plangen/core does not carry is left in place and reported below.
    if (name === undefined) missing.push(expression);
    else imports.add(name);
    return name ?? expression;
  };
  const rewritten = code
    .replace(AJV_RUNTIME_REQUIRE, (expression, file: string) => use(AJV_RUNTIME_EXPORTS.get(file), expression))
    .replace(FORMAT_REQUIRE, (expression, dotted: string | undefined, quoted: string | undefined) =>
      use(FORMAT_EXPORTS.get(dotted ?? (JSON.parse(quoted ?? '""') as string)), expression),
    );
  if (missing.length > 0) {
    throw new Error(
      `plangen internal error: the precompiled validators still contain ${missing[0]}, which @plangen/core does not provide. Report the schema that needs it.`,
    );
  }
  // The first one only: past it (an `import` may end inside a string) the scan would read strings wrongly.
  const leftover = tokensOutsideStrings(rewritten, stringSpans(rewritten), MODULE_REFERENCE).next().value?.[1];
  if (leftover !== undefined) throw ajvTextChanged('runtime-imports', `found ${leftover}, which it does not know,`);
  return { code: rewritten, imports: [...imports].sort() };
}
