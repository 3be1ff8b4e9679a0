// Deterministic synthetic tracking plans in the Segment Public API format
// (the `plan.json` Typewriter reads), so plangen and Typewriter read the very
// same file. Each event has about 20 properties of mixed types and about one
// event in ten has two or three versions. The same seed always gives the same
// plan, byte for byte.
//
//   node synthetic-plan.mjs 500 out/plan.json   writes one plan
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';
const OBJECTS = ['Order', 'Product', 'Cart', 'Checkout', 'Coupon', 'Promotion', 'Search', 'Video', 'Playlist', 'Article',
  'Account', 'Invite', 'Subscription', 'Payment', 'Refund', 'Review', 'Wishlist', 'Shipment', 'Ticket', 'Report',
  'Dashboard', 'Workspace', 'Project', 'Comment', 'Notification', 'Message', 'Profile', 'Team', 'Invoice', 'Plan',
  'Trial', 'Feature', 'Banner', 'Survey', 'Download', 'Upload', 'Filter', 'Session', 'Device', 'Widget'];
const ACTIONS = ['Viewed', 'Created', 'Updated', 'Deleted', 'Shared', 'Completed', 'Started', 'Cancelled', 'Opened',
  'Closed', 'Clicked', 'Saved', 'Archived', 'Restored', 'Exported', 'Imported', 'Approved', 'Rejected', 'Submitted',
  'Renamed', 'Moved', 'Copied', 'Liked', 'Followed', 'Expanded', 'Collapsed', 'Selected', 'Scheduled', 'Paused',
  'Resumed', 'Retried', 'Failed', 'Verified', 'Linked', 'Unlinked', 'Pinned', 'Muted', 'Played', 'Printed', 'Rated',
  'Searched', 'Filtered', 'Sorted', 'Previewed', 'Downloaded', 'Uploaded', 'Invited', 'Joined', 'Left', 'Upgraded'];
const NOUNS = ['order', 'product', 'cart', 'coupon', 'currency', 'category', 'brand', 'variant', 'price', 'quantity',
  'position', 'source', 'medium', 'campaign', 'plan', 'seat', 'region', 'locale', 'device', 'screen', 'step', 'option',
  'feature', 'team', 'owner', 'folder', 'query', 'result', 'page', 'section', 'label', 'rating', 'duration', 'size'];
const QUALIFIERS = ['id', 'name', 'type', 'count', 'total', 'status', 'code', 'kind', 'value', 'level', 'at', 'url'];
const ENUMS = [['fall', 'winter', 'spring', 'summer'], ['web', 'ios', 'android'], ['free', 'pro', 'enterprise'],
  ['pending', 'paid', 'refunded', 'failed'], ['small', 'medium', 'large'], ['email', 'sms', 'push', 'in_app']];
const PATTERNS = [['^ord_[0-9]{6}$', 'ord_104233'], ['^[A-Z]{3}$', 'EUR'], ['^sku-[a-z0-9]{4,12}$', 'sku-x7k2p9'],
  ['^v[0-9]+\\.[0-9]+\\.[0-9]+$', 'v2.14.3']];

