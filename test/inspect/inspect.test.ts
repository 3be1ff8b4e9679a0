import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { run } from '../../packages/cli/src/commands/inspect.js';

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
  it('prints the model for people', async () => {
    const output = capture();
    expect(await run({ plan: 'fixtures/segment-config-api/plan.json', format: 'text' })).toBe(0);
    expect(output.stdout()).toBe(
      [
        'Banking App (Segment Config API format, fixtures/segment-config-api/plan.json)',
        '3 events, 4 versions; identify, group, common',
        '',
        '"Card Frozen"',
        '  The customer froze a card.',
        '  trackCardFrozen(properties: CardFrozenProperties) sends v1',
        '  v1: trackCardFrozenV1(properties: CardFrozenV1Properties), 2 properties (2 required), validateCardFrozenV1',
        '',
        '"Transfer Sent"  [team:payments, platform:android]',
        '  Money was sent; v2 requires the transfer kind and allows a note.',
        '  trackTransferSent(properties: TransferSentProperties) sends v2',
        '  v1: trackTransferSentV1(properties: TransferSentV1Properties), 2 properties (2 required), validateTransferSentV1',
        '  v2: trackTransferSentV2(properties: TransferSentV2Properties), 4 properties (3 required), validateTransferSentV2',
        '',
        '"app_opened"',
        '  The app came to the foreground.',
        '  trackAppOpened(properties: AppOpenedProperties) sends v1',
        '  v1: trackAppOpenedV1(properties: AppOpenedV1Properties), 0 properties (0 required), validateAppOpenedV1',
        '',
        'identify: identify(traits: IdentifyTraits), 2 traits (1 required), validateIdentifyTraits',
        '',
        'group: group(traits: GroupTraits), 1 trait (0 required), validateGroupTraits',
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
