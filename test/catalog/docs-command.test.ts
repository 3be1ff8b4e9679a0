// `plangen docs` as the CLI runs it: options from flags and the config file, the writer's
// rules (manifest, reruns that change nothing, files it did not write left alone), --check,
// and located errors.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project, stripTime } from '../cli/helpers.js';

const PLAN = `name: Tiny
events:
  Order Completed:
    description: An order.
    labels: { team: checkout }
    properties:
      order_id: { type: string, required: true }
  Signed Up:
    properties: {}
`;

describe('plangen docs', () => {
  it('writes index.html and its manifest, then finds it up to date', async () => {
    const dir = await project({ 'plan.yaml': PLAN });
    const io = captureOutput();
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'catalog'])).toBe(0);
    const first = await readFile(path.join(dir, 'catalog/index.html'), 'utf8');
    expect(first).toContain('data-event="Order Completed"');
    expect((await readdir(path.join(dir, 'catalog'))).sort()).toEqual(['.plangen-manifest.json', 'index.html']);
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'catalog'])).toBe(0);
    expect(await readFile(path.join(dir, 'catalog/index.html'), 'utf8')).toBe(first);
    expect(io.stdout()).toBe('');
    expect(stripTime(io.stderr()).split('\n')).toEqual([
      'plangen: wrote 1 file of docs to catalog (2 events) in N ms',
      'plangen: catalog is up to date (1 file; 2 events) in N ms',
      '',
    ]);
  });

  it('writes markdown, and switching format removes only the files it wrote', async () => {
    const dir = await project({ 'plan.yaml': PLAN, 'catalog/notes.txt': 'mine\n' });
    captureOutput();
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'catalog', '--format', 'markdown'])).toBe(0);
    expect((await readdir(path.join(dir, 'catalog/events'))).sort()).toEqual(['order-completed.md', 'signed-up.md']);
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'catalog'])).toBe(0);
    expect((await readdir(path.join(dir, 'catalog'))).sort()).toEqual(['.plangen-manifest.json', 'index.html', 'notes.txt']);
    expect(await readFile(path.join(dir, 'catalog/notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('refuses to overwrite a file it did not write', async () => {
    const dir = await project({ 'plan.yaml': PLAN, 'site/index.html': '<p>hand-written</p>\n' });
    const io = captureOutput();
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'site'])).toBe(1);
    expect(io.stderr()).toContain('refusing to overwrite a file plangen did not generate');
    expect(await readFile(path.join(dir, 'site/index.html'), 'utf8')).toBe('<p>hand-written</p>\n');
  });

  it('--check writes nothing, passes when up to date, and prints a diff when stale', async () => {
    const dir = await project({ 'plan.yaml': PLAN });
    const io = captureOutput();
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'md', '--format', 'markdown', '--check'])).toBe(1);
    await expect(readdir(path.join(dir, 'md'))).rejects.toThrow();
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'md', '--format', 'markdown'])).toBe(0);
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'md', '--format', 'markdown', '--check'])).toBe(0);
    await writeFile(path.join(dir, 'plan.yaml'), PLAN.replace('An order.', 'An order was placed.'));
    const before = io.stdout().length;
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'md', '--format', 'markdown', '--check'])).toBe(1);
    const diff = io.stdout().slice(before);
    expect(diff).toContain('-An order.');
    expect(diff).toContain('+An order was placed.');
    expect(io.stderr()).toContain('The docs are not up to date. Run `plangen docs` to update them.');
  });

  it('takes the plan and the client from the config file', async () => {
    const dir = await project({ 'plan.yaml': PLAN, 'plangen.config.json': '{ "plan": "plan.yaml", "out": "src/analytics", "client": "analytics-node" }' });
    captureOutput();
    expect(await main(['docs', '--out', 'catalog', '--format', 'markdown'])).toBe(0);
    expect(await readFile(path.join(dir, 'catalog/events/order-completed.md'), 'utf8')).toContain('(message: NodeTrackMessage<OrderCompletedProperties>');
    await expect(readdir(path.join(dir, 'src/analytics'))).rejects.toThrow();
  });

  it("takes the folder and format from the config's docs object, relative to the config file; flags win", async () => {
    const dir = await project({ 'plan.yaml': PLAN, 'config/plangen.config.json': '{ "plan": "../plan.yaml", "docs": { "out": "../catalog", "format": "markdown" } }' });
    captureOutput();
    expect(await main(['docs', '--config', 'config/plangen.config.json'])).toBe(0);
    expect((await readdir(path.join(dir, 'catalog'))).sort()).toEqual(['.plangen-manifest.json', 'README.md', 'events']);
    expect(await main(['docs', '--config', 'config/plangen.config.json', '--format', 'html', '--out', 'site'])).toBe(0);
    expect((await readdir(path.join(dir, 'site'))).sort()).toEqual(['.plangen-manifest.json', 'index.html']);
  });

  it('reports a wrong key of the docs object where it is, with a line to copy', async () => {
    await project({ 'plan.yaml': PLAN, 'plangen.config.json': '{ "plan": "plan.yaml", "docs": { "format": "pdf" } }' });
    const io = captureOutput();
    expect(await main(['docs', '--out', 'x'])).toBe(1);
    expect(io.stderr()).toBe(
      'plangen.config.json#/docs/format: invalid plangen config: "format" of "docs" must be one of "html", "markdown", not "pdf". Write it like { "docs": { "format": "markdown" } }.\n',
    );
  });

  it('reports a bad plan at its line and column, and a missing --out with the fix', async () => {
    await project({ 'plan.yaml': PLAN.replace('type: string', 'type: strng') });
    const io = captureOutput();
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'catalog'])).toBe(1);
    expect(io.stderr()).toMatch(/^plan\.yaml:7:\d+: unknown data type "strng"/);
    expect(await main(['docs', '--plan', 'plan.yaml'])).toBe(1);
    expect(io.stderr()).toContain('plangen: no output folder given for the docs. Pass --out <folder>, or set "docs": { "out": "docs/tracking-plan" } in plangen.config.json');
  });
});
