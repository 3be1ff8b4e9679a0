// The verdict written down for each example payload beside a fixture plan (fixtures/<folder>/payloads.jsonl),
// one named case per line: what the payload is and why it gets its verdict. test/load/fixture-payloads.test.ts
// derives the verdicts from the model with ajv; test/validate/fixture-payloads.test.ts through `plangen validate`.
import { readFileSync } from 'node:fs';

/** 'unplanned': an event the plan does not define. */
export type Verdict = 'valid' | 'invalid' | 'unplanned';

export interface VerdictCase {
  readonly name: string;
  readonly payload: unknown;
  readonly verdict: Verdict;
}

/** [name, verdict], in the order of the lines of payloads.jsonl. */
type WrittenCase = readonly [name: string, verdict: Verdict];

const SHOP: readonly WrittenCase[] = [
  ['Order Completed v2 with every property', 'valid'],
  ['Order Completed with event_version 1 and no subtotal', 'valid'],
  ['Order Completed without an event_version: the oldest version, v1', 'valid'],
  ['Order Completed with event_version "2" (a string): falls back to v1, which allows neither subtotal nor completed_at', 'invalid'],
  ['Order Completed v2 without its required subtotal', 'invalid'],
  ['Order Completed with event_version 3, which the plan lacks: falls back to v1', 'valid'],
  ['Order Completed with event_version 1.5: falls back to v1', 'valid'],
  ['Order Completed v1 with an order_id off its pattern and revenue as a string', 'invalid'],
  ['Product Viewed with every property', 'valid'],
  ['Product Viewed with a product_id off its pattern and a category outside its enum', 'invalid'],
  ['Product Added with a nested variant', 'valid'],
  ['Product Added with quantity 0, below its minimum', 'invalid'],
  ['Checkout Started v2 with shipping_method "express"', 'valid'],
  ['Checkout Started v2 with shipping_method "drone", outside its enum', 'invalid'],
  ['Signed Up with a date-time and a null referrer', 'valid'],
  ['Signed Up with signed_up_at "yesterday", not a date-time', 'invalid'],
  ['Search Performed with nested filters', 'valid'],
  ['Search Performed with an empty query, result_count -1 and season "monsoon"', 'invalid'],
  ['Coupon Applied from context.app.name "shop-web", the const the plan sets', 'valid'],
  ['Coupon Applied from context.app.name "shop-ios", not that const', 'invalid'],
  ['Review Submitted with rating 6, outside its enum', 'invalid'],
  ['Review Submitted with photos and an extra property', 'valid'],
  ['Cart Emptied, an event the plan does not define', 'unplanned'],
  ['identify with every trait', 'valid'],
  ['identify with an email off its pattern and plan "gold" outside its enum', 'invalid'],
  ['group with a name and employees', 'valid'],
  ['group without its required name and with 0 employees', 'invalid'],
  ['page with every property', 'valid'],
  ['page with campaign, a property the plan does not allow', 'invalid'],
  ['Product Viewed with an empty userId', 'invalid'],
];

const SEGMENT_PUBLIC_API: readonly WrittenCase[] = [
  ['Video Played v2 with quality and subtitles', 'valid'],
  ['Video Played v2 without the context.app its payload schema requires', 'invalid'],
  ['Video Played v2 with quality "8k" outside its enum and subtitles "english" off its pattern', 'invalid'],
  ['Video Played without an event_version: the oldest version, v1', 'valid'],
  ['Video Played v1 without its required video_id', 'invalid'],
  ['Video Played with event_version "2" (a string): falls back to v1, where position "10" is no integer', 'invalid'],
  ['Video Paused with video_id and position', 'valid'],
  ['Video Paused without its required video_id', 'invalid'],
  ['Subscription Started v3 with plan "family" and a price', 'valid'],
  ['Subscription Started with event_version 2, which the plan lacks: falls back to v1, where plan "family" is outside its enum', 'invalid'],
  ['Subscription Started without an event_version: v1 with plan "yearly"', 'valid'],
  ['Subscription Started v3 with a price without its required currency', 'invalid'],
  ['identify with email, subscriber and favorite_genres', 'valid'],
  ['identify with subscriber "yes", not a boolean', 'invalid'],
  ['group with a name and 4 seats', 'valid'],
  ['group without its required name and with 0 seats, below the minimum', 'invalid'],
  ['screen with name and from_deeplink', 'valid'],
  ['screen with from_deeplink "no", not a boolean', 'invalid'],
  ['Video Paused with context.device.advertisingId 42, not a string', 'invalid'],
];

const SEGMENT_CONFIG_API: readonly WrittenCase[] = [
  ['Transfer Sent v2 with amount, currency, kind and a null note', 'valid'],
  ['Transfer Sent v2 without its required kind', 'invalid'],
  ['Transfer Sent without an event_version: the oldest version, v1', 'valid'],
  ['Transfer Sent v1 with amount 25.5, no integer, and currency "GBP" outside its enum', 'invalid'],
  ['Transfer Sent with event_version 0: falls back to v1', 'valid'],
  ['Card Frozen with card_last4, reason and a locale', 'valid'],
  ['Card Frozen with card_last4 "42" off its pattern and reason "bored" outside its enum', 'invalid'],
  ['Card Frozen with context.locale "german" off its pattern', 'invalid'],
  ['app_opened, an event named in snake case', 'valid'],
  ['identify with email and kyc_level', 'valid'],
  ['identify without its required kyc_level', 'invalid'],
  ['group with a company name', 'valid'],
  ['group with company 7, not a string', 'invalid'],
];

/** Each fixture's cases; shop-json is the shop plan written as JSON, with the same payloads. */
export const FIXTURE_VERDICTS = [
  { folder: 'shop', plan: 'plan.yaml', cases: SHOP },
  { folder: 'shop-json', plan: 'plan.json', cases: SHOP },
  { folder: 'segment-public-api', plan: 'plan.json', cases: SEGMENT_PUBLIC_API },
  { folder: 'segment-config-api', plan: 'plan.json', cases: SEGMENT_CONFIG_API },
] as const;

/** The fixture's payloads, one named case per non-empty line; a line without a written case (or the reverse) throws. */
export function verdictCases(fixture: (typeof FIXTURE_VERDICTS)[number]): VerdictCase[] {
  const payloads = readFileSync(`fixtures/${fixture.folder}/payloads.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
  if (payloads.length !== fixture.cases.length) {
    throw new Error(`fixtures/${fixture.folder}/payloads.jsonl has ${payloads.length} payloads but ${fixture.cases.length} written verdicts: name a case for each line.`);
  }
  return payloads.map((payload, index) => ({ name: `line ${index + 1}: ${fixture.cases[index]![0]}`, payload, verdict: fixture.cases[index]![1] }));
}
