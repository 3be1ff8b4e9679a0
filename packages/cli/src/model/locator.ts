// Where model elements are written. The model holds SourceRefs (file + JSON
// pointer); the loader returns a Locator with each model it builds, and every
// stage that reports `file:line:col` takes that locator as a parameter. So a
// position never depends on what else this process happened to load, and
// nothing accumulates in `--watch` or programmatic use.
import type { SourceRef } from './types.js';

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface Locator {
  /**
   * Where the element starts: its key when it is a mapping entry (`Order Completed:`, `element`),
   * or its value (`value`, for errors about the value such as `version: 1.5`). Undefined when
   * unknown: another file, or a model built in code.
   */
  locate(ref: SourceRef, at?: 'element' | 'value'): Position | undefined;
}

/** For a model that was not read from a file: no position is known, so errors name `file#pointer`. */
export const NO_LOCATOR: Locator = { locate: () => undefined };
