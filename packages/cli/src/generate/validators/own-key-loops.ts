// With `ownProperties` (so that `constructor` or `toString` inherited from Object.prototype never
// counts as a property of the payload), ajv walks an object's keys as
//   for(const key0 of Object.keys(data)){
// which allocates the keys' array on every call: about 300 ns of a development wrapper's call for a
// 20-property payload. `for...in` with an own-key test visits the same keys (own, enumerable, string,
// in the same order) without the array:
//   for(const key0 in data){if(!func0.call(data, key0))continue;
// where func0 is ajv's own `Object.prototype.hasOwnProperty` constant (declared here when ajv wrote
// none). ajv's loop bodies hold no `continue` of their own that this could shadow: the test comes
// first and skips only keys Object.keys would not have listed.
import { ajvTextChanged } from './ajv-text-changed.js';
import { replaceOutsideStrings, stringSpans, tokensOutsideStrings } from './code-tokens.js';

const IDENTIFIER = String.raw`[A-Za-z_$][\w$]*`;
const LOOP = String.raw`for\(const (${IDENTIFIER}) of Object\.keys\((${IDENTIFIER})\)\)\{`;
// Both found outside strings (code-tokens.ts).
const LOOPS = new RegExp(LOOP, 'g');
// Every Object.keys outside strings must be one of the loops above, or minProperties' and
// maxProperties' `Object.keys(data).length`, which stays: counting needs the array's length.
const KEYS_CALLS = new RegExp(`(Object\\.keys\\(${IDENTIFIER}\\)\\.length\\b)|(Object\\.keys\\()`, 'g');
const HAS_OWN = /const (func\d+) = Object\.prototype\.hasOwnProperty;/;
const FUNC_NAMES = /\bfunc(\d+)\b/g;

export function ownKeyLoops(code: string): string {
  const declared = HAS_OWN.exec(code)?.[1];
  const hasOwn = declared ?? `func${nextFuncNumber(code)}`;
  let loops = 0;
  const spans = stringSpans(code);
  const rewritten = replaceOutsideStrings(code, spans, LOOPS, ([, key, object]) => {
    loops++;
    return `for(const ${key} in ${object}){if(!${hasOwn}.call(${object}, ${key}))continue;`;
  });
  let calls = 0;
  for (const match of tokensOutsideStrings(code, spans, KEYS_CALLS)) if (match[2] !== undefined) calls++;
  if (calls !== loops) throw ajvTextChanged('own-key-loops', `rewrote ${loops} of ${calls} Object.keys calls`);
  if (loops === 0 || declared !== undefined) return rewritten;
  // A top-level constant like ajv's own; the layout (stable-layout.ts) names and places it.
  return `const ${hasOwn} = Object.prototype.hasOwnProperty;${rewritten}`;
}

function nextFuncNumber(code: string): number {
  let next = 0;
  for (const match of code.matchAll(FUNC_NAMES)) next = Math.max(next, Number(match[1]) + 1);
  return next;
}
