// ajv writes every failing check as
//   const err0 = {instancePath:…,schemaPath:"…",keyword:"…",params:{…}};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}
// and those sites are two thirds of a generated module. Each becomes a call of @plangen/core's
// pushError, which builds the same object: `vErrors = pushError(vErrors,…,"…","…",{…});`. A site
// of another shape keeps its object and gets the shorter `(vErrors || (vErrors = [])).push(err0);`.
import { ajvTextChanged } from './ajv-text-changed.js';
import { JSON_STRING, replaceOutsideStrings, stringSpans, tokensOutsideStrings } from './code-tokens.js';

export const PUSH_ERROR = 'pushError';

// Inside an instance path expression: strings, and code without quotes, braces or statement ends
// (ajv escapes property names there with regex literals, which hold none of those).
const PATH_EXPRESSION = String.raw`(?:${JSON_STRING}|[^"{};])*?`;
const PARAMS = String.raw`\{(?:${JSON_STRING}|[^"{}])*\}`;
const SITE = String.raw`const (err\d+) = \{instancePath(?::(${PATH_EXPRESSION}))?,schemaPath:(${JSON_STRING}),keyword:(${JSON_STRING}),params:(${PARAMS})\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}`;
const PUSH = String.raw`if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\6\);\}`;
// Found outside strings (code-tokens.ts): a site holds whole strings only.
const TOKENS = new RegExp(`${SITE}|${PUSH}`, 'g');
// What the rewrite must account for, counted outside strings: ajv counts every error it records with
// `errors++`, and the object of each error site it writes starts with `instancePath`; only the errors
// of `propertyNames` end with one field more (`propertyName`), and keep their object.
const ERROR_MARKS = /(errors\+\+)|(=\s*\{\s*instancePath\b)|(\},propertyName:)/g;

export interface CompactedCode {
  readonly code: string;
  /** Whether the code now calls pushError, which the module must import. */
  readonly callsPushError: boolean;
}

export function compactErrorPushes(code: string): CompactedCode {
  let sites = 0;
  let pushes = 0;
  const spans = stringSpans(code);
  const compacted = replaceOutsideStrings(code, spans, TOKENS, ([text, site, path, schemaPath, keyword, params, pushed]) => {
    if (site !== undefined) {
      sites++;
      return `vErrors = ${PUSH_ERROR}(vErrors,${path ?? 'instancePath'},${schemaPath},${keyword},${params});`;
    }
    if (pushed === undefined) return text;
    pushes++;
    return `(vErrors || (vErrors = [])).push(${pushed});`;
  });
  checkEveryErrorRewritten(code, spans, sites, pushes);
  return { code: compacted, callsPushError: sites > 0 };
}

// A site ajv writes in another shape would keep its long push, or its whole error object: loud instead.
function checkEveryErrorRewritten(code: string, spans: readonly number[], sites: number, pushes: number): void {
  let recorded = 0;
  let objects = 0;
  for (const [, increment, object, propertyName] of tokensOutsideStrings(code, spans, ERROR_MARKS)) {
    if (increment !== undefined) recorded++;
    else if (object !== undefined) objects++;
    else if (propertyName !== undefined) objects--;
  }
  if (sites !== objects) throw ajvTextChanged('compact-error-pushes', `turned ${sites} of ${objects} error objects into pushError calls`);
  if (sites + pushes !== recorded) throw ajvTextChanged('compact-error-pushes', `rewrote ${sites + pushes} of ${recorded} error pushes`);
}
