// Line and column of model elements. Each loaded plan document is remembered by
// its file name, so lint, diff and the loader's own checks can turn a
// `SourceRef` (file + JSON pointer) into `file:line:col` after loading.
import type { SourceRef } from '../model/types.js';
import type { Position, SourceDocument } from './source-document.js';
import { formatPointer, parsePointer } from '../schema/json-pointer.js';

export type { Position };

const documents = new Map<string, SourceDocument>();

/** Makes `locate` answer for this document's file (a later load of the same file name replaces it). */
export function rememberSource(source: SourceDocument): void {
  documents.set(source.file, source);
}

/**
 * Where an element starts: the key when it is a mapping entry (`Order Completed:`),
 * otherwise the value itself. Undefined for files this process did not load.
 */
export function locate(ref: SourceRef): Position | undefined {
  return documents.get(ref.file)?.locate(parsePointer(ref.pointer), 'element');
}

/** Where the element's value starts (for errors about the value, such as `version: 1.5`). */
export function locateValue(ref: SourceRef): Position | undefined {
  return documents.get(ref.file)?.locate(parsePointer(ref.pointer), 'value');
}

// The one RFC 6901 implementation (schema/json-pointer.ts), under the names the loaders use.
export { parsePointer, formatPointer as toPointer };
