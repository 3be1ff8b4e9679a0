import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { run as runInspect } from '../../packages/cli/src/commands/inspect.js';
import { asCli } from '../cli/helpers.js';

const run = asCli('inspect', runInspect);

afterEach(() => {
  vi.restoreAllMocks();
});

function capture(): { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => err.push(String(chunk)) > 0);
  return { stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('plangen inspect', () => {
  it('prints the model for people, with the analytics-next signatures by default (identify used to show traits alone)', async () => {
    const output = capture();
    expect(await run({ plan: 'fixtures/segment-config-api/plan.json', format: 'text' })).toBe(0);
    expect(output.stdout()).toBe(
      [
        'Banking App (Segment Config API format, fixtures/segment-config-api/plan.json)',
        '3 events, 4 versions; identify, group, common',
        'Signatures of the analytics-next SDK.',
        '',
        '"Card Frozen"',
        '  The customer froze a card.',
        '  trackCardFrozen(properties: CardFrozenProperties, options?: TrackOptions, callback?: Callback) sends v1',
        '  v1: trackCardFrozenV1(properties: CardFrozenV1Properties, options?: TrackOptions, callback?: Callback), 2 properties (2 required), validateCardFrozenV1',
        '',
        '"Transfer Sent"  [team:payments, platform:android]',
        '  Money was sent; v2 requires the transfer kind and allows a note.',
        '  trackTransferSent(properties: TransferSentProperties, options?: TrackOptions, callback?: Callback) sends v2',
        '  v1: trackTransferSentV1(properties: TransferSentV1Properties, options?: TrackOptions, callback?: Callback), 2 properties (2 required), validateTransferSentV1',
        '  v2: trackTransferSentV2(properties: TransferSentV2Properties, options?: TrackOptions, callback?: Callback), 4 properties (3 required), validateTransferSentV2',
        '',
        '"app_opened"',
        '  The app came to the foreground.',
        '  trackAppOpened(properties?: AppOpenedProperties, options?: TrackOptions, callback?: Callback) sends v1',
        '  v1: trackAppOpenedV1(properties?: AppOpenedV1Properties, options?: TrackOptions, callback?: Callback), 0 properties (0 required), validateAppOpenedV1',
        '',
        'identify: identify(userId: string | undefined, traits: IdentifyTraits, options?: TrackOptions, callback?: Callback), 2 traits (1 required), validateIdentifyTraits',
        '',
        'group: group(groupId: string, traits?: GroupTraits, options?: TrackOptions, callback?: Callback), 1 trait (0 required), validateGroupTraits',
        '',
        'common: every payload must match (validateCommon)',
        '',
      ].join('\n'),
    );
    expect(output.stderr()).toBe('');
  });

  it('prints the model as JSON through the CLI', async () => {
    const output = capture();
    expect(await main(['inspect', 'fixtures/shop/plan.yaml', '--format', 'json'])).toBe(0);
    const json = JSON.parse(output.stdout()) as {
      name: string;
      format: string;
      events: { name: string; identifiers: { fn: string }; versions: { version: number; identifiers: { fn: string }; properties: { required?: string[] }; payload?: unknown }[] }[];
      identify?: { traits: unknown };
      group?: unknown;
      page?: unknown;
      common?: { validator: string };
    };
    expect(json.name).toBe('Shop');
    expect(json.format).toBe('plangen');
    const order = json.events.find((event) => event.name === 'Order Completed')!;
    expect(order.identifiers.fn).toBe('trackOrderCompleted');
    expect(order.versions.map((v) => [v.version, v.identifiers.fn])).toEqual([
      [1, 'trackOrderCompletedV1'],
      [2, 'trackOrderCompletedV2'],
    ]);
    expect(order.versions[1]!.properties.required).toContain('subtotal');
    expect(json.events.find((event) => event.name === 'Coupon Applied')!.versions[0]!.payload).toBeDefined();
    expect(json.identify?.traits).toBeDefined();
    expect(json.group).toBeDefined();
    expect(json.page).toBeDefined();
    expect(json.common?.validator).toBe('validateCommon');
    expect(output.stdout()).not.toContain('"source"');
  });

  it('reads the format given by --input-format', async () => {
    const output = capture();
    expect(await main(['inspect', 'fixtures/shop/plan.yaml', '--input-format', 'segment-config-api'])).toBe(1);
    expect(output.stderr()).toBe('fixtures/shop/plan.yaml:6:1: the plan is missing "rules". Add "rules".\n');
    expect(output.stdout()).toBe('');
  });

  it('prints a plan error on stderr and exits 1', async () => {
    const output = capture();
    expect(await run({ plan: 'fixtures/invalid/version-zero.yaml', format: 'json' })).toBe(1);
    expect(output.stderr()).toBe(
      'fixtures/invalid/version-zero.yaml:5:18: version 0 of event "Order Completed" is not a positive integer. Number versions 1, 2, 3 and so on.\n',
    );
    expect(output.stdout()).toBe('');
  });
});

describe('plangen inspect shows the signatures the chosen client gets', () => {
  const NODE = 'callback?: Callback';

  it('--client analytics-node shows the message the wrappers take, not properties', async () => {
    const output = capture();
    expect(await main(['inspect', 'fixtures/segment-config-api/plan.json', '--client', 'analytics-node'])).toBe(0);
    const lines = output.stdout().split('\n');
    expect(lines[2]).toBe('Signatures of the analytics-node SDK.');
    expect(lines).toContain(`  trackCardFrozen(message: NodeTrackMessage<CardFrozenProperties>, ${NODE}) sends v1`);
    expect(lines).toContain(`  v1: trackCardFrozenV1(message: NodeTrackMessage<CardFrozenV1Properties>, ${NODE}), 2 properties (2 required), validateCardFrozenV1`);
    expect(lines).toContain(`identify: identify(message: NodeIdentifyMessage<IdentifyTraits>, ${NODE}), 2 traits (1 required), validateIdentifyTraits`);
    expect(lines).toContain(`group: group(message: NodeGroupMessage<GroupTraits>, ${NODE}), 1 trait (0 required), validateGroupTraits`);
  });

  it('the JSON output carries the client and each signature, the same text the generated index.ts declares', async () => {
    const output = capture();
    expect(await main(['inspect', 'fixtures/shop/plan.yaml', '--format', 'json', '--client', 'analytics-node'])).toBe(0);
    const json = JSON.parse(output.stdout()) as {
      client: string;
      events: { name: string; signature: string; versions: { signature: string }[] }[];
      identify: { signature: string };
      group: { signature: string };
      page: { signature: string };
    };
    expect(json.client).toBe('analytics-node');
    const generated = readFileSync('fixtures/shop/generated/analytics-node/index.ts', 'utf8');
    const signatures = [
      ...json.events.flatMap((event) => [event.signature, ...event.versions.map((version) => version.signature)]),
      json.identify.signature,
      json.group.signature,
      json.page.signature,
    ];
    expect(signatures.length).toBeGreaterThan(10);
    // The golden is prettier-formatted: compare with whitespace collapsed.
    const flat = generated.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/,? \)/g, ')');
    for (const signature of signatures) expect(flat, signature).toContain(`export function ${signature}: void`);
  });

  it("takes the client from the config file when --client is not given", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plangen-inspect-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), '{ "name": "app" }\n');
      writeFileSync(path.join(dir, 'plangen.config.json'), '{ "client": "analytics-node" }\n');
      const output = capture();
      expect(await run({ plan: path.resolve('fixtures/segment-config-api/plan.json'), format: 'text' }, dir)).toBe(0);
      expect(output.stdout().split('\n')[2]).toBe('Signatures of the analytics-node SDK.');
      const flagged = capture();
      expect(await run({ plan: path.resolve('fixtures/segment-config-api/plan.json'), format: 'text', client: 'generic' }, dir)).toBe(0);
      expect(flagged.stdout().split('\n')[2]).toBe('Signatures of the generic SDK.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
