import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from '../cli/helpers.js';

const everyRule = fileURLToPath(new URL('../../fixtures/lint/every-rule/plan.yaml', import.meta.url));
const clean = fileURLToPath(new URL('../../fixtures/lint/clean/plan.yaml', import.meta.url));

/** A project holding the fixture as plan.yaml (so locations read plan.yaml:L:C) and the given config. */
async function lintProject(fixture: string, config?: object): Promise<void> {
  await project({
    'plan.yaml': await readFile(fixture, 'utf8'),
    ...(config !== undefined ? { 'plangen.config.json': JSON.stringify(config) } : {}),
  });
}

describe('plangen lint', () => {
  it('prints problems grouped by file and sorted by position, and exits 1 on an error-level rule', async () => {
    await lintProject(everyRule);
    const output = captureOutput();
    expect(await main(['lint', 'plan.yaml'])).toBe(1);
    const lines = output.stdout().split('\n');
    expect(lines[0]).toBe('plan.yaml');
    expect(lines.slice(1, -3).map((line) => line.replace(/^ {2}(\S+) +(\S+) .*\((.+)\)$/, '$1 $2 $3'))).toEqual([
      '9:11 warn unanchored-pattern',
      '17:9 warn unchanged-version',
      '19:11 warn unanchored-pattern',
      '24:11 warn inconsistent-property-type',
      '27:3 warn naming-convention',
      '27:3 error name-collision',
      '30:7 error lookahead-pattern',
      '34:3 warn missing-description',
      '39:7 warn naming-convention',
      '42:7 error redos-pattern',
      '46:3 warn empty-event',
    ]);
    expect(lines[2]).toBe(
      '  17:9  warn   Each new version changes the schema of the version before it: event "Order Completed" v2 has the same schema as v1. ' +
        'Remove v2, or make the change it was added for.  (unchanged-version)',
    );
    expect(lines.slice(-2)).toEqual(['3 errors, 8 warnings', '']);
  });

  it('exits 0 when only warnings fire, and says so when nothing does', async () => {
    await lintProject(everyRule, { lint: { 'name-collision': 'warn', 'lookahead-pattern': 'warn', 'redos-pattern': 'off' } });
    let output = captureOutput();
    expect(await main(['lint', 'plan.yaml'])).toBe(0);
    expect(output.stdout()).toMatch(/\n0 errors, 10 warnings\n$/);
    expect(output.stdout()).not.toContain('redos-pattern');

    await lintProject(clean);
    output = captureOutput();
    expect(await main(['lint', 'plan.yaml'])).toBe(0);
    expect(output.stdout()).toBe('plangen lint: no problems\n');
  });

  it('raises severities and sets naming styles from the config', async () => {
    await lintProject(everyRule, { lint: { 'missing-description': 'error', 'naming-convention': ['warn', { events: 'snake_case', properties: 'camelCase' }] } });
    const output = captureOutput();
    expect(await main(['lint', 'plan.yaml', '--format', 'json'])).toBe(1);
    const report = JSON.parse(output.stdout()) as { problems: { rule: string; severity: string; line: number; message: string }[] };
    expect(report.problems.filter((problem) => problem.rule === 'missing-description')).toEqual([
      {
        rule: 'missing-description',
        severity: 'error',
        file: 'plan.yaml',
        line: 34,
        column: 3,
        message: 'Events and properties have a description: event "Cart Viewed" has no description. Say when it is sent.',
      },
    ]);
    expect(report.problems.filter((problem) => problem.rule === 'naming-convention').map((problem) => problem.message)).toEqual([
      'Event and property names follow the naming convention: event "Order Completed" is not snake_case. Rename it to "order_completed".',
      'Event and property names follow the naming convention: property "order_id" of event "Order Completed" v1 is not camelCase. Rename it to "orderId".',
      'Event and property names follow the naming convention: property "order_id" of event "Order Completed" v2 is not camelCase. Rename it to "orderId".',
      'Event and property names follow the naming convention: event "Cart Viewed" is not snake_case. Rename it to "cart_viewed".',
      'Event and property names follow the naming convention: event "App Opened" is not snake_case. Rename it to "app_opened".',
    ]);
  });

  it('--format json has a summary and one entry per problem', async () => {
    await lintProject(everyRule);
    const output = captureOutput();
    expect(await main(['lint', 'plan.yaml', '--format', 'json'])).toBe(1);
    const report = JSON.parse(output.stdout()) as { summary: unknown; problems: unknown[] };
    expect(report.summary).toEqual({ errors: 3, warnings: 8 });
    expect(report.problems[0]).toEqual({
      rule: 'unanchored-pattern',
      severity: 'warn',
      file: 'plan.yaml',
      line: 9,
      column: 11,
      message:
        'Permitted-value patterns are anchored with ^ and $: pattern "ord_[0-9]+" in event "Order Completed" v1 matches anywhere in the value, ' +
        'so any longer value that contains a match passes too. Anchor it: "^(?:ord_[0-9]+)$".',
    });
  });

  it('--config names the config file', async () => {
    await lintProject(everyRule);
    await writeFile('quiet.json', JSON.stringify({ lint: Object.fromEntries(['name-collision', 'lookahead-pattern', 'redos-pattern'].map((id) => [id, 'warn'])) }));
    captureOutput();
    expect(await main(['lint', 'plan.yaml', '--config', 'quiet.json'])).toBe(0);
  });

  it('reports an unknown rule or a bad severity in the config with the fix', async () => {
    await lintProject(clean, { lint: { 'no-such-rule': 'warn' } });
    let output = captureOutput();
    expect(await main(['lint', 'plan.yaml'])).toBe(1);
    expect(output.stderr()).toBe(
      'plangen.config.json#/lint/no-such-rule: invalid plangen config: unknown lint rule "no-such-rule". Use one of "naming-convention", "name-collision", ' +
        '"missing-description", "inconsistent-property-type", "invalid-pattern", "unanchored-pattern", "lookahead-pattern", "redos-pattern", "empty-event", "unchanged-version", "unsatisfiable-schema".\n',
    );

    await lintProject(clean, { lint: { 'empty-event': 'warning' } });
    output = captureOutput();
    expect(await main(['lint', 'plan.yaml'])).toBe(1);
    expect(output.stderr()).toBe(
      'plangen.config.json#/lint/empty-event: invalid plangen config: lint rule "empty-event" must be "off", "warn" or "error". Write it like { "empty-event": "warn" }.\n',
    );

    await lintProject(clean, { lint: { 'naming-convention': ['warn', { events: 'kebab-case' }] } });
    output = captureOutput();
    expect(await main(['lint', 'plan.yaml'])).toBe(1);
    expect(output.stderr()).toBe(
      'plangen.config.json#/lint/naming-convention: invalid plangen config: naming-convention "events" must be one of "Title Case", "snake_case", "camelCase", not "kebab-case". ' +
        'Write it like { "naming-convention": ["warn", { "events": "Title Case", "properties": "snake_case" }] }.\n',
    );

    await lintProject(clean, { lint: { 'empty-event': ['warn', { events: 'Title Case' }] } });
    output = captureOutput();
    expect(await main(['lint', 'plan.yaml'])).toBe(1);
    expect(output.stderr()).toBe(
      'plangen.config.json#/lint/empty-event: invalid plangen config: lint rule "empty-event" takes no options. Write it like { "empty-event": "warn" }.\n',
    );
  });

  it('a plan that does not load is reported like every plan error', async () => {
    await project({ 'plan.yaml': 'name: Broken\nevents: [\n' });
    const output = captureOutput();
    expect(await main(['lint', 'plan.yaml'])).toBe(1);
    expect(output.stderr()).toMatch(/^plan\.yaml:3:1: /);
    expect(output.stdout()).toBe('');
  });
});
