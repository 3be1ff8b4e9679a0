// The locator of one loaded document: turns the SourceRefs of the model built
// from it into line and column (model/locator.ts). It answers for that file only.
import type { Locator } from '../model/locator.js';
import type { SourceDocument } from './source-document.js';
import { formatPointer, parsePointer } from '../schema/json-pointer.js';

export function sourceLocator(source: SourceDocument): Locator {
  return {
    locate: (ref, at = 'element') => (ref.file === source.file ? source.locate(parsePointer(ref.pointer), at) : undefined),
  };
}

// The one RFC 6901 implementation (schema/json-pointer.ts), under the names the loaders use.
export { parsePointer, formatPointer as toPointer };
