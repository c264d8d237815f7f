import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { exportDeck } from '../../src/export/export-deck';
import { startPresentServer } from '../../src/present/present-server';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { openDeck } from '../helpers/deck-page';
import { makeProject } from '../helpers/fixtures';
import { openOffline } from '../helpers/offline-page';

const DECK = `---
title: Zoom
---

# Start

Before the diagram.

---

## Engine

\`\`\`mermaid
flowchart LR
  accTitle: The client calls the daemon, which starts the runtime
  A[Client] -->|REST| B[Daemon] --> C[Runtime]
\`\`\`

---

## After

The end.
`;

declare global {
  interface Window {
    Reveal: import('reveal.js').Api;
  }
}

const DIAGRAM = 'section.present .deck-diagram';
const indices = (page: Page) => page.evaluate(() => window.Reveal.getIndices().h);
const isOpen = (page: Page) => page.evaluate(() => document.querySelector<HTMLDialogElement>('dialog.deck-zoom')?.open === true);
/** The zoom view's scale, read from the transform the browser computed. */
const zoomScale = (page: Page) => page.locator('.deck-zoom-content').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
const focusedIsDiagram = (page: Page) => page.evaluate(() => document.activeElement?.matches('section.present .deck-diagram') === true);

describe.runIf(hasChromium())('diagram zoom view', () => {
  let browser: Browser;
  let root: string;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    root = makeProject({ 'slides/zoom.md': DECK });
    const quiet = { root, chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} };
    await build(quiet);
    await exportDeck({ ...quiet, input: 'slides/zoom.md', format: 'html', out: 'zoom.html' });
    browser = await launch();
    const deck = await openDeck(browser, path.join(root, 'dist/zoom/index.html'), '#/1');
    page = deck.page;
    errors = deck.consoleErrors;
  });
  afterAll(async () => browser?.close());

  it('makes a drawn diagram a focusable button named for what it does', async () => {
    const slot = page.locator(DIAGRAM);
    expect(await slot.getAttribute('role')).toBe('button');
    expect(await slot.getAttribute('tabindex')).toBe('0');
    expect(await slot.getAttribute('aria-haspopup')).toBe('dialog');
    // Named by its image's alt text (so speech input can say what is on screen).
    expect(await page.getByRole('button', { name: 'The client calls the daemon, which starts the runtime', exact: true }).count()).toBe(1);
  });

  it('opens with a click, fits the window, and closes on the backdrop', async () => {
    await page.click(DIAGRAM);
    expect(await isOpen(page)).toBe(true);
    // Fitted to the 1280×800 window less its 56 px margins (this wide diagram: to its width).
    const onSlide = await page.locator(`${DIAGRAM} > svg`).boundingBox();
    const zoomed = await page.locator('.deck-zoom-content > svg').boundingBox();
    expect(zoomed!.width).toBeCloseTo(1280 - 2 * 56, 0);
    expect(zoomed!.width).toBeGreaterThan(onSlide!.width);
    await page.mouse.click(10, 400); // beside the diagram
    expect(await isOpen(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('draws the copy with its own ids: no id is on the page twice and every arrowhead resolves inside the copy', async () => {
    await page.click(DIAGRAM);
    const ids = await page.evaluate(() => {
      const copy = document.querySelector('.deck-zoom-content > svg')!;
      const all = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
      const refs = Array.from(copy.querySelectorAll('[marker-end], [marker-start]')).flatMap((e) =>
        ['marker-end', 'marker-start'].map((a) => /url\(#(.+)\)/.exec(e.getAttribute(a) ?? '')?.[1]).filter((x): x is string => !!x),
      );
      return { duplicates: all.filter((id, i) => all.indexOf(id) !== i), refs, unresolved: refs.filter((id) => !copy.querySelector(`[id="${id}"]`)) };
    });
    expect(ids.duplicates).toEqual([]);
    expect(ids.refs.length).toBeGreaterThan(0);
    expect(ids.unresolved).toEqual([]);
    await page.click('.deck-zoom-close');
    expect(await isOpen(page)).toBe(false);
  });

  it('opened again at once after closing, shows the diagram (the first close event arrives late)', async () => {
    await page.click(DIAGRAM);
    // Closed and opened again in one task. Waited for, not a fixed time: once the first close's
    // event has come (after the view's own listener, which was added first), the view is still open.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          document.querySelector('dialog.deck-zoom')!.addEventListener('close', () => resolve(), { once: true });
          (document.querySelector('.deck-zoom-close') as HTMLElement).click();
          (document.querySelector('section.present .deck-diagram') as HTMLElement).click();
        }),
    );
    expect(await isOpen(page)).toBe(true);
    expect(await page.locator('.deck-zoom-content > svg').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
  });

  it('opens from the keyboard (Tab, then Enter), keeps keys from reveal.js, and gives the focus back on Escape', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 10 && !(await focusedIsDiagram(page)); i++) await page.keyboard.press('Tab');
    expect(await focusedIsDiagram(page)).toBe(true);
    // A visible focus ring.
    expect(await page.locator(DIAGRAM).evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await isOpen(page)).toBe(true);

    const slide = await indices(page);
    const before = await page.locator('.deck-zoom-content').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e);
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'Space', 'PageDown', 'n']) await page.keyboard.press(key);
    expect(await indices(page)).toBe(slide);
    await page.keyboard.press('ArrowRight'); // look right: the diagram moves left
    expect(await page.locator('.deck-zoom-content').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e)).toBeLessThan(before);

    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await focusedIsDiagram(page)).toBe(true);
    // Space on the focused diagram opens it instead of going to the next slide.
    await page.keyboard.press('Space');
    expect(await isOpen(page)).toBe(true);
    expect(await indices(page)).toBe(slide);
    await page.keyboard.press('Escape');
    // Closed, the keys are reveal.js's again.
    await page.keyboard.press('ArrowRight');
    expect(await indices(page)).toBe(slide + 1);
    await page.evaluate(() => window.Reveal.slide(1));
  });

  it('zooms with + and −, the wheel and the buttons, and 0 fits again', async () => {
    await page.click(DIAGRAM);
    expect(await zoomScale(page)).toBeCloseTo(1);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    expect(await zoomScale(page)).toBeCloseTo(1.5625);
    await page.keyboard.press('-');
    expect(await zoomScale(page)).toBeCloseTo(1.25);
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => zoomScale(page)).toBeGreaterThan(2);
    await page.keyboard.press('0');
    expect(await zoomScale(page)).toBeCloseTo(1);
    await page.getByRole('button', { name: 'Zoom in (+)' }).click();
    expect(await zoomScale(page)).toBeCloseTo(1.25);
    expect(await page.getByRole('button', { name: 'Fit to the window (0)' }).textContent()).toBe('125%');
    // A drag moves the diagram and does not close the view.
    const x = await page.locator('.deck-zoom-content').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e);
    await page.mouse.move(640, 400);
    await page.mouse.down();
    await page.mouse.move(540, 380, { steps: 4 });
    await page.mouse.up();
    expect(await isOpen(page)).toBe(true);
    expect(await page.locator('.deck-zoom-content').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e)).toBeCloseTo(x - 100, 0);
    await page.keyboard.press('Escape');
  });

  it('shows what the slide shows: a part still hidden by a fragment stays hidden, and appears when its step does', async () => {
    // A diagram step is a fragment on an element of the SVG (made by the steps feature; here by hand).
    await page.evaluate(() => {
      document.querySelector('section.present .deck-diagram svg g.node:last-of-type')!.classList.add('fragment');
      window.Reveal.sync();
      window.Reveal.slide(1, 0, -1);
    });
    await page.click(DIAGRAM);
    const shown = () =>
      page.evaluate(() => Array.from(document.querySelectorAll('.deck-zoom-content svg g.node')).map((n) => getComputedStyle(n).visibility === 'visible' && getComputedStyle(n).opacity !== '0'));
    expect(await shown()).toEqual([true, true, false]);
    // The talk moves on a step while the view is open (a follower in `present`): the copy follows.
    await page.evaluate(() => window.Reveal.nextFragment());
    await expect.poll(shown).toEqual([true, true, true]);
    await page.keyboard.press('Escape');
  });

  it('leaves Alt/Ctrl+click to reveal.js’s zoom plugin', async () => {
    await page.click(DIAGRAM, { modifiers: ['Alt'] });
    await page.click(DIAGRAM, { modifiers: ['Control'] });
    expect(await isOpen(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('works in the single-file export opened from disk with the network off', async () => {
    const offline = await openOffline(browser, path.join(root, 'zoom.html'));
    try {
      await offline.page.evaluate(() => window.Reveal.slide(1));
      await offline.page.click(DIAGRAM);
      expect(await isOpen(offline.page)).toBe(true);
      expect(await offline.page.locator('.deck-zoom-content svg g.node').count()).toBe(3);
      await offline.page.keyboard.press('Escape');
      expect(await isOpen(offline.page)).toBe(false);
      expect(offline.blocked).toEqual([]);
      expect(offline.errors).toEqual([]);
    } finally {
      await offline.context.close();
    }
  });

  it('works on the audience page of `present`, with diagrams drawn in the browser', async () => {
    const server = await startPresentServer({ root, input: 'slides/zoom.md', port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    const audience = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await audience.goto(server.urls.audience);
      await audience.waitForSelector('html[data-deck-follow=live]');
      await audience.evaluate(() => window.Reveal.slide(1));
      // Drawn by mermaid in the page, then made a button.
      await audience.waitForSelector(`${DIAGRAM}[data-deck-zoom] > svg`);
      await audience.click(DIAGRAM);
      expect(await isOpen(audience)).toBe(true);
      await audience.keyboard.press('Escape');
      expect(await isOpen(audience)).toBe(false);
    } finally {
      await audience.close();
      await server.close();
    }
  });

  it('is off in print view: diagrams are not buttons there', async () => {
    const print = await openDeck(browser, path.join(root, 'dist/zoom/index.html?print-pdf'));
    try {
      expect(await print.page.locator('.deck-diagram[data-deck-zoom]').count()).toBe(0);
      expect(await print.page.locator('.deck-diagram > svg').count()).toBe(1);
    } finally {
      await print.page.close();
    }
  });
});
