// A lone UTF-16 surrogate (half of a pair, as a JSON or YAML `\ud83d` escape or
// a long emoji name cut in the middle writes it) is not Unicode text: ajv and
// json-schema-to-typescript fail on it with a bare URIError, and no file can be
// written with it intact. Every key and string of the plan is checked at load,
// so the error names the place.
import { errorAt } from '../model/located-error.js';
import { pathOf, type DataNode } from './check-depth.js';
import { toPointer } from './locate.js';
import { quote } from '../messages/quote.js';
import type { SourceDocument } from './source-document.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether the plan's data may hold a surrogate at all: only if its text holds one, or an escape that writes one
 * (JSON and YAML's `\uD83D`, YAML's `\U0000D83D`). Most plans hold neither, and skip the walk over every string.
 */
const SURROGATE_OR_ESCAPE = /[\ud800-\udfff]|\\(?:u|U0000)[dD][89a-fA-F]/;

export function mayHoldSurrogate(text: string): boolean {
  return SURROGATE_OR_ESCAPE.test(text);
}

/** Characters of context quoted before the lone surrogate in a long text. */
const CONTEXT = 20;

const FIX = 'Write the whole character (both halves of the pair) or remove the half';

export function checkUnicode(source: SourceDocument): void {
  // Parent links: the pointer is spelled out only for the error (building one per node made large plans slow).
  const stack: DataNode[] = [{ value: source.data, key: '', parent: undefined, depth: 0 }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const { value } = node;
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      throw errorAt({ file: source.file, pointer: toPointer(pathOf(node)) }, `the text ${excerpt(value)} is not valid Unicode: it holds a lone surrogate (half of a UTF-16 pair)`, FIX, 'value');
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) {
        throw errorAt({ file: source.file, pointer: toPointer([...pathOf(node), key]) }, `the key ${excerpt(key)} is not valid Unicode: it holds a lone surrogate (half of a UTF-16 pair)`, FIX);
      }
      stack.push({ value: child, key, parent: node, depth: node.depth + 1 });
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
