import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../packages/cli/src/diff/diff-plans.js';
import { buildDiffReport } from '../../packages/cli/src/diff/diff-report.js';
import { versioningViolations } from '../../packages/cli/src/diff/enforce-versioning.js';
import { formatDiffText } from '../../packages/cli/src/diff/format-diff-text.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { event, identify, object, plan } from './plan-builder.js';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;

/** `target change classification: message` per change. */
function changes(before: PlanModel, after: PlanModel): string[] {
  return diffPlans(before, after).changes.map((change) => {
    const { target } = change;
    const what = 'event' in target ? `${target.event}${'version' in target ? ` v${target.version}` : ''}` : target.kind;
    const where = change.scope !== undefined ? ` ${change.scope}${change.pointer ?? ''}` : '';
    return `${what}${where} ${change.change} ${change.classification}: ${change.message}`;
  });
}

const v1 = object({ order_id: str, total: num }, ['order_id']);
const v2 = object({ order_id: str, total: num, coupon: str }, ['order_id']);

describe('diffPlans', () => {
  it('reports added and removed events and versions', () => {
    const before = plan([event('Order Completed', [v1]), event('Cart Viewed', [object({})])]);
    const after = plan([event('Order Completed', [v1, v2]), event('Signed Up', [object({}), object({})])]);
    expect(changes(before, after)).toEqual([
      'Cart Viewed removed breaking: event removed (v1)',
      'Order Completed v2 added compatible: version added',
      'Signed Up added compatible: event added (v1, v2)',
    ]);
  });

  it('a removed version is breaking', () => {
    expect(changes(plan([event('Order Completed', [v1, v2])]), plan([event('Order Completed', [v2], { first: 2 })]))).toEqual([
      'Order Completed v1 removed breaking: version removed',
    ]);
  });

  it('reports property changes inside a version with their pointer', () => {
    const after = object({ order_id: str, total: num, coupon: str }, ['order_id', 'coupon']);
    expect(changes(plan([event('Order Completed', [v1])]), plan([event('Order Completed', [after])]))).toEqual([
      'Order Completed v1 properties/properties/coupon added breaking: required property added',
    ]);
  });

  it('event descriptions are compatible changes', () => {
    const before = plan([event('Order Completed', [v1], { description: 'old' })]);
    const after = plan([event('Order Completed', [v1], { description: 'new' })]);
    expect(changes(before, after)).toEqual(['Order Completed changed compatible: description changed']);
  });

  it('compares identify traits, and a removed identify is breaking', () => {
    const before = plan([], { identify: identify(object({ email: str })) });
    const after = plan([], { identify: identify(object({ email: { type: ['string', 'null'] } })) });
    expect(changes(before, after)).toEqual(['identify traits/properties/email changed compatible: became nullable']);
    expect(changes(before, plan([]))).toEqual(['identify removed breaking: identify removed']);
    expect(changes(plan([]), before)).toEqual(['identify added compatible: identify added']);
  });

  it('a new common schema is breaking: every payload must match it', () => {
    const common = { schema: object({ context: object({}) }, ['context']), validator: 'validateCommon', source: { file: 'plan.yaml', pointer: '/common' } };
    expect(changes(plan([]), plan([], { common }))).toEqual(['common added breaking: common schema added: every payload must now match it']);
    expect(changes(plan([], { common }), plan([]))).toEqual(['common removed compatible: common schema removed']);
  });

  it('identical plans have no changes', () => {
    const model = plan([event('Order Completed', [v1, v2])], { identify: identify(object({ email: str })) });
    expect(diffPlans(model, model)).toEqual({ changes: [], signatures: [] });
  });
});

describe('signature changes', () => {
  const signatures = (before: PlanModel, after: PlanModel) => diffPlans(before, after).signatures.map((s) => `${s.change} ${s.fn}: ${s.reason}`);

  it('a changed latest version changes both its versioned and its unversioned function', () => {
    const after = object({ order_id: str, total: { type: 'integer' } }, ['order_id']);
    expect(signatures(plan([event('Order Completed', [v1])]), plan([event('Order Completed', [after])]))).toEqual([
      'changed trackOrderCompletedV1: v1 properties changed',
      'changed trackOrderCompleted: latest version v1 properties changed',
    ]);
  });

  it('a changed older version changes only its versioned function', () => {
    const changed = object({ order_id: str }, ['order_id']);
    expect(signatures(plan([event('Order Completed', [v1, v2])]), plan([event('Order Completed', [changed, v2])]))).toEqual([
      'changed trackOrderCompletedV1: v1 properties changed',
    ]);
  });

  it('a new latest version adds its function and moves the unversioned one', () => {
    expect(signatures(plan([event('Order Completed', [v1])]), plan([event('Order Completed', [v1, v2])]))).toEqual([
      'added trackOrderCompletedV2: v2 added',
      'changed trackOrderCompleted: latest version is now v2 (was v1)',
    ]);
  });

  it('removed events remove every function; added events add them', () => {
    expect(signatures(plan([event('Cart Viewed', [v1, v2])]), plan([event('Signed Up', [v1])]))).toEqual([
      'removed trackCartViewed: event removed',
      'removed trackCartViewedV1: event removed',
      'removed trackCartViewedV2: event removed',
      'added trackSignedUp: event added',
      'added trackSignedUpV1: event added',
    ]);
  });

  it('descriptions, patterns and bounds do not change a signature', () => {
    const after = object({ order_id: { ...str, pattern: '^ord_', description: 'The id' }, total: { ...num, minimum: 0 } }, ['order_id']);
    expect(signatures(plan([event('Order Completed', [v1])]), plan([event('Order Completed', [after])]))).toEqual([]);
  });

  it('identify traits changes change identify', () => {
    expect(
      signatures(plan([], { identify: identify(object({ email: str })) }), plan([], { identify: identify(object({ email: str, name: str })) })),
    ).toEqual(['changed identify: traits changed']);
  });
});

