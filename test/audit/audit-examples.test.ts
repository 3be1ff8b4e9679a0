// `plangen audit` on the example apps of examples/: each is copied (its src and
// tsconfig, beside its node_modules, so the real client types resolve), its SDK
// generated as its package.json script does, then audited. They send every event
// through the SDK, so the audit finds SDK calls only, and the one pinned version
// they keep on purpose (trackOrderCompletedV1).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput } from '../cli/helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The app's files in a temp folder inside the app (node_modules resolves as for the app itself), with its SDK generated. */
async function exampleCopy(app: string, client: string): Promise<string> {
  const dir = await mkdtemp(path.join(EXAMPLES, app, '.audit-test-'));
  made.push(dir);
  await cp(path.join(EXAMPLES, app, 'src'), path.join(dir, 'src'), { recursive: true, filter: (source) => !source.includes(`${path.sep}analytics`) });
  await cp(path.join(EXAMPLES, app, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  await cp(path.join(EXAMPLES, app, 'plan.yaml'), path.join(dir, 'plan.yaml'));
  process.chdir(dir);
  captureOutput();
  expect(await main(['generate', '--plan', 'plan.yaml', '--out', 'src/analytics', '--client', client])).toBe(0);
  return dir;
}

interface Report {
  files: number;
  failing: string[];
  findings: { kind: string; file: string; function?: string }[];
  events: { event: string; versions: { version: number; sdkUses: number }[]; rawCalls: number }[];
}

async function audit(): Promise<{ code: number; report: Report }> {
  const output = captureOutput();
  const code = await main(['audit', '--plan', 'plan.yaml', '--sdk', 'src/analytics', '--format', 'json']);
  return { code, report: JSON.parse(output.stdout()) as Report };
}

describe('plangen audit on the example apps', () => {
  it.each([
    ['node-app', 'analytics-node', 1],
    ['browser-app', 'analytics-next', 2], // its snippet scenario calls trackOrderCompletedV1 too
  ] as const)('%s: every event sent through the SDK, no raw call, each call pinned to v1 reported', async (app, client, pinned) => {
    await exampleCopy(app, client);
    const { code, report } = await audit();
    expect(code).toBe(0);
    expect(report.failing).toEqual([]);
    // The generated SDK's own client calls are not the app's: only main.ts and clients.ts are read.
    expect(report.files).toBe(2);
    expect(report.findings.filter((finding) => finding.kind !== 'sdk-call').map(({ kind, file, function: fn }) => `${kind} ${file} ${fn}`)).toEqual(
      Array.from({ length: pinned }, () => 'pinned-version src/main.ts trackOrderCompletedV1'),
    );
    expect(report.events.map(({ event, versions, rawCalls }) => [event, versions.map((version) => version.sdkUses > 0), rawCalls])).toEqual([
      ['Order Completed', [true, true], 0],
      ['Signed Up', [true], 0],
      ['checkout.step_viewed', [true], 0],
    ]);
  });
});
