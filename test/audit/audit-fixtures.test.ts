// `plangen audit` on the fixture apps of fixtures/audit/, one per hard case. Each
// case's JSON output is compared whole with its expected.json, and the test names
// the finding that case exists for, so a regression says which resolution broke.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput } from '../cli/helpers.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/audit/', import.meta.url));

interface Finding {
  kind: string;
  file: string;
  line?: number;
  column?: number;
  event?: string;
  version?: number;
  function?: string;
  client?: string;
  use?: string;
}

/** Runs audit from fixtures/audit (its plangen.config.json gives plan.yaml and sdk/) on one case's tsconfig. */
async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = captureOutput();
  const code = await main(['audit', ...args]);
  return { code, stdout: output.stdout(), stderr: output.stderr() };
}

async function auditJson(fixture: string): Promise<{ code: number; json: { findings: Finding[]; failing: string[] } & Record<string, unknown> }> {
  const { code, stdout } = await audit('--project', fixture, '--format', 'json');
  return { code, json: JSON.parse(stdout) as { findings: Finding[]; failing: string[] } };
}

/** The fields that identify a finding: kind, place and what it resolved to. */
const summary = (findings: readonly Finding[]) =>
  findings.map(({ kind, file, line, column, event, version, function: fn, client, use }) =>
    [kind, `${file}:${line}:${column}`, event, version, fn, client, use].filter((part) => part !== undefined).join(' '),
  );

beforeEach(() => {
  process.chdir(FIXTURES);
});

