// Selection semantics (model/select-plan.ts): per version, labels merged from the event, include
// matches any entry, exclude any entry and wins, names stay the full plan's, trackX() follows the
// latest selected version and says so.
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { buildSdkView } from '../../packages/cli/src/generate/view-model.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { describeSelection, planLabels, selectEvents, selectPlan, type Selection } from '../../packages/cli/src/model/select-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';

const PLAN = `
name: Apps
identify:
  traits:
    email: { type: string }
page:
  properties:
    section: { type: string }
events:
  Order Completed:
    labels: { team: checkout }
    versions:
      - version: 1
        labels: { platform: node }
        properties: { id: { type: string } }
      - version: 2
        labels: { platform: web }
        properties: { id: { type: string }, total: { type: number } }
  Order Refunded:
    labels: { team: checkout, platform: node }
    properties: { id: { type: string } }
  Product Viewed:
    labels: { team: catalog, platform: web }
    properties: { sku: { type: string } }
  Debug Ping:
    properties: {}
`;

const model = (): PlanModel => loadPlanText(PLAN, 'plan.yaml').model;
const kept = (selection: Selection) => selectPlan(model(), selection).events.map((event) => `${event.name}:${event.versions.map((version) => version.version).join(',')}`);

describe('selectPlan', () => {
  it('keeps everything (the same model) without include or exclude entries', () => {
    const full = model();
    expect(selectPlan(full, {})).toBe(full);
    expect(selectPlan(full, { include: { labels: [] } })).toBe(full);
  });

  it('selects per version: a version-level label selects only that version', () => {
    expect(kept({ include: { labels: ['platform:node'] } })).toEqual(['Order Completed:1', 'Order Refunded:1']);
    expect(kept({ include: { labels: ['platform:web'] } })).toEqual(['Order Completed:2', 'Product Viewed:1']);
  });

  it('counts event-level labels for every version', () => {
    expect(kept({ include: { labels: ['team:checkout'] } })).toEqual(['Order Completed:1,2', 'Order Refunded:1']);
  });

  it('include matches any of its labels or event names; a bare key matches any value', () => {
    expect(kept({ include: { labels: ['team:catalog', 'platform:node'] } })).toEqual(['Order Completed:1', 'Order Refunded:1', 'Product Viewed:1']);
    expect(kept({ include: { labels: ['team'] } })).toEqual(['Order Completed:1,2', 'Order Refunded:1', 'Product Viewed:1']);
    expect(kept({ include: { labels: ['team:catalog'], events: ['Debug Ping'] } })).toEqual(['Debug Ping:1', 'Product Viewed:1']);
  });

  it('exclude drops any version matching any entry, and wins over include', () => {
    expect(kept({ exclude: { labels: ['platform:web'] } })).toEqual(['Debug Ping:1', 'Order Completed:1', 'Order Refunded:1']);
    expect(kept({ include: { labels: ['team:checkout'] }, exclude: { labels: ['platform:web'] } })).toEqual(['Order Completed:1', 'Order Refunded:1']);
    expect(kept({ exclude: { events: ['Order *'] } })).toEqual(['Debug Ping:1', 'Product Viewed:1']);
  });

  it('event globs: * is any run of characters, ? one; other characters are literal', () => {
    expect(kept({ include: { events: ['Order *'] } })).toEqual(['Order Completed:1,2', 'Order Refunded:1']);
    expect(kept({ include: { events: ['*Viewed'] } })).toEqual(['Product Viewed:1']);
    expect(kept({ include: { events: ['Debug Pin?'] } })).toEqual(['Debug Ping:1']);
    expect(kept({ include: { events: ['Order.*'] } })).toEqual([]);
    expect(kept({ include: { events: ['order completed'] } })).toEqual([]);
  });

  it('keeps identify, page (no labels in the model) whatever the selection', () => {
    const selected = selectPlan(model(), { include: { labels: ['team:catalog'] } });
    expect(selected.identify?.kind).toBe('identify');
    expect(selected.page?.kind).toBe('page');
  });

  it('an event whose latest version is left out: trackX() sends the latest selected version, keeping the plan’s names', () => {
    const full = model();
    const selected = selectPlan(full, { include: { labels: ['platform:node'] } });
    const event = selected.events.find((one) => one.name === 'Order Completed')!;
    const original = full.events.find((one) => one.name === 'Order Completed')!;
    expect(event.versions.map((version) => version.version)).toEqual([1]);
    expect(event.planLatestVersion).toBe(2);
    expect(event.identifiers).toEqual({ ...original.identifiers, validator: 'validateOrderCompletedV1' });
    expect(event.versions[0]!.identifiers).toEqual(original.versions[0]!.identifiers);
    expect(event.labels).toEqual({ team: 'checkout', platform: 'node' });
    expect(Object.isFrozen(event)).toBe(true);
    expect(original.versions).toHaveLength(2); // the full model is untouched

    const view = buildSdkView(selected, { client: 'analytics-next', mode: 'development', language: 'ts' }, '');
    const latest = view.wrappers.find((wrapper) => wrapper.fn === 'trackOrderCompleted')!;
    expect(latest.args).toMatch(/^TRACK_ORDER_COMPLETED_V1_SPEC,/);
    expect(latest.doc.join('\n')).toContain("at its latest selected version, 1 (sent as context.protocols.event_version); the plan's latest version, 2, is not in this SDK's selection.");
    expect(view.aliases.find((alias) => alias.name === 'OrderCompletedProperties')).toMatchObject({ target: 'OrderCompletedV1Properties' });
  });

  it('the full plan’s wrappers say nothing about a selection', () => {
    const view = buildSdkView(model(), { client: 'analytics-next', mode: 'development', language: 'ts' }, '');
    expect(view.wrappers.find((wrapper) => wrapper.fn === 'trackOrderCompleted')!.doc.join('\n')).toContain('at its latest version, 2 (sent');
  });
});

