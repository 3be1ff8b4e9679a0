// The one place where text from the plan (names, descriptions, patterns, enum
// values) becomes code. Templates print only what went through these functions,
// so a description holding `*/`, a backtick, `${` or U+2028 can never end a
// comment, open a template literal or inject a statement. Code that other tools print from plan
// text (json-schema-to-typescript's types, ajv's validators) goes through `safeCode` last.
import { escapeLineSeparators } from '../line-breaks.js';

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

// Reserved words that cannot name a function, type or constant.
const RESERVED_WORDS = new Set([
  'arguments', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'eval', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import',
  'in', 'instanceof', 'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return',
  'static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
]);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A double-quoted string literal that is safe in TypeScript, JavaScript and an
 * inline `<script>`: JSON escaping, plus the line separators (which older parsers
 * and some tools treat as line breaks) and `<` (so `</script>` cannot appear).
 */
export function stringLiteral(value: string): string {
  return jsonCode(value).replace(/</g, '\\u003c');
}

/** A JSON value as a JavaScript expression: JSON text with the line separators escaped. */
export function jsonCode(value: unknown): string {
  return escapeLineSeparators(JSON.stringify(value));
}

// In HTML, `</script` ends an inline script wherever it stands (case-insensitive).
const SCRIPT_END = /<\/(script)/gi;

/**
 * Code printed by another tool, in which plan text is left only inside string literals (comments were
 * escaped before; a regex literal's source escapes `/`, so it never holds `</script`): U+2028/U+2029
 * written as escapes, and `</script` as `<\/script`, which reads the same in a string. Safe in any
 * parser and inline in HTML.
 */
export function safeCode(code: string): string {
  return escapeLineSeparators(code).replace(SCRIPT_END, '<\\/$1');
}

/** The regex literal equivalent of `new RegExp(source, flags)`: `RegExp.prototype.source` is escaped to sit between slashes. */
export function regexLiteral(source: string, flags: string): string {
  return `/${new RegExp(source, flags).source}/${flags}`;
}

/**
 * Lines of text safe inside a `/** ... *\/` comment: every kind of line break
 * splits, `*\/` cannot close the comment, and a line starting with `@` cannot
 * turn into a JSDoc tag.
 */
export function docLines(text: string): string[] {
  return text
    .split(LINE_BREAKS)
    .map((line) => line.replace(/\*\//g, '*\\/').replace(/^(\s*)@/, '$1\\@').replace(/<\//g, '<\\/').trimEnd());
}

/** A key for an object literal or interface: bare when it is a plain identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/**
 * Model identifiers are decided by the model stage; this is the last check that
 * one is safe to print as a declaration name.
 */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name) || RESERVED_WORDS.has(name)) {
    throw new Error(`plangen: ${stringLiteral(name)} is not a valid identifier for generated code`);
  }
  return name;
}
