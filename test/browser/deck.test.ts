import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { hasChromium, launch } from '../helpers/chromium';
import { openDeck, type OpenedDeck } from '../helpers/deck-page';
import { copyFixture } from '../helpers/fixtures';
import { findDiagramLabelProblems } from '../helpers/slide-checks';

const reveal = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const R = window.Reveal; return ${fn}; })()`) as Promise<T>;

/**
 * Waits for the page's CSS transitions (a slide change) to end; getAnimations() flushes style first, so
 * just-started ones count. Only transitions: reveal.js's control-arrow hint is a 50 × 2 s animation.
 */
const transitionsEnded = (page: Page) =>
  page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished)).then(() => undefined));

describe.runIf(hasChromium())('built deck in Chromium (file://)', () => {
  let browser: Browser;
  let root: string;
  let deck: OpenedDeck;

  beforeAll(async () => {
    root = copyFixture('basic');
    await build({ root, cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
    deck = await openDeck(browser, path.join(root, 'dist/basic/index.html'));
  });
  afterAll(async () => browser?.close());

  it('loads with no console errors and no network requests', () => {
    expect(deck.consoleErrors).toEqual([]);
    expect(deck.networkRequests).toEqual([]);
  });

  it('has the right horizontal and vertical slides, exposed as window.Reveal', async () => {
    expect(await reveal(deck.page, 'R.getHorizontalSlides().length')).toBe(5);
    expect(await reveal(deck.page, 'R.getTotalSlides()')).toBe(6);
    expect(await reveal(deck.page, 'R.getHorizontalSlides()[1].querySelectorAll(":scope > section").length')).toBe(2);
  });

  it('navigates with the keyboard, into vertical slides too', async () => {
    const { page } = deck;
    await reveal(page, 'R.slide(0, 0)');
    await page.keyboard.press('ArrowRight');
    expect(await reveal(page, 'R.getIndices()')).toMatchObject({ h: 1, v: 0 });
    // Down steps through the slide's two fragments before it moves to the slide below.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await reveal(page, 'R.getIndices()')).toMatchObject({ h: 1, v: 1 });
    expect(await page.locator('section.present img[alt="A small red square"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
  });

  it('keeps speaker notes on every slide for the speaker view', async () => {
    const notes = await reveal<string[]>(deck.page, 'R.getSlides().map((s) => R.getSlideNotes(s) || "")');
    expect(notes).toHaveLength(6);
    for (const n of notes) expect(n.trim().length).toBeGreaterThan(5);
    expect(notes[0]).toContain('Say hello');
  });

  it('reveals fragments one by one', async () => {
    const { page } = deck;
    await reveal(page, 'R.slide(1, 0, -1)');
    expect(await page.locator('section.present .fragment.visible').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('section.present .fragment.visible').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('section.present .fragment.visible').count()).toBe(2);
  });

  it('shows highlighted code and steps through its line highlights', async () => {
    const { page } = deck;
    await reveal(page, 'R.slide(2, 0, -1)');
    const code = page.locator('section.present pre code');
    expect(await code.count()).toBe(2);
    expect(await page.locator('section.present .hljs-keyword').first().evaluate((e) => getComputedStyle(e).color)).not.toBe(
      await page.locator('section.present pre code').first().evaluate((e) => getComputedStyle(e).color),
    );
    expect(await code.nth(0).locator('tr.highlight-line td.hljs-ln-code').allTextContents()).toEqual(['const a = 1;']);
    // Dimming alone is slight (dimmed lines stay readable): the lines of the step are also marked with a band.
    const band = (row: string) => code.nth(0).locator(`${row} td.hljs-ln-code`).first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await band('tr.highlight-line')).not.toBe(await band('tr:not(.highlight-line)'));
    await reveal(page, 'R.nextFragment()');
    expect(await code.nth(1).getAttribute('class')).toContain('visible');
    expect(await code.nth(1).locator('tr.highlight-line td.hljs-ln-code').allTextContents()).toEqual(['const b = 2;', 'console.log(a + b);']);
  });

  it('draws every diagram as an inline SVG with visible text inside its shapes and an accessible name', async () => {
    const { page } = deck;
    await reveal(page, 'R.slide(3, 0)');
    const svgs = page.locator('.deck-diagram > svg');
    expect(await svgs.count()).toBe(2);
    expect(await svgs.first().getAttribute('aria-label')).toBe('The Docker CLI talks to dockerd, which drives containerd');
    expect(await svgs.first().getAttribute('role')).toBe('img');
    expect(await svgs.first().textContent()).toContain('dockerd daemon');
    // A fence's accTitle is its alt text; an .element comment after the fence styles the diagram.
    const fence = page.locator('.deck-diagram.fragment > svg');
    expect(await fence.getAttribute('aria-label')).toBe('docker build makes an image that docker run starts');
    for (const h of [3, 4]) {
      // Every fragment shown: the fence diagram on slide 4 is one, and a hidden one is not what a viewer reads.
      await reveal(page, `R.slide(${h}, 0, 99)`);
      await transitionsEnded(page); // measure the slide where it comes to rest
      expect(await page.locator('section.present .deck-diagram > svg g.node').count()).toBeGreaterThan(2);
      expect(await findDiagramLabelProblems(page, 'section.present .deck-diagram > svg')).toEqual([]);
    }
  });

  it('keeps a fragment diagram alone on its slide at full height however often reveal.js lays the slide out', async () => {
    // reveal.js fades fragments with `transition: all`, which animated the height it sets to 0 while
    // measuring the slide: each layout read the previous one's height, and the diagram swapped
    // between full size and 15 px (its labels 1 px tall) with every navigation.
    const { page } = deck;
    await reveal(page, 'R.slide(4, 0, 99)');
    const heights: number[] = [];
    for (let i = 0; i < 4; i++) {
      await transitionsEnded(page);
      heights.push(await page.locator('section.present .deck-diagram.fragment').evaluate((d) => Math.round(d.getBoundingClientRect().height)));
      await reveal(page, 'R.layout()');
    }
    expect(heights[0]).toBeGreaterThan(300);
    expect(new Set(heights).size, heights.join(', ')).toBe(1);
  });

  it('opens the speaker view with the current slide\'s notes', async () => {
    const { page } = deck;
    await reveal(page, 'R.slide(0, 0)');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForSelector('.speaker-controls-notes .value', { timeout: 10_000 });
    await expect.poll(() => popup.locator('.speaker-controls-notes .value').textContent(), { timeout: 10_000 }).toContain('Say hello');
    await popup.close();
  });
});

describe.runIf(hasChromium())('built without Chromium: diagrams render in the page', () => {
  let browser: Browser;
  let deck: OpenedDeck;

  beforeAll(async () => {
    const root = copyFixture('basic');
    await build({ root, chromium: false, log: () => {} });
    browser = await launch();
    deck = await openDeck(browser, path.join(root, 'dist/basic/index.html'));
  });
  afterAll(async () => browser?.close());

  it('loads mermaid only when a diagram slide is shown, then draws it from file://', async () => {
    const { page } = deck;
    expect(await page.evaluate(() => 'mermaid' in window)).toBe(false);
    expect(await page.locator('.deck-diagram[data-deck-pending]').count()).toBe(2);
    await page.evaluate(() => (window as any).Reveal.slide(3, 0));
    await page.waitForSelector('section.present .deck-diagram > svg', { timeout: 20_000 });
    expect(await page.locator('section.present .deck-diagram > svg').textContent()).toContain('dockerd daemon');
    expect(deck.networkRequests).toEqual([]);
    expect(deck.consoleErrors).toEqual([]);
  });
});
