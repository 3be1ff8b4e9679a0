// The tracking-plan endpoints of the Segment Public API that pull and push use
// (docs.segmentapis.com, tag Tracking Plans; the shapes as in segmentio's
// public-api-sdk-typescript, RuleV1 and RuleInputV1):
//   GET  /tracking-plans/{id}                 -> data.trackingPlan
//   GET  /tracking-plans/{id}/rules           -> data.rules, data.pagination.next (cursor pagination)
//   PUT  /tracking-plans/{id}/rules           <- { rules: RuleInputV1[] } (replaces every rule)
import type { JsonBody } from './response-json.js';
import { shapeError } from './response-json.js';
import type { Response, SegmentClient } from './http-client.js';

export const RULE_TYPES = ['COMMON', 'GROUP', 'IDENTIFY', 'PAGE', 'SCREEN', 'TRACK'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

/** A rule as plangen keeps it: what Protocols validates, without timestamps (which change on every push). */
export interface Rule {
  readonly type: RuleType;
  readonly key?: string;
  readonly version: number;
  readonly jsonSchema: Record<string, unknown>;
}

export interface TrackingPlanInfo {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
}

/** The most a page may hold (the API's limit); fewer requests against the 200-a-minute rate limit. */
export const PAGE_SIZE = 200;

export async function getTrackingPlan(client: SegmentClient, id: string): Promise<TrackingPlanInfo> {
  const response = await client.request('GET', `/tracking-plans/${encodeURIComponent(id)}`, { subject: `tracking plan "${id}"` });
  const plan = field(response, ['data', 'trackingPlan'], 'an object', isObject);
  const at = ['data', 'trackingPlan'];
  const info = plan as Record<string, unknown>;
  expect(response, [...at, 'id'], 'a string', typeof info.id === 'string');
  expect(response, [...at, 'name'], 'a string', typeof info.name === 'string');
  return {
    id: info.id as string,
    name: info.name as string,
    ...(typeof info.description === 'string' && info.description !== '' ? { description: info.description } : {}),
    ...(typeof info.type === 'string' ? { type: info.type } : {}),
  };
}

export interface ListProgress {
  readonly rules: number;
  readonly total?: number;
}

/** Every rule, page after page, following `pagination.next` until it is null. */
export async function listRules(client: SegmentClient, id: string, onPage?: (progress: ListProgress) => void): Promise<Rule[]> {
  const rules: Rule[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const query: Record<string, string> = { 'pagination.count': String(PAGE_SIZE), ...(cursor !== undefined ? { 'pagination.cursor': cursor } : {}) };
    const response = await client.request('GET', `/tracking-plans/${encodeURIComponent(id)}/rules`, { query, subject: `tracking plan "${id}"` });
    const page = field(response, ['data', 'rules'], 'a list', Array.isArray) as unknown[];
    page.forEach((rule, index) => rules.push(readRule(response, rule, ['data', 'rules', index])));
    const pagination = (response.body.value as { data: { pagination?: { next?: unknown; totalEntries?: unknown } } }).data.pagination;
    const next = pagination?.next;
    const total = typeof pagination?.totalEntries === 'number' ? pagination.totalEntries : undefined;
    onPage?.({ rules: rules.length, ...(total !== undefined ? { total } : {}) });
    if (next === undefined || next === null || next === '') return rules;
    expect(response, ['data', 'pagination', 'next'], 'a cursor string or null', typeof next === 'string');
    // A server that hands back a cursor it already gave would make this loop forever.
    expect(response, ['data', 'pagination', 'next'], 'a cursor not seen before', !seen.has(next as string));
    seen.add(next as string);
    cursor = next as string;
  }
}

/** Replaces every rule of the tracking plan with `rules` (PUT: what is not listed is removed). */
export async function replaceRules(client: SegmentClient, id: string, rules: readonly Rule[]): Promise<void> {
  await client.request('PUT', `/tracking-plans/${encodeURIComponent(id)}/rules`, { body: { rules }, subject: `tracking plan "${id}"` });
}

function readRule(response: Response, value: unknown, at: (string | number)[]): Rule {
  expect(response, at, 'a rule object', isObject(value));
  const rule = value as Record<string, unknown>;
  expect(response, [...at, 'type'], `one of ${RULE_TYPES.join(', ')}`, RULE_TYPES.includes(rule.type as RuleType));
  expect(response, [...at, 'jsonSchema'], 'a JSON Schema object', isObject(rule.jsonSchema));
  const version = rule.version ?? 1;
  expect(response, [...at, 'version'], 'a positive integer', Number.isSafeInteger(version) && (version as number) >= 1);
  if (rule.key !== undefined && rule.key !== null) expect(response, [...at, 'key'], 'a string', typeof rule.key === 'string');
  if (rule.type === 'TRACK') expect(response, [...at, 'key'], 'the event name (a TRACK rule needs a key)', typeof rule.key === 'string' && rule.key !== '');
  return {
    type: rule.type as RuleType,
    ...(typeof rule.key === 'string' && rule.key !== '' ? { key: rule.key } : {}),
    version: version as number,
    jsonSchema: rule.jsonSchema as Record<string, unknown>,
  };
}

function field(response: Response, path: readonly (string | number)[], expected: string, check: (value: unknown) => boolean): unknown {
  let value: unknown = response.body.value;
  for (const [index, key] of path.entries()) {
    value = isObject(value) ? value[key as string] : undefined;
    if (index < path.length - 1) expect(response, path.slice(0, index + 1), 'an object', isObject(value));
  }
  expect(response, path, expected, check(value));
  return value;
}

function expect(response: Response, path: readonly (string | number)[], expected: string, ok: boolean): void {
  if (!ok) throw shapeError(response.body as JsonBody, response.where, path, `${describePath(path)} must be ${expected}`);
}

function describePath(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
