// The catalog stage on the shop plan and on a hostile one: golden markdown (the shop plan's,
// in fixtures/shop/docs/; `UPDATE_GOLDENS=1` rewrites it), byte-identical reruns, and a page
// whose only markup and script are the generator's own.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCatalog } from '../../packages/cli/src/catalog/render-catalog.js';
import { wrapperSignatures } from '../../packages/cli/src/generate/view-model.js';
import { loadPlan, loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { HOSTILE, HOSTILE_PLAN_YAML } from './hostile-plan.js';

const UPDATE = process.env['UPDATE_GOLDENS'] === '1';
const GOLDEN = 'fixtures/shop/docs';

const sdk = (model: PlanModel, client: 'analytics-next' | 'analytics-node' = 'analytics-next') => ({ client, signatures: wrapperSignatures(model, client) });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('markdown catalog', () => {
  it('matches the golden files of the shop plan', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    const files = renderCatalog(model, sdk(model), 'markdown');
    if (UPDATE) {
      await rm(GOLDEN, { recursive: true, force: true });
      for (const file of files) {
        await mkdir(path.dirname(path.join(GOLDEN, file.path)), { recursive: true });
        await writeFile(path.join(GOLDEN, file.path), file.content);
      }
    }
    expect(files.map((file) => file.path).sort()).toEqual(await filesUnder(GOLDEN));
    for (const file of files) expect(file.content, file.path).toBe(await readFile(path.join(GOLDEN, file.path), 'utf8'));
  });

  it('links every event from README.md to its own file', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    const [readme, ...events] = renderCatalog(model, sdk(model), 'markdown');
    expect(events).toHaveLength(model.events.length);
    for (const event of events) expect(readme?.content).toContain(`](${event.path})`);
  });

  it('uses the configured client in the usage examples', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    const node = renderCatalog(model, sdk(model, 'analytics-node'), 'markdown').find((file) => file.path === 'events/order-completed.md');
    expect(node?.content).toContain('trackOrderCompleted(message: NodeTrackMessage<OrderCompletedProperties>, callback?: Callback)');
    expect(node?.content).toContain('trackOrderCompleted({\n  userId: "user_123",\n  properties: {\n    order_id: "example",');
  });

  it('gives every event of the hostile plan a safe, distinct file name, and escapes its text', () => {
    const { model } = loadPlanText(HOSTILE_PLAN_YAML, 'hostile.yaml');
    const files = renderCatalog(model, sdk(model), 'markdown');
    const names = files.map((file) => file.path);
    expect(names.every((name) => /^(README\.md|events\/[a-z0-9-]+\.md)$/.test(name))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('events/con-event.md');
    expect(names).toContain('events/order-completed-2.md');
    const all = files.map((file) => file.content).join('\n');
    // No raw HTML tag from the plan outside code blocks: every < of plan text is an entity there.
    const outsideCode = all.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(outsideCode).not.toMatch(/<(?!br>)[a-z/!]/i);
  });
});

describe('HTML catalog', () => {
  it('is byte-identical on every run, in both formats', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    for (const format of ['html', 'markdown'] as const) {
      const first = renderCatalog(model, sdk(model), format);
      const again = renderCatalog((await loadPlan('fixtures/shop/plan.yaml')).model, sdk(model), format);
      expect(again).toEqual(first);
    }
  });

  it('allows by hash exactly its own inline script and style, and loads nothing', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    const [page] = renderCatalog(model, sdk(model), 'html');
    const text = page?.content ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(text)?.[1] ?? '';
    const hash = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    const scripts = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    const styles = [...text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(scripts[0] ?? '')};`);
    expect(csp).toContain(`style-src ${hash(styles[0] ?? '')};`);
    expect(text).not.toMatch(/\b(src|href)="(?!#)/);
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('marks every event with data-event and a stable anchor', async () => {
    const { model } = await loadPlan('fixtures/shop/plan.yaml');
    const [page] = renderCatalog(model, sdk(model), 'html');
    const events = [...(page?.content ?? '').matchAll(/<li class="event" data-event="([^"]*)" id="([^"]*)">/g)];
    expect(events.map((match) => match[1])).toEqual(model.events.map((event) => event.name));
    expect(events.find((match) => match[1] === 'Order Completed')?.[2]).toBe('event/Order%20Completed');
  });

  it('puts the hostile plan on the page only as text', () => {
    const { model } = loadPlanText(HOSTILE_PLAN_YAML, 'hostile.yaml');
    const [page] = renderCatalog(model, sdk(model), 'html');
    const text = page?.content ?? '';
    // The page's own elements only: one executable script, then inert data blocks.
    const scriptTags = [...text.matchAll(/<script[^>]*>/gi)].map((match) => match[0]);
    expect(scriptTags.filter((tag) => tag === '<script>')).toHaveLength(1);
    expect(scriptTags.every((tag) => /^<script( type="application\/json" id="plangen-index"| type="text\/html" id="details-\d+")?>$/.test(tag))).toBe(true);
    expect(text).not.toMatch(/<script>window/i);
    expect(text).not.toMatch(/<img|<b>|<!--|<a href="x"/i);
    expect(text).toContain(`data-event="${HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}"`);
  });
});
