import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { run as runValidate, type ValidateDeps } from '../../packages/cli/src/commands/validate.js';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
import { asCli, captureOutput, project } from '../cli/helpers.js';

const run = asCli('validate', runValidate);
const casesDir = fileURLToPath(new URL('cases/', import.meta.url));
const planText = () => readFile(path.join(casesDir, 'plan.yaml'), 'utf8');
const VALID = [
  '{"type":"track","event":"Order Completed","messageId":"m1","properties":{"order_id":"ord_1","total":1},"context":{"protocols":{"event_version":2}}}',
  '{"type":"identify","messageId":"m2","userId":"u","traits":{"email":"a@b.c"}}',
].join('\n');
const INVALID = '{"type":"track","event":"Order Completed","messageId":"m1","properties":{}}\n';

/** No terminal anywhere: stdin is a pipe with nothing in it, and stderr gets no progress bar. */
function piped(input = ''): ValidateDeps {
  const stdin = new PassThrough();
  stdin.end(input);
  return { stdin, terminal: { isTTY: false, write: () => true } };
}

describe('plangen validate: exit codes and output', () => {
  it('exits 0 and says so when every payload matches', async () => {
    await project({ 'plan.yaml': await planText(), 'events.jsonl': VALID });
    const output = captureOutput();
    expect(await run({ plan: 'plan.yaml', files: ['events.jsonl'] }, piped())).toBe(0);
    expect(output.stdout()).toBe(
      [
        'Checked 2 payloads from events.jsonl against plan.yaml',
        '  2 valid',
        '  0 with violations',
        '  0 unplanned events',
        '  0 malformed',
        '  0 checked against a fallback version',
        '',
        'Every payload matches the plan.',
        '',
      ].join('\n'),
    );
    expect(output.stderr()).toBe('');
  });

  it('exits 1 on a violation and prints the JSON report with --format json', async () => {
    await project({ 'plan.yaml': await planText(), 'events.jsonl': INVALID });
    const output = captureOutput();
    expect(await run({ plan: 'plan.yaml', files: ['events.jsonl'], format: 'json' }, piped())).toBe(1);
    const report = JSON.parse(output.stdout()) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['plan', 'inputs', 'totals', 'violations', 'unplannedEvents', 'versionFallbacks', 'malformed', 'ungrouped']);
    expect(report.totals).toEqual({ payloads: 1, valid: 0, invalid: 1, unplannedEvents: 0, malformed: 0, versionFallbacks: 1 });
    expect(output.stderr()).toBe('');
  });

  it('exits 1 on an unplanned event alone, and on a malformed line alone', async () => {
    await project({
      'plan.yaml': await planText(),
      'unplanned.jsonl': '{"type":"track","event":"Nope","messageId":"m"}\n',
      'broken.jsonl': '{"type":\n',
    });
    captureOutput();
    expect(await run({ plan: 'plan.yaml', files: ['unplanned.jsonl'] }, piped())).toBe(1);
    expect(await run({ plan: 'plan.yaml', files: ['broken.jsonl'] }, piped())).toBe(1);
  });

  it('reads stdin when no file (or -) is given', async () => {
    await project({ 'plan.yaml': await planText() });
    const output = captureOutput();
    expect(await run({ plan: 'plan.yaml' }, piped(VALID))).toBe(0);
    expect(await run({ plan: 'plan.yaml', files: ['-'] }, piped(INVALID))).toBe(1);
    expect(output.stdout()).toContain('Checked 2 payloads from stdin against plan.yaml');
  });

  it('exits 2 with one line on stderr for a missing payload file, and reads nothing', async () => {
    await project({ 'plan.yaml': await planText(), 'events.jsonl': VALID });
    const output = captureOutput();
    expect(await run({ plan: 'plan.yaml', files: ['events.jsonl', 'missing.jsonl'] }, piped())).toBe(2);
    expect(output.stderr()).toBe('missing.jsonl: payload file not found. Check the path.\n');
    expect(output.stdout()).toBe('');
  });

  it('exits 2 when the plan is missing or broken', async () => {
    await project({ 'events.jsonl': VALID, 'bad.yaml': 'name: [unclosed\n' });
    const output = captureOutput();
    expect(await run({ plan: 'nope.yaml', files: ['events.jsonl'] }, piped())).toBe(2);
    expect(output.stderr()).toBe('nope.yaml: cannot read the plan: no such file. Check the path, or pass --plan <file>.\n');

    const loaderMessage = await loadPlan('bad.yaml').then(
      () => 'loaded',
      (error: Error) => error.message,
    );
    expect(loaderMessage).toMatch(/^bad\.yaml:\d+:\d+: /);
    expect(await run({ plan: 'bad.yaml', files: ['events.jsonl'] }, piped())).toBe(2);
    expect(output.stderr()).toBe(`nope.yaml: cannot read the plan: no such file. Check the path, or pass --plan <file>.\n${loaderMessage}\n`);
    expect(output.stdout()).toBe('');
  });

  it('exits 2 without a plan, and takes it from the config file when there is one', async () => {
    await project({ 'events.jsonl': VALID });
    const output = captureOutput();
    expect(await run({ files: ['events.jsonl'] }, piped())).toBe(2);
    expect(output.stderr()).toBe('plangen: no tracking plan given. Pass --plan <file>, or set "plan" in plangen.config.json (`plangen init` writes one).\n');

    await project({ 'events.jsonl': VALID, 'plangen.config.json': '{ "out": "src/analytics" }' });
    expect(await run({ files: ['events.jsonl'] }, piped())).toBe(2);
    expect(output.stderr()).toContain('plangen.config.json: no tracking plan given. Pass --plan <file>, or set "plan" in plangen.config.json.\n');

    await project({ 'events.jsonl': VALID, 'plans/shop.yaml': await planText(), 'plangen.config.json': '{ "plan": "plans/shop.yaml" }' });
    expect(await run({ files: ['events.jsonl'] }, piped())).toBe(0);
    expect(output.stdout()).toContain('Checked 2 payloads from events.jsonl against plans/shop.yaml');
  });

  it('exits 2 instead of waiting when stdin is a terminal and no file is given', async () => {
    await project({ 'plan.yaml': await planText() });
    const output = captureOutput();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    expect(await run({ plan: 'plan.yaml' }, { stdin, terminal: { isTTY: false, write: () => true } })).toBe(2);
    expect(output.stderr()).toBe(
      'plangen: no payloads given. Pass payload files, or pipe them in: plangen validate --plan plan.yaml < events.jsonl.\n',
    );
  });

  it('draws progress on a terminal only, and clears it before the report', async () => {
    await project({ 'plan.yaml': await planText(), 'events.jsonl': VALID });
    const output = captureOutput();
    const drawn: string[] = [];
    expect(await run({ plan: 'plan.yaml', files: ['events.jsonl'] }, { ...piped(), terminal: { isTTY: true, columns: 120, write: (text) => drawn.push(text) } })).toBe(0);
    expect(drawn[0]).toMatch(/^\rvalidating events\.jsonl \[#+\] 100%/);
    expect(drawn.at(-1)).toBe('\r\x1b[K');
    expect(output.stdout()).not.toContain('validating');
  });

  it('is wired into the CLI: positional files, --plan, --format', async () => {
    await project({ 'plan.yaml': await planText(), 'a.jsonl': VALID, 'b.jsonl': INVALID });
    const output = captureOutput();
    expect(await main(['validate', '--plan', 'plan.yaml', '--format', 'json', 'a.jsonl', 'b.jsonl'])).toBe(1);
    const report = JSON.parse(output.stdout()) as { inputs: string[] };
    expect(report.inputs).toEqual(['a.jsonl', 'b.jsonl']);
  });
});
