// Which of the three plan formats a document is written in.
import { PlanError } from '../errors.js';
import type { PlanFormat } from '../model/types.js';
import { kindOf } from './check-shape.js';
import type { SourceDocument } from './source-document.js';

const NATIVE_KEYS = ['name', 'events', 'identify', 'group', 'page', 'screen', 'common'];

export function detectFormat(source: SourceDocument): PlanFormat {
  const data = source.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PlanError(
      { file: source.file, line: 1, column: 1 },
      `a tracking plan must be a mapping, not ${data === null ? 'an empty document' : kindOf(data)}`,
      'Start from the example in docs/plan-format.md',
    );
  }
  const rules = (data as Record<string, unknown>).rules;
  if (Array.isArray(rules)) return 'segment-public-api';
  if (typeof rules === 'object' && rules !== null) return 'segment-config-api';
  if (rules === undefined && NATIVE_KEYS.some((key) => key in data)) return 'plangen';
  throw new PlanError(
    { file: source.file, line: 1, column: 1 },
    'the file matches no known plan format',
    'Expected "name" and "events" (plangen format), a "rules" list (Segment Public API) or "rules.events" (Segment Config API); pass --input-format to choose one',
  );
}
