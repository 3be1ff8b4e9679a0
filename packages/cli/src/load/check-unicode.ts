// A lone UTF-16 surrogate (half of a pair, as a JSON or YAML `\ud83d` escape or
// a long emoji name cut in the middle writes it) is not Unicode text: ajv and
// json-schema-to-typescript fail on it with a bare URIError, and no file can be
// written with it intact. Every key and string of the plan is checked at load,
// so the error names the place.
import { errorAt } from '../model/located-error.js';
import { toPointer } from './locate.js';
import { quote } from '../messages/quote.js';
import type { SourceDocument } from './source-document.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Characters of context quoted before the lone surrogate in a long text. */
const CONTEXT = 20;

const FIX = 'Write the whole character (both halves of the pair) or remove the half';

export function checkUnicode(source: SourceDocument): void {
  const stack: { value: unknown; path: string[] }[] = [{ value: source.data, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path } = item;
    const ref = { file: source.file, pointer: toPointer(path) };
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      throw errorAt(ref, `the text ${excerpt(value)} is not valid Unicode: it holds a lone surrogate (half of a UTF-16 pair)`, FIX, 'value');
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) {
        throw errorAt({ file: source.file, pointer: toPointer([...path, key]) }, `the key ${excerpt(key)} is not valid Unicode: it holds a lone surrogate (half of a UTF-16 pair)`, FIX);
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
}

/** The text quoted, or for a long one the part that ends at the lone surrogate. */
function excerpt(text: string): string {
  const end = (LONE_SURROGATE.exec(text)?.index ?? 0) + 1;
  if (text.length <= CONTEXT * 2) return quote(text);
  const start = Math.max(0, end - CONTEXT);
  return `${start > 0 ? '…' : ''}${quote(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}
