// ajv standalone keeps every compiled schema whole in the module (`const schema11 = {...}`) only so that
// some code can point into it: error params of multi-type `type` and `enum`, enum lists. Each value read
// that way becomes its own small constant (equal values shared), and a schema constant that nothing
// reads whole any more is dropped. The module loses a copy of every schema, and a bundler keeps only the
// few values the validators an app imports need.

import { jsonCode } from '../escape.js';
import { ajvTextChanged } from './ajv-text-changed.js';
import { JSON_STRING as STRING, stringSpans, tokensOutsideStrings } from './code-tokens.js';

// Found outside strings (code-tokens.ts): a path holds whole strings only.
const TOKENS = new RegExp(String.raw`(?<![\w$.])const schema(\d+) = |(?<![\w$.])schema(\d+)((?:\.[A-Za-z_$][\w$]*|\[(?:\d+|${STRING})\])*)`, 'g');
// Any declaration of a schema constant, however spaced: each must be one TOKENS reads.
const DECLARATION_LIKE = /(?<![\w$.])(?:const|let|var)\s+schema(\d+)\s*=/g;
const ACCESSOR = new RegExp(String.raw`\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[(${STRING})\]`, 'g');

interface Declaration {
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

export function hoistSchemaValues(code: string): string {
  const declarations = new Map<string, Declaration>();
  const references: { start: number; end: number; schema: string; path: string }[] = [];
  const readWhole = new Set<string>();
  const spans = stringSpans(code);
  for (const match of tokensOutsideStrings(code, spans, TOKENS)) {
    const [text, declared, referenced, path] = match;
    const start = match.index;
    if (declared !== undefined) {
      const end = statementEnd(code, start + text.length);
      declarations.set(declared, { start, end: end + 1, value: declaredValue(declared, code.slice(start + text.length, end)) });
    } else if (referenced !== undefined) {
      if (path === undefined || path === '') readWhole.add(referenced);
      else references.push({ start, end: start + text.length, schema: referenced, path });
    }
  }
  checkDeclarationsFound(code, spans, declarations, [...readWhole, ...references.map((reference) => reference.schema)]);

  const prefix = freePrefix(code);
  const names = new Map<string, string>();
  const constants: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const reference of references) {
    const declaration = declarations.get(reference.schema);
    const value = declaration === undefined ? undefined : valueAt(declaration.value, reference.path);
    if (value === undefined) {
      readWhole.add(reference.schema);
      continue;
    }
    const json = scriptJson(value);
    let name = names.get(json);
    if (name === undefined) {
      name = `${prefix}${names.size}`;
      names.set(json, name);
      constants.push(`const ${name} = ${json};`);
    }
    edits.push({ start: reference.start, end: reference.end, text: name });
  }
  for (const [schema, declaration] of declarations) {
    if (!readWhole.has(schema)) edits.push({ start: declaration.start, end: declaration.end, text: '' });
    else if (code.slice(declaration.start, declaration.end).includes(PROTO_KEY)) {
      edits.push({ start: declaration.start, end: declaration.end, text: `const schema${schema} = ${scriptJson(declaration.value)};` });
    }
  }
  return constants.join('') + applyEdits(code, edits);
}

function declaredValue(schema: string, json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw ajvTextChanged('hoist-schema-values', `found schema${schema} declared with a value that is not JSON`);
  }
}

// A schema constant declared in a shape TOKENS misses would stay whole and its reads would not be
// hoisted (or, dropped, leave reads of nothing): loud instead.
function checkDeclarationsFound(code: string, spans: readonly number[], declarations: ReadonlyMap<string, Declaration>, read: readonly string[]): void {
  let declaredLike = 0;
  for (const _ of tokensOutsideStrings(code, spans, DECLARATION_LIKE)) declaredLike++;
  if (declaredLike !== declarations.size) {
    throw ajvTextChanged('hoist-schema-values', `read ${declarations.size} of ${declaredLike} schema constant declarations`);
  }
  const undeclared = read.find((schema) => !declarations.has(schema));
  if (undeclared !== undefined) throw ajvTextChanged('hoist-schema-values', `found schema${undeclared} read but not declared`);
}

// The `;` that ends the declaration starting at `from`: JSON holds none outside its strings.
function statementEnd(code: string, from: number): number {
  for (let i = from; i < code.length; i++) {
    if (code[i] === ';') return i;
    if (code[i] === '"') for (i++; code[i] !== '"' && i < code.length; i++) if (code[i] === '\\') i++;
  }
  return code.length;
}

// Follows `.key`, `[0]` and `["key"]` accessors; undefined when the path leaves the value.
function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const [, dotted, index, quoted] of path.matchAll(ACCESSOR)) {
    if (typeof value !== 'object' || value === null) return undefined;
    const key = dotted ?? index ?? (JSON.parse(quoted ?? '""') as string);
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

// JSON as ajv writes it into code (U+2028/U+2029 escaped), with `__proto__` keys kept as keys.
function scriptJson(value: unknown): string {
  const json = jsonCode(value);
  return json.includes(PROTO_KEY) ? objectLiteral(value) : json;
}

const PROTO_KEY = '"__proto__"';

// In an object literal, `"__proto__": v` sets the prototype instead of making a key (an enum value
// `{"__proto__": 1}` would become `{}`); a computed key `["__proto__"]: v` makes an ordinary one.
// Schema values are at most as deep as the plan, which the loader bounds.
function objectLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(objectLiteral).join(',')}]`;
  if (typeof value !== 'object' || value === null) return jsonCode(value);
  const entries = Object.entries(value).map(([key, item]) => `${key === '__proto__' ? `[${PROTO_KEY}]` : jsonCode(key)}:${objectLiteral(item)}`);
  return `{${entries.join(',')}}`;
}

// A name prefix no identifier of the code starts with.
function freePrefix(code: string): string {
  let prefix = 'schemaValue';
  while (new RegExp(String.raw`\b${prefix}\d`).test(code)) prefix += '_';
  return prefix;
}

function applyEdits(code: string, edits: { start: number; end: number; text: string }[]): string {
  edits.sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + code.slice(at);
}
