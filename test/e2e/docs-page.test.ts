// The docs catalog in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// the shop plan's page searched, filtered by labels, with the filter in the URL and opened from
// it; an event's anchor; the hostile plan rendering as text with no script of its own running;
// axe-core finding no serious or critical violation, light and dark; the page's CSP refusing
// nothing of its own. The page is written by `plangen docs` (main() from the sources) to a temp
// folder and opened from file://, as a reader would. Screenshots go to test-output/docs-page/
// (git-ignored) for people to look at.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { HOSTILE, HOSTILE_PLAN_YAML } from '../catalog/hostile-plan.js';
import { root } from './workspace.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = path.join(root, 'test-output/docs-page');
const AXE_SOURCE = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

describe('plangen docs page in Chromium', () => {
  let browser: Browser;
  let work = '';
  let shopUrl = '';
  let hostileUrl = '';

  async function writeDocs(plan: string, out: string): Promise<string> {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['docs', '--plan', plan, '--out', out])).toBe(0);
    } finally {
      stderr.mockRestore();
    }
    return pathToFileURL(path.join(out, 'index.html')).href;
  }

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'plangen-docs-page-'));
    mkdirSync(SHOTS, { recursive: true });
    shopUrl = await writeDocs(path.join(root, 'fixtures/shop/plan.yaml'), path.join(work, 'shop'));
    writeFileSync(path.join(work, 'hostile.yaml'), HOSTILE_PLAN_YAML);
    hostileUrl = await writeDocs(path.join(work, 'hostile.yaml'), path.join(work, 'hostile'));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A fresh page at `url`, ready; everything the console or the page reports is collected (a CSP refusal is a console error). */
  async function open(url: string, colorScheme: 'light' | 'dark' = 'light') {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' || message.type() === 'warning' ? problems.push(message.text()) : undefined));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    return { page, problems, requests, close: () => context.close() };
  }

  const visibleEvents = (page: Page) =>
    page.$$eval('[data-event]', (items) => items.filter((item) => (item as HTMLElement).offsetParent !== null).map((item) => item.getAttribute('data-event')));
  const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('searches and filters by label, keeping the filter in the URL', async () => {
    const { page, problems, requests, close } = await open(shopUrl);
    expect(await visibleEvents(page)).toHaveLength(8);
    await shot(page, '1-shop-all');

    await page.fill('#search', 'product');
    // Name, description or a property path (Order Completed's products[].product_id, Review Submitted's product_id).
    expect(await visibleEvents(page)).toEqual(['Order Completed', 'Product Added', 'Product Viewed', 'Review Submitted']);
    expect(hashOf(page)).toBe('#q=product');
    await shot(page, '2-shop-search-product');

    await page.click('button[data-label="team:checkout"]');
    expect(await visibleEvents(page)).toEqual(['Order Completed', 'Product Added']);
    expect(hashOf(page)).toBe('#q=product&label=team:checkout');
    expect(await page.getAttribute('button[data-label="team:checkout"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('#status')).toBe('Showing 2 of 8 events.');
    await shot(page, '3-shop-search-and-label');

    // Two values of one key: either; another key: both.
    await page.click('button[data-label="team:catalog"]');
    expect(await visibleEvents(page)).toEqual(['Order Completed', 'Product Added', 'Product Viewed', 'Review Submitted']);
    await page.click('button[data-label="priority:high"]');
    expect(await visibleEvents(page)).toEqual(['Order Completed']);
    expect(hashOf(page)).toBe('#q=product&label=priority:high&label=team:catalog&label=team:checkout');

    await page.click('#clear');
    expect(await visibleEvents(page)).toHaveLength(8);
    expect(new URL(page.url()).hash).toBe('');
    expect(problems).toEqual([]);
    expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
    await close();
  });

  it('opens a filtered URL filtered, and follows the URL when it changes', async () => {
    const { page, problems, close } = await open(`${shopUrl}#q=product&label=team:checkout`);
    expect(await visibleEvents(page)).toEqual(['Order Completed', 'Product Added']);
    expect(await page.inputValue('#search')).toBe('product');
    expect(await page.getAttribute('button[data-label="team:checkout"]', 'aria-pressed')).toBe('true');
    await shot(page, '4-shop-opened-filtered');
    await page.evaluate(() => void (location.hash = '#label=team:growth'));
    await expect.poll(() => visibleEvents(page)).toEqual(['Signed Up']);
    expect(await page.inputValue('#search')).toBe('');
    expect(problems).toEqual([]);
    await close();
  });

  it("opens an event from its anchor, with every version's properties and changes, and again after a reload", async () => {
    const { page, problems, close } = await open(`${shopUrl}#event/Order%20Completed`);
    const item = page.locator('[data-event="Order Completed"]');
    for (const attempt of ['opened', 'reloaded']) {
      await expect.poll(() => item.locator('.body').isVisible()).toBe(true);
      expect(await item.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
      const text = (await item.locator('.body').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Version 2 latest');
      expect(text).toContain('breaking property "subtotal": required property added');
      expect(text).toContain('trackOrderCompletedV1(properties: OrderCompletedV1Properties');
      expect(await item.locator('tr.d1 th', { hasText: 'quantity' }).count()).toBe(1);
      await shot(page, `5-shop-event-anchor-${attempt}`);
      if (attempt === 'opened') await page.reload();
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('works from the keyboard: / focuses the search, Enter opens an event', async () => {
    const { page, close } = await open(shopUrl);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('signed');
    expect(await visibleEvents(page)).toEqual(['Signed Up']);
    await page.focus('[data-event="Signed Up"] .toggle');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-event="Signed Up"] .body').isVisible()).toBe(true);
    await page.focus('#search');
    await page.keyboard.press('Escape');
    expect(await visibleEvents(page)).toHaveLength(8);
    await close();
  });

  it('shows the hostile plan as text: no script of its own runs, no markup of its own appears', async () => {
    const { page, problems, close } = await open(hostileUrl);
    await page.$$eval('.toggle', (buttons) => buttons.forEach((button) => (button as HTMLButtonElement).click()));
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.body')).every((body) => body.firstChild !== null));
    await shot(page, '6-hostile-opened');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img, b, a[href="x"], iframe').count()).toBe(0);
    // The page's one script, its JSON index, and one inert details block per event: nothing else.
    expect(await page.locator('script').count()).toBe(2 + (await page.locator('[data-event]').count()));
    expect(await page.$$eval('[data-event]', (items) => items.map((item) => item.getAttribute('data-event')))).toContain(HOSTILE);
    expect(await page.title()).toBe('Evil </title><script>window.__pwned=3</script>: tracking plan');
    expect(await page.locator('h1').innerText()).toBe('Evil </title><script>window.__pwned=3</script>');
    expect(await page.locator('body').innerText()).toContain('Ends a script </script><script>window.__pwned=4</script>');
    expect(await page.locator('tbody th', { hasText: '</td><script>window.__pwned=6</script>' }).count()).toBe(1);
    // U+2028 and U+2029 stay in names as the characters they are, and the search finds them.
    expect(await page.$$eval('[data-event]', (items) => items.map((item) => item.getAttribute('data-event')))).toContain('Line\u2028Separator\u2029`${x}`');
    await page.fill('#search', 'separator');
    expect(await visibleEvents(page)).toEqual(['Line\u2028Separator\u2029`${x}`']);
    expect(problems).toEqual([]);
    await close();
  });

  it('has no serious or critical axe-core violations, light and dark, with an event open', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, close } = await open(`${shopUrl}#event/Order%20Completed`, scheme);
      await expect.poll(() => page.locator('[data-event="Order Completed"] .body').isVisible()).toBe(true);
      await shot(page, `7-shop-${scheme}`);
      // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> tag it would refuse).
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        type Result = { id: string; impact: string; nodes: { target: string[] }[] };
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
        const result = await axe.run();
        return {
          passed: result.passes.map((rule) => rule.id),
          found: result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) })),
        };
      });
      // axe did look: the rules this page is most at risk of ran and passed.
      expect(violations.passed).toEqual(expect.arrayContaining(['color-contrast', 'label', 'button-name', 'document-title', 'html-has-lang']));
      expect(violations.found.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'), scheme).toEqual([]);
      await close();
    }
  });
});
