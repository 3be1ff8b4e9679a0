// `plangen validate --max-line-length N` through the command line, as a user types it: a good count
// moves the limit on long JSON Lines lines, a bad one is a usage error (exit 1, nothing read). It was
// refused only after the plan loaded, with exit 2 and "not NaN" for a count that was not a number.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from '../cli/helpers.js';

const planText = () => readFile(fileURLToPath(new URL('cases/plan.yaml', import.meta.url)), 'utf8');
const PAYLOAD = '{"type":"track","event":"Order Completed","messageId":"m1","properties":{"order_id":"ord_1","total":1},"context":{"protocols":{"event_version":2}}}';

describe('plangen validate --max-line-length', () => {
  it('a good value moves the limit: the same line is valid under it and one "line too long" entry over it', async () => {
    await project({ 'plan.yaml': await planText(), 'events.jsonl': `${PAYLOAD}\n` });
    const output = captureOutput();
    expect(await main(['validate', '--plan', 'plan.yaml', '--format', 'json', '--max-line-length', String(PAYLOAD.length), 'events.jsonl'])).toBe(0);
    expect(await main(['validate', '--plan', 'plan.yaml', '--format', 'json', `--max-line-length=${PAYLOAD.length - 1}`, 'events.jsonl'])).toBe(1);
    const [valid, tooLong] = output
      .stdout()
      .split(/\n(?=\{)/)
      .map((text) => JSON.parse(text) as { totals: object; malformed: object[] });
    expect(valid!.totals).toEqual({ payloads: 1, valid: 1, invalid: 0, unplannedEvents: 0, malformed: 0, versionFallbacks: 0 });
    expect(tooLong!.malformed).toEqual([
      {
        reason: 'line too long',
        count: 1,
        locations: ['events.jsonl:1'],
        detail: `${PAYLOAD.length} characters, over the limit of ${PAYLOAD.length - 1}; raise it with --max-line-length`,
      },
    ]);
    expect(output.stderr()).toBe('');
  });

  it.each([
    ['abc', 'not "abc"'],
    ['0', 'not "0"'],
    ['1.5', 'not "1.5"'],
    ['-3', 'not "-3"'],
    ['1e6', 'not "1e6"'],
    ['99999999999999999999', 'not "99999999999999999999"'],
  ])('a bad value (%s) is a usage error naming what was typed: exit 1, no plan read, no report', async (value, typed) => {
    // No plan file at all: a usage error must stop before anything is read.
    await project({ 'events.jsonl': `${PAYLOAD}\n` });
    const output = captureOutput();
    expect(await main(['validate', '--plan', 'missing.yaml', '--max-line-length', value, 'events.jsonl'])).toBe(1);
    expect(output.stderr()).toBe(
      `plangen: --max-line-length must be a positive whole number, ${typed}: e.g. --max-line-length 67108864. Run \`plangen validate --help\` for usage.\n`,
    );
    expect(output.stdout()).toBe('');
  });

  it('given twice or empty, it is the usage error every single-value flag gets', async () => {
    await project({ 'events.jsonl': `${PAYLOAD}\n` });
    const output = captureOutput();
    expect(await main(['validate', '--plan', 'missing.yaml', '--max-line-length', '10', '--max-line-length', '20', 'events.jsonl'])).toBe(1);
    expect(await main(['validate', '--plan', 'missing.yaml', '--max-line-length=', 'events.jsonl'])).toBe(1);
    expect(output.stderr()).toBe(
      [
        'plangen: --max-line-length is given 2 times. Give it once. Run `plangen validate --help` for usage.',
        'plangen: --max-line-length is empty. Give it a value, or leave it out. Run `plangen validate --help` for usage.',
        '',
      ].join('\n'),
    );
  });
});
