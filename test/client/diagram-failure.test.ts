import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { waitForDeckReady } from '../../src/export/deck-ready';
import { hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

/** A deck built without Chromium, so its diagrams are drawn by the page: the second one is not Mermaid. */
const DECK = `# Diagrams

\`\`\`mermaid
flowchart LR
  A[fine] --> B[also fine]
\`\`\`

\`\`\`mermaid
this is not a diagram -->
\`\`\`
`;

describe.runIf(hasChromium())('the diagram fallback reports what it could not draw', () => {
  let browser: Browser;

  /** A fresh build of the deck in its own folder. */
  const buildDeck = async (): Promise<string> => {
    const root = makeProject({ 'slides/broken.md': DECK });
    await build({ root, chromium: false, log: () => {} });
    return root;
  };
  /** Opens the built deck from disk, recording the ready event's detail as the page dispatches it. */
  const open = async (root: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.addInitScript(() => document.addEventListener('deckhand:ready', (e) => ((window as any).readyDetail = (e as CustomEvent).detail)));
    await page.goto(`file://${path.join(root, 'dist/broken/index.html')}`);
    return page;
  };
  const ready = (page: Page) => page.waitForSelector('html[data-deck-ready]', { state: 'attached', timeout: 20_000 });

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('shows the error in the slide and says "error" in the ready signal', async () => {
    const page = await open(await buildDeck());
    await ready(page);
    expect(await page.getAttribute('html', 'data-deck-ready')).toBe('error');
    expect(await page.locator('.deck-diagram > svg').count()).toBe(1);
    expect(await page.locator('.deck-diagram-error').innerText()).toMatch(/^Diagram error: /);
    const detail = (await page.evaluate(() => (window as any).readyDetail)) as { ok: boolean; failures: string[] };
    expect(detail.ok).toBe(false);
    expect(detail.failures).toHaveLength(1);
    expect(detail.failures[0]).toMatch(/^slides\/broken\.md:1: Diagram error: /);
    await page.close();
  });

  it('makes export and check fail while waiting for the page, naming the diagram', async () => {
    const page = await open(await buildDeck());
    await expect(waitForDeckReady(page, 20_000)).rejects.toThrow(/could not draw 1 diagram: Diagram error: /);
    await page.close();
  });

  it('reports mermaid itself missing as a failure too, not a page that never gets ready', async () => {
    const root = await buildDeck();
    fs.rmSync(path.join(root, 'dist/_deckhand/mermaid.min.js'));
    const page = await open(root);
    await ready(page);
    expect(await page.getAttribute('html', 'data-deck-ready')).toBe('error');
    expect(await page.locator('.deck-diagram-error').count()).toBe(2);
    expect(await page.locator('.deck-diagram-error').first().innerText()).toMatch(/could not load .*mermaid\.min\.js/);
    await page.close();
  });
});
