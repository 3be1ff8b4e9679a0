// Which of the plan formats a document is written in.
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
  if (typeof rules === 'object' && rules !== null) return rulesObjectFormat(data as Record<string, unknown>, rules as Record<string, unknown>);
  if (rules === undefined && NATIVE_KEYS.some((key) => key in data)) return 'plangen';
  throw new PlanError(
    { file: source.file, line: 1, column: 1 },
    'the file matches no known plan format',
    'Expected "name" and "events" (plangen format), a "rules" list (Segment Public API) or "rules.events" (Segment Config API, RudderStack); pass --input-format to choose one',
  );
}

/**
 * Segment's Config API and both RudderStack exports keep their rules in a `rules` mapping.
 * RudderStack's Data Catalog tags each rule with `eventType` (and the plan with `creationType`);
 * its Tracking Plan API writes event versions as strings ("1-0-0"), which Segment never does,
 * and names plans `…/tracking-plans/tp_…` and events `ev_…` where Segment writes `rs_…`.
 */
function rulesObjectFormat(data: Record<string, unknown>, rules: Record<string, unknown>): PlanFormat {
  const events = Array.isArray(rules.events) ? rules.events.filter((event): event is Record<string, unknown> => typeof event === 'object' && event !== null) : [];
  if (typeof data.creationType === 'string' || events.some((event) => 'eventType' in event)) return 'rudderstack-data-catalog-api';
  const rudderstackIds = (typeof data.name === 'string' && /\/tracking-plans\/tp_/.test(data.name)) || events.some((event) => typeof event.id === 'string' && event.id.startsWith('ev_'));
  if (rudderstackIds || events.some((event) => typeof event.version === 'string')) return 'rudderstack-tracking-plan-api';
  return 'segment-config-api';
}