describe('versioning policy', () => {
  const required = object({ order_id: str, total: num, coupon: str }, ['order_id', 'coupon']);

  it('a breaking change in place names the event, the change and the next version', () => {
    const after = plan([event('Order Completed', [v1, required])]);
    const violations = versioningViolations(diffPlans(plan([event('Order Completed', [v1, v2])]), after).changes, after);
    expect(violations.map((violation) => violation.message)).toEqual([
      'event "Order Completed" v2 was changed in place with a breaking change: property "coupon": became required. Add version 3 with this change instead, and keep v2 as it was.',
    ]);
    expect(violations[0]).toMatchObject({ event: 'Order Completed', version: 2, nextVersion: 3 });
  });

  it('adding a version, compatible changes and removals pass', () => {
    const before = plan([event('Order Completed', [v1, v2]), event('Cart Viewed', [v1])]);
    const after = plan([event('Order Completed', [object({ order_id: str, total: num, note: str }, ['order_id']), v2, required])]);
    expect(versioningViolations(diffPlans(before, after).changes, after)).toEqual([]);
  });
});

describe('diff report', () => {
  const before = plan([event('Order Completed', [v1, v2])]);
  const after = plan([event('Order Completed', [v1, object({ order_id: str, total: num, coupon: str }, ['order_id', 'coupon']), v2])]);
  const diff = diffPlans(before, after);
  const violations = versioningViolations(diff.changes, after);

  it('prints grouped text with + / - / ~ markers, the signature list and the policy', () => {
    expect(formatDiffText(buildDiffReport({ old: 'HEAD~1:plan.yaml', new: 'plan.yaml' }, diff, violations, true))).toBe(
      [
        'plangen diff HEAD~1:plan.yaml -> plan.yaml',
        '1 breaking change, 1 compatible change',
        '',
        'event "Order Completed"',
        '  ~ breaking    v2 property "coupon": became required',
        '  + compatible  v3 version added',
        '',
        'Generated functions:',
        '  ~ trackOrderCompletedV2  v2 properties changed',
        '  + trackOrderCompletedV3  v3 added',
        '  ~ trackOrderCompleted    latest version is now v3 (was v2)',
        '',
        'Versioning: failed.',
        '  event "Order Completed" v2 was changed in place with a breaking change: property "coupon": became required. Add version 4 with this change instead, and keep v2 as it was.',
        '',
      ].join('\n'),
    );
  });

  it('has a stable JSON shape', () => {
    expect(buildDiffReport({ old: 'a.yaml', new: 'b.yaml' }, diff, violations, false)).toEqual({
      old: 'a.yaml',
      new: 'b.yaml',
      summary: { breaking: 1, compatible: 1 },
      changes: [
        {
          kind: 'version',
          event: 'Order Completed',
          version: 2,
          scope: 'properties',
          pointer: '/properties/coupon',
          change: 'changed',
          classification: 'breaking',
          message: 'became required',
        },
        { kind: 'version', event: 'Order Completed', version: 3, change: 'added', classification: 'compatible', message: 'version added' },
      ],
      signatures: [
        { fn: 'trackOrderCompletedV2', change: 'changed', reason: 'v2 properties changed' },
        { fn: 'trackOrderCompletedV3', change: 'added', reason: 'v3 added' },
        { fn: 'trackOrderCompleted', change: 'changed', reason: 'latest version is now v3 (was v2)' },
      ],
      versioning: {
        enforced: false,
        ok: false,
        violations: [{ event: 'Order Completed', version: 2, nextVersion: 4, message: violations[0]!.message }],
      },
    });
  });

  it('orders groups by event name, then identify', () => {
    const before = plan([event('Video Played', [v1]), event('Video', [v1])], { identify: identify(object({})) });
    const after = plan([event('Video Played', [v2]), event('Video', [v2])], { identify: identify(object({ email: str })) });
    const headings = formatDiffText(buildDiffReport({ old: 'a', new: 'b' }, diffPlans(before, after), [], false))
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith(' '))
      .slice(2, 5);
    expect(headings).toEqual(['event "Video"', 'event "Video Played"', 'identify']);
  });

  it('says so when nothing changed', () => {
    expect(formatDiffText(buildDiffReport({ old: 'a', new: 'b' }, diffPlans(before, before), [], false))).toBe('plangen diff a -> b\nNo changes.\n');
  });
});
