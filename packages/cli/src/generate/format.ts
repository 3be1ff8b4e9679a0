// Prettier, once per emitted file: index.ts, or for `--language js` the index.js
// and index.d.ts the compiler derived from it (its output indents by four and
// keeps trailing commas in imports).
import { format } from 'prettier';

const STYLE = { printWidth: 120, singleQuote: true } as const;

export function formatTypeScript(source: string): Promise<string> {
  return format(source, { ...STYLE, parser: 'babel-ts' });
}

export function formatJavaScript(source: string): Promise<string> {
  return format(source, { ...STYLE, parser: 'babel' });
}