describe('calls with labels (Segment rules)', () => {
  const rule = (key: string, type: string, labels: Record<string, string>, properties: object) => ({
    key,
    type,
    version: 1,
    jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', labels, type: 'object', properties },
  });
  const segmentPlan = JSON.stringify({
    id: 'tp_1',
    name: 'Labelled calls',
    rules: [
      rule('Video Played', 'TRACK', { platform: 'ios' }, { properties: { type: 'object', properties: {} } }),
      rule('Page Shown', 'TRACK', { platform: 'web' }, { properties: { type: 'object', properties: {} } }),
      rule('identify', 'IDENTIFY', { platform: 'web' }, { traits: { type: 'object', properties: { email: { type: 'string' } } } }),
      rule('group', 'GROUP', {}, { traits: { type: 'object', properties: { name: { type: 'string' } } } }),
    ],
  });
  const labelled = () => loadPlanText(segmentPlan, 'plan.json').model;

  it('a labelled identify follows the label entries; an unlabelled group is kept', () => {
    const ios = selectPlan(labelled(), { include: { labels: ['platform:ios'] } });
    expect([ios.identify?.kind, ios.group?.kind]).toEqual([undefined, 'group']);
    const web = selectPlan(labelled(), { include: { labels: ['platform:web'] } });
    expect([web.identify?.kind, web.group?.kind]).toEqual(['identify', 'group']);
    const notWeb = selectPlan(labelled(), { exclude: { labels: ['platform:web'] } });
    expect([notWeb.identify?.kind, notWeb.events.map((event) => event.name)]).toEqual([undefined, ['Video Played']]);
  });

  it('event-name entries do not concern calls, and the plan’s labels include the calls’', () => {
    const byName = selectPlan(labelled(), { include: { events: ['Video *'] } });
    expect([byName.identify?.kind, byName.events.map((event) => event.name)]).toEqual(['identify', ['Video Played']]);
    expect(planLabels(labelled())).toEqual(['platform:ios', 'platform:web']);
  });
});

describe('selectEvents', () => {
  it('selecting nothing is an error naming the selection and the plan’s labels', () => {
    const selection = { include: { labels: ['platform:tv'] } };
    expect(() => selectEvents(model(), selection, { file: 'plangen.config.json', pointer: '/outputs/1' }, 'plan.yaml')).toThrow(PlanError);
    expect(() => selectEvents(model(), selection, { file: 'plangen.config.json', pointer: '/outputs/1' }, 'plan.yaml')).toThrow(
      'plangen.config.json#/outputs/1: the selection (include labels "platform:tv") selects no event of plan.yaml. Labels in the plan: platform:node, platform:web, team:catalog, team:checkout.',
    );
  });

  it('returns the selection when it keeps an event', () => {
    expect(selectEvents(model(), { include: { events: ['Debug Ping'] } }, { file: 'x' }, 'plan.yaml').events).toHaveLength(1);
  });

  it('describes a selection on one line and lists the plan’s labels sorted', () => {
    expect(describeSelection({ include: { labels: ['a:b'], events: ['X *'] }, exclude: { labels: ['c'] } })).toBe('include labels "a:b"; include events "X *"; exclude labels "c"');
    expect(planLabels(model())).toEqual(['platform:node', 'platform:web', 'team:catalog', 'team:checkout']);
  });
});
