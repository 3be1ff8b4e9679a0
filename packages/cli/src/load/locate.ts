// Line and column of model elements. Each loaded plan document is remembered by
// its file name, so lint, diff and the loader's own checks can turn a
// `SourceRef` (file + JSON pointer) into `file:line:col` after loading.
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { SourceRef } from '../model/types.js';
import type { Positions, SourceDocument } from './source-document.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

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
  const found = find(ref);
  return found && position(found.source, found.key ?? found.node);
}

/** Where the element's value starts (for errors about the value, such as `version: 1.5`). */
export function locateValue(ref: SourceRef): Position | undefined {
  const found = find(ref);
  return found && position(found.source, found.node ?? found.key);
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

interface Found {
  readonly source: Positions;
  readonly node: Node | undefined;
  readonly key: Node | undefined;
}

function find(ref: SourceRef): Found | undefined {
  const source = documents.get(ref.file)?.positions();
  if (source === undefined) return undefined;
  let node: unknown = source.document.contents;
  let key: Node | undefined;
  for (const segment of parsePointer(ref.pointer)) {
    if (isAlias(node)) node = node.resolve(source.document);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (pair === undefined) return undefined;
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      key = undefined;
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  return { source, node: (node ?? undefined) as Node | undefined, key };
}

function position(source: Positions, node: Node | undefined): Position | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}
