// `plangen inspect` with a selection (issue 19): the flags as the CLI parses them, --select of a config
// output, and the empty selection.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from '../cli/helpers.js';
import { readFile } from 'node:fs/promises';
import { REPO_ROOT } from '../generate/compile-in-memory.js';

afterEach(() => vi.restoreAllMocks());

const PLAN = `${REPO_ROOT}fixtures/outputs/plan.yaml`;

describe('plangen inspect with a selection', () => {
  it('repeated --include-label flags select any of them; --exclude-event then leaves events out', async () => {
    const io = captureOutput();
    expect(await main(['inspect', PLAN, '--include-label', 'team:billing', '--include-label', 'platform:mobile', '--exclude-event', 'App *'])).toBe(0);
    const text = io.stdout();
    expect(text.split('\n')[0]).toBe('Selection: include labels "team:billing", "platform:mobile"; exclude events "App *" (1 of 4 events, 1 of 5 versions)');
    expect(text).toContain('"Invoice Sent"');
    expect(text).not.toContain('"App Opened"');
  });

  it('JSON carries the selection and its counts; trackOrderCompleted sends the latest selected version', async () => {
    const io = captureOutput();
    expect(await main(['inspect', PLAN, '--include-label', 'platform:node', '--format', 'json'])).toBe(0);
    const json = JSON.parse(io.stdout()) as { selection: unknown; events: { name: string; versions: { version: number }[] }[] };
    expect(json.selection).toEqual({ include: { labels: ['platform:node'] }, events: 2, versions: 2, planEvents: 4, planVersions: 5 });
    expect(json.events.map((event) => [event.name, event.versions.map((version) => version.version)])).toEqual([
      ['Invoice Sent', [1]],
      ['Order Completed', [1]],
    ]);
  });

  it('--select OUT shows the selection and client of that config output', async () => {
    const dir = await project({ 'plan.yaml': await readFile(PLAN, 'utf8'), 'plangen.config.json': await readFile(`${REPO_ROOT}fixtures/outputs/plangen.config.json`, 'utf8') });
    expect(dir).toBeTruthy();
    const io = captureOutput();
    expect(await main(['inspect', 'plan.yaml', '--select', 'generated/node'])).toBe(0);
    expect(io.stdout()).toContain('Selection: include labels "platform:node" (2 of 4 events, 2 of 5 versions)');
    expect(io.stdout()).toContain('Signatures of the analytics-node SDK.');
    expect(io.stdout()).toContain('trackOrderCompleted(message: NodeTrackMessage<OrderCompletedProperties>, callback?: Callback) sends v1');
  });

  it('selecting nothing exits 1 naming the selection and the labels that exist', async () => {
    const io = captureOutput();
    expect(await main(['inspect', PLAN, '--event', 'Nope*'])).toBe(1);
    expect(io.stderr()).toBe(
      `plangen inspect: the selection (include events "Nope*") selects no event of ${PLAN}. Labels in the plan: platform:mobile, platform:node, platform:web, team:billing, team:catalog, team:checkout.\n`,
    );
  });
});