describe('plangen audit on the fixture apps', () => {
  const cases: [string, number, string[]][] = [
    [
      'aliased-import',
      0,
      [
        // `orderDone` and `signedUp` are aliases; the local trackCartViewed() is not the SDK's, so Cart Viewed stays unused.
        'sdk-call aliased-import/src/app.ts:6:1 Order Completed 2 trackOrderCompleted call',
        'sdk-call aliased-import/src/app.ts:7:1 Signed Up 1 trackSignedUpV1 call',
        'unused-event plan.yaml:17:3 Cart Viewed',
        'unused-version plan.yaml:7:9 Order Completed 1',
      ],
    ],
    [
      'reexport-index',
      0,
      [
        'sdk-call reexport-index/src/app.ts:3:1 Signed Up 1 trackSignedUp call',
        'sdk-call reexport-index/src/app.ts:4:1 Order Completed 1 trackOrderCompletedV1 call',
        'pinned-version reexport-index/src/app.ts:4:1 Order Completed 1 trackOrderCompletedV1',
        'unused-event plan.yaml:17:3 Cart Viewed',
        'unused-version plan.yaml:10:9 Order Completed 2',
      ],
    ],
    [
      'namespace-import',
      0,
      [
        'sdk-call namespace-import/src/app.ts:4:1 Order Completed 2 trackOrderCompletedV2 call',
        'sdk-call namespace-import/src/app.ts:6:1 Signed Up 1 trackSignedUp call',
        'unused-event plan.yaml:17:3 Cart Viewed',
        'unused-version plan.yaml:7:9 Order Completed 1',
      ],
    ],
    [
      'forwarding-wrapper',
      0,
      [
        'sdk-call forwarding-wrapper/src/app.ts:4:1 Cart Viewed 1 trackCartViewed call',
        'sdk-call forwarding-wrapper/src/app.ts:5:1 Signed Up 1 trackSignedUp call',
        // events.signedUp.call(undefined, ...) calls it too.
        'sdk-call forwarding-wrapper/src/app.ts:6:1 Signed Up 1 trackSignedUp call',
        // Passed to withRetry: counted where it is handed over (sendOrder() itself is not counted again).
        'sdk-call forwarding-wrapper/src/tracking.ts:15:36 Order Completed 2 trackOrderCompleted reference',
        'unused-version plan.yaml:7:9 Order Completed 1',
      ],
    ],
    [
      'const-event-name',
      1,
      [
        'raw-planned const-event-name/src/app.ts:8:1 Signed Up trackSignedUp @segment/analytics-next',
        'raw-unplanned const-event-name/src/app.ts:9:1 Coupon Applied @segment/analytics-next',
        'unused-event plan.yaml:17:3 Cart Viewed',
        'unused-event plan.yaml:5:3 Order Completed',
      ],
    ],
    ['template-literal-name', 0, ['raw-dynamic template-literal-name/src/app.ts:9:3 window.analytics', 'unused-event plan.yaml:17:3 Cart Viewed', 'unused-event plan.yaml:5:3 Order Completed', 'unused-event plan.yaml:14:3 Signed Up']],
    [
      'window-analytics',
      1,
      [
        'raw-planned window-analytics/src/app.ts:9:1 Order Completed trackOrderCompleted window.analytics',
        'raw-planned window-analytics/src/app.ts:10:1 identify window.analytics',
        'raw-unplanned window-analytics/src/app.ts:11:1 Checkout Started window.rudderanalytics',
        'unused-event plan.yaml:14:3 Signed Up',
        'unused-event plan.yaml:17:3 Cart Viewed',
        // A raw call has no event_version: it counts as the oldest version.
        'unused-version plan.yaml:10:9 Order Completed 2',
      ],
    ],
    [
      'analytics-browser',
      1,
      [
        // tracker.track('Anything') is on the app's own object: not a client, not reported.
        'raw-planned analytics-browser/src/app.ts:6:1 Signed Up trackSignedUp @segment/analytics-next',
        'raw-unplanned analytics-browser/src/app.ts:7:1 @segment/analytics-next',
        'unused-event plan.yaml:17:3 Cart Viewed',
        'unused-event plan.yaml:5:3 Order Completed',
      ],
    ],
    [
      'tsx-component',
      1,
      [
        'sdk-call tsx-component/src/Checkout.tsx:9:30 Order Completed 2 trackOrderCompleted call',
        // Handed to an element as its onClick: a reference, so Signed Up is sent.
        'sdk-call tsx-component/src/Checkout.tsx:11:19 Signed Up 1 trackSignedUp reference',
        'raw-unplanned tsx-component/src/Checkout.tsx:10:30 Cart Abandoned analytics',
        'unused-event plan.yaml:17:3 Cart Viewed',
        'unused-version plan.yaml:7:9 Order Completed 1',
      ],
    ],
    [
      'analytics-node',
      1,
      [
        'raw-planned analytics-node/src/server.ts:5:1 Order Completed trackOrderCompleted @segment/analytics-node',
        'raw-unplanned analytics-node/src/server.ts:6:1 Refund Issued @segment/analytics-node',
        'unused-event plan.yaml:14:3 Signed Up',
        'unused-event plan.yaml:17:3 Cart Viewed',
        'unused-version plan.yaml:10:9 Order Completed 2',
      ],
    ],
    [
      'rudderstack',
      1,
      [
        'raw-planned rudderstack/src/app.ts:5:1 Signed Up trackSignedUp @rudderstack/analytics-js',
        'raw-unplanned rudderstack/src/app.ts:6:1 @rudderstack/analytics-js',
        'unused-event plan.yaml:5:3 Order Completed',
        'unused-event plan.yaml:17:3 Cart Viewed',
      ],
    ],
    [
      'allow-js',
      0,
      [
        'sdk-call allow-js/src/legacy.js:4:1 Cart Viewed 1 trackCartViewed call',
        'raw-planned allow-js/src/legacy.js:5:1 Signed Up trackSignedUp window.analytics',
        'unused-event plan.yaml:5:3 Order Completed',
      ],
    ],
  ];

  it.each(cases)('%s: finds what the case is about (exit %i), and prints exactly expected.json', async (fixture, exitCode, expected) => {
    const { code, json } = await auditJson(fixture);
    expect(summary(json.findings).sort()).toEqual([...expected].sort());
    expect(code).toBe(exitCode);
    expect(json).toEqual(JSON.parse(await readFile(`${FIXTURES}${fixture}/expected.json`, 'utf8')));
  });

  it('reads only the files of the TypeScript project: a file outside its include is never audited', async () => {
    const { json } = await auditJson('aliased-import');
    expect(json['files']).toBe(1);
    expect(JSON.stringify(json)).not.toContain('Never Planned');
  });
});
