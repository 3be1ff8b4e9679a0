// Plan files are read as bytes: UTF-8 with or without a byte-order mark and
// UTF-16 with one load as the same plan; bytes that are not text, and numbers
// JSON cannot hold, are located errors instead of silent U+FFFD or null.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanError } from '../../packages/cli/src/errors.js';
import { loadPlan, loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from '../cli/helpers.js';

const folder = mkdtempSync(path.join(tmpdir(), 'plangen-encodings-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PLAN = 'name: Café\nevents:\n  Order Completed:\n    description: Prix en €, 日本語 and 🎉\n    properties:\n      total: { type: number }\n';

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  for (let index = 0; index < bytes.length; index += 2) [bytes[index], bytes[index + 1]] = [bytes[index + 1]!, bytes[index]!];
  return bytes;
}

async function failure(file: string): Promise<string> {
  const error = await loadPlan(file).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PlanError);
  return (error as PlanError).message.replace(`${folder}${path.sep}`, '');
}

/** What the text of a plan decides: names, descriptions and schemas (not the file it came from). */
function content(model: PlanModel): unknown {
  return { name: model.name, events: model.events.map(({ name, description, versions }) => ({ name, description, schemas: versions.map((version) => version.properties) })) };
}

describe('plan file encodings', () => {
  const expected = content(loadPlanText(PLAN, 'plan.yaml').model);
  const same = async (file: string) => expect(content((await loadPlan(file)).model)).toEqual(expected);

  it('reads UTF-8 with and without a byte-order mark', async () => {
    await same(write('plain.yaml', Buffer.from(PLAN, 'utf8')));
    await same(write('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN, 'utf8')])));
  });

  it('decodes UTF-16 LE and BE files that start with a byte-order mark (they were read as garbage)', async () => {
    await same(write('le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, 'utf16le')])));
    await same(write('be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PLAN)])));
    const json = JSON.stringify({ name: 'Café', events: { 'Order Completed': { properties: { total: { type: 'number' } } } } });
    expect((await loadPlan(write('le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])))).model.name).toBe('Café');
  });

  it('refuses invalid UTF-8 at the first bad byte instead of reading U+FFFD', async () => {
    const latin1 = Buffer.from('name: Shop\nevents:\n  Order Completed:\n    description: Caf\u00e9 \u00e0 la carte\n', 'latin1');
    expect(await failure(write('latin1.yaml', latin1))).toBe(
      'latin1.yaml:4:21: the file is not valid UTF-8: byte 0xE9 does not belong to a character. Save the file as UTF-8 (for a Latin-1 file: iconv -f latin1 -t utf-8).',
    );
  });

  it('counts the column in characters after multi-byte ones, and points at the lead byte of a cut sequence', async () => {
    // "€" is E2 82 AC; cut after two bytes, followed by a space.
    const cut = Buffer.concat([Buffer.from('name: 日本 x'), Buffer.from([0xe2, 0x82]), Buffer.from(' y\n')]);
    expect(await failure(write('cut.yaml', cut))).toBe(
      'cut.yaml:1:11: the file is not valid UTF-8: byte 0xE2 does not belong to a character. Save the file as UTF-8 (for a Latin-1 file: iconv -f latin1 -t utf-8).',
    );
    const afterBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name: '), Buffer.from([0xff])]);
    expect(await failure(write('bom-bad.yaml', afterBom))).toMatch(/^bom-bad\.yaml:1:7: the file is not valid UTF-8: byte 0xFF /);
  });

  it('diff REV:path decodes a committed UTF-16 plan and locates a bad byte as for a file (git show was read as UTF-8 text)', async () => {
    const dir = await project({});
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, 'utf16le')]);
    writeFileSync(path.join(dir, 'plan.yaml'), le);
    writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from('name: Caf\u00e9\n', 'latin1'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=plangen', '-c', 'user.email=plangen@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'plan');
    writeFileSync(path.join(dir, 'plan.yaml'), PLAN);
    const output = captureOutput();
    expect(await main(['diff', 'HEAD:plan.yaml', 'plan.yaml'])).toBe(0);
    expect(output.stderr()).toBe('');
    expect(output.stdout()).toContain('No changes');
    expect(await main(['diff', 'HEAD:latin1.yaml', 'plan.yaml'])).toBe(1);
    expect(output.stderr()).toBe(
      'HEAD:latin1.yaml:1:10: the file is not valid UTF-8: byte 0xE9 does not belong to a character. Save the file as UTF-8 (for a Latin-1 file: iconv -f latin1 -t utf-8).\n',
    );
  });

  it('refuses a UTF-16 file with an odd last byte', async () => {
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x\n', 'utf16le'), Buffer.from([0x41])]);
    expect(await failure(write('odd.yaml', odd))).toBe('odd.yaml:2:1: the file starts with a UTF-16 LE byte-order mark but is not valid UTF-16 LE. Save the file as UTF-8.');
  });
});

describe('numbers JSON cannot hold', () => {
  const message = (text: string, file = 'plan.yaml') => {
    try {
      loadPlanText(text, file);
    } catch (error) {
      return (error as Error).message;
    }
    return 'loaded';
  };
  const plan = (value: string) => `name: Shop\nevents:\n  E:\n    schema:\n      type: object\n      properties:\n        x: ${value}\n`;

  it.each([
    ['enum', '{ enum: [1, -.inf] }', 7, 24, '-.inf'],
    ['default', '{ type: number, default: .NaN }', 7, 37, '.NaN'],
    ['examples', '{ examples: [.Inf] }', 7, 25, '.Inf'],
    
  ])('YAML infinity or NaN in %s is refused instead of becoming null', (_keyword, value, line, column, written) => {
    expect(message(plan(value))).toBe(
      `plan.yaml:${line}:${column}: the number "${written}" is not JSON data: JSON has no infinity or NaN. Write a finite number, or quote it ("${written}") if it is text.`,
    );
  });

  it('quoted ".inf" is text and loads', () => {
    expect(message(plan('{ enum: [".inf"] }'))).toBe('loaded');
  });
});
