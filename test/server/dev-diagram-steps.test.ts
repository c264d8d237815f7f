import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

const DIAGRAM = `flowchart LR
  A[Client] --> B[API]
%% step
  B --> C[Daemon]
%% step
  C --> D[runc]
`;

const DECK = `# Engine

- said first <!-- .element: class="fragment" -->

![The engine, step by step](../../diagrams/engine.mmd)
`;

/** Steps whose elements are shown on the current slide. */
const shownSteps = (page: Page) =>
  page.evaluate(() => {
    const slide = (window as any).Reveal.getCurrentSlide() as Element;
    const steps = Array.from(slide.querySelectorAll('svg [data-deck-step]'))
      .filter((el) => !el.classList.contains('fragment') || el.classList.contains('visible'))
      .map((el) => Number(el.getAttribute('data-deck-step')));
    return [...new Set(steps)].sort();
  });

describe.runIf(hasChromium())('deckhand dev with a stepped diagram file', () => {
  let browser: Browser;
  let server: DevServer;
  let page: Page;
  let root: string;

  beforeAll(async () => {
    root = makeProject({ 'slides/talk/01.md': DECK, 'diagrams/engine.mmd': DIAGRAM });
    browser = await launch();
    server = await startDevServer({ root, port: 0, cacheDir: path.join(root, '.cache'), log: () => {} });
    page = await browser.newPage();
    await page.goto(`${server.url}talk/`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
    // Served first with a placeholder (the cache is empty), the drawing is patched in when ready.
    await page.locator('section svg [data-deck-step]').first().waitFor({ state: 'attached', timeout: 30_000 });
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await server?.close();
    await browser?.close();
  });

  it('keeps the viewer on the same step after the diagram or the slide is edited', async () => {
    // The bullet, then the diagram's two steps: step 1 of the diagram is fragment 1.
    await page.evaluate(() => (window as any).Reveal.slide(0, 0, 1));
    expect(await shownSteps(page)).toEqual([0, 1]);
    fs.writeFileSync(path.join(root, 'diagrams/engine.mmd'), DIAGRAM.replace('Daemon', 'dockerd'));
    await expect.poll(() => page.locator('section.present svg').innerHTML(), { timeout: 15_000 }).toContain('dockerd');
    expect(await page.evaluate(() => (window as any).Reveal.getIndices().f)).toBe(1);
    expect(await shownSteps(page)).toEqual([0, 1]);
    fs.writeFileSync(path.join(root, 'slides/talk/01.md'), DECK.replace('said first', 'said first, edited'));
    await expect.poll(() => page.locator('section.present').innerText()).toContain('edited');
    expect(await page.evaluate(() => (window as any).Reveal.getIndices().f)).toBe(1);
    expect(await shownSteps(page)).toEqual([0, 1]);
    // Forwards still goes on to the last step.
    await page.evaluate(() => (window as any).Reveal.next());
    expect(await shownSteps(page)).toEqual([0, 1, 2]);
  });
});
