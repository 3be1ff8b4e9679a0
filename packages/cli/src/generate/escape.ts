// The one place where text from the plan (names, descriptions, patterns, enum
// values) becomes code. Templates print only what went through these functions,
// so a description holding `*/`, a backtick, `${` or U+2028 can never end a
// comment, open a template literal or inject a statement.

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
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
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