/** mulberry32: a tiny seeded PRNG; the benchmark only needs repeatability. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One property: its JSON Schema and a value that schema accepts. */
const PROPERTY_KINDS = [
  (pick) => {
    const values = pick(ENUMS);
    return { schema: { type: 'string', enum: values }, value: values[0] };
  },
  (pick) => {
    const [pattern, value] = pick(PATTERNS);
    return { schema: { type: 'string', pattern }, value };
  },
  () => ({ schema: { type: 'string', maxLength: 200 }, value: 'Blue running shoes' }),
  () => ({ schema: { type: 'number', minimum: 0 }, value: 42.5 }),
  () => ({ schema: { type: 'integer', minimum: 0, maximum: 10000 }, value: 3 }),
  () => ({ schema: { type: 'boolean' }, value: true }),
  () => ({ schema: { type: 'string', format: 'date-time' }, value: '2026-11-25T12:00:00.000Z' }),
  () => ({ schema: { type: ['string', 'null'] }, value: null }),
  () => ({ schema: { type: ['number', 'null'] }, value: 9.99 }),
  () => ({ schema: { type: 'array', items: { type: 'string' } }, value: ['a', 'b'] }),
  () => ({
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: { sku: { type: 'string' }, quantity: { type: 'integer', minimum: 1 }, price: { type: 'number' } },
        required: ['sku', 'quantity'],
      },
    },
    value: [{ sku: 'sku-1', quantity: 2, price: 19.5 }],
  }),
  () => ({
    schema: {
      type: 'object',
      properties: {
        street: { type: 'string' },
        city: { type: 'string' },
        geo: { type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } }, required: ['lat', 'lng'] },
      },
      required: ['city'],
    },
    value: { city: 'Lisbon', geo: { lat: 38.7, lng: -9.1 } },
  }),
];

function eventNames(count) {
  const names = [];
  for (let i = 0; names.length < count; i += 1) {
    const object = OBJECTS[i % OBJECTS.length];
    const action = ACTIONS[Math.floor(i / OBJECTS.length) % ACTIONS.length];
    const round = Math.floor(i / (OBJECTS.length * ACTIONS.length));
    names.push(round === 0 ? `${object} ${action}` : `${object} ${action} ${round + 1}`);
  }
  return names;
}

function propertySet(rand, count) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const properties = {};
  const sample = {};
  const required = [];
  while (Object.keys(properties).length < count) {
    const name = `${pick(NOUNS)}_${pick(QUALIFIERS)}`;
    if (name in properties) continue;
    const { schema, value } = pick(PROPERTY_KINDS)(pick);
    properties[name] = { description: `The ${name.replace('_', ' ')} of the event.`, ...schema };
    sample[name] = value;
    if (rand() < 0.5) required.push(name);
  }
  return { properties, required, sample };
}

function rule(key, version, description, set) {
  return {
    key,
    type: 'TRACK',
    version,
    jsonSchema: {
      $schema: SCHEMA_DRAFT,
      description,
      type: 'object',
      properties: {
        properties: { type: 'object', properties: set.properties, required: set.required },
      },
    },
  };
}

/**
 * A plan of `count` events. Returns the plan (Public API shape) and, for each
 * event, a properties object that its latest version accepts.
 */
export function syntheticPlan(count, seed = 20261125) {
  const rand = random(seed + count);
  const rules = [];
  const samples = {};
  for (const name of eventNames(count)) {
    const versions = rand() < 0.1 ? 2 + Math.floor(rand() * 2) : 1;
    let set = propertySet(rand, 18 + Math.floor(rand() * 5));
    for (let version = 1; version <= versions; version += 1) {
      if (version > 1) {
        // A later version renames nothing and drops nothing: it adds a required property.
        const added = `v${version}_flag`;
        set = {
          properties: { ...set.properties, [added]: { description: `Added in v${version}.`, type: 'boolean' } },
          required: [...set.required, added],
          sample: { ...set.sample, [added]: false },
        };
      }
      rules.push(rule(name, version, `Fired when a ${name.toLowerCase()} (synthetic, v${version}).`, set));
    }
    samples[name] = set.sample;
  }
  const plan = {
    id: `tp_synthetic${count}`,
    name: `Synthetic ${count} events`,
    description: 'Generated by bench/synthetic-plan.mjs',
    rules,
  };
  return { plan, samples };
}

export function writeSyntheticPlan(count, file) {
  const { plan, samples } = syntheticPlan(count);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
  return { plan, samples };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, file] = process.argv.slice(2);
  if (!count || !file || !/^\d+$/.test(count)) {
    process.stderr.write('usage: node synthetic-plan.mjs <events> <plan.json>\n');
    process.exit(1);
  }
  const { plan } = writeSyntheticPlan(Number(count), file);
  process.stdout.write(`${file}: ${count} events, ${plan.rules.length} rules\n`);
}
