// A plan file read into plain data, able to say where any element is written.
// `.json` files are strict JSON (a repeated key or a trailing comma is an
// error, as in every other JSON tool); anything else is YAML, of which JSON is a
// subset. Both report syntax errors with line and column.
import type { Position } from '../model/locator.js';
import type { CheckedSchemas } from './checked-schemas.js';
import { readJson } from './json-source.js';
import type { WarningSink } from './load-warnings.js';
import { readYaml } from './yaml-source.js';

export type { Position } from '../model/locator.js';

export interface SourceDocument {
  readonly file: string;
  /** The plain data (objects, arrays, strings, numbers, booleans, null). */
  readonly data: unknown;
  /**
   * Where the element at `segments` is written: `element` gives its key when it is
   * a mapping entry (`Order Completed:`), `value` the value itself.
   */
  locate(segments: readonly string[], at: 'element' | 'value'): Position | undefined;
  /** Where the loader's checks report what loads but is worth saying (load-warnings.ts); absent: nowhere. */
  readonly warn?: WarningSink;
  /** Schemas that passed the checks in an earlier run (checked-schemas.ts). */
  readonly checked?: CheckedSchemas;
}

export function parseSource(text: string, file: string): SourceDocument {
  // A byte-order mark is no content; editors do not count it as a column either.
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return isJsonFile(file) ? readJson(content, file) : readYaml(content, file);
}

/** Whether parseSource reads `file` as strict JSON. */
export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}
