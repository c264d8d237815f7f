import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { hasChromium, launch } from '../helpers/chromium';
import { openDeck, type OpenedDeck } from '../helpers/deck-page';
import { makeProject } from '../helpers/fixtures';

/** A reveal.js-Markdown deck that writes attributes and code as raw HTML, as reveal-md decks do. */
const DECK = `<h2>Raw</h2>
<!-- .slide: data-background="#f00" -->

* one
  <!-- .element: class="fragment" -->
* two
  <!-- .element: class="fragment" -->

<div id="last">three</div> <!-- .element: class="fragment" -->

---

<pre><code class="rust" data-trim data-noescape data-line-numbers="0|1|2-3">
    fn main() {
        let a = 1 &lt; 2;
    }
</code></pre>
`;

const reveal = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const R = window.Reveal; return ${fn}; })()`) as Promise<T>;

describe.runIf(hasChromium())('raw HTML in a reveal.js-Markdown deck, in Chromium', () => {
  let browser: Browser;
  let deck: OpenedDeck;

  beforeAll(async () => {
    const root = makeProject({ 'slides/raw/01.md': DECK });
    await build({ root, cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
    deck = await openDeck(browser, path.join(root, 'dist/raw/index.html'));
  });
  afterAll(async () => browser?.close());

  it('loads with no console errors', () => {
    expect(deck.consoleErrors).toEqual([]);
  });

  it('takes the slide background from a comment inside raw HTML', async () => {
    const { page } = deck;
    await reveal(page, 'R.slide(0, 0, -1)');
    expect(await page.locator('section.present').getAttribute('data-background')).toBe('#f00');
    expect(await reveal(page, 'getComputedStyle(R.getSlideBackground(0)).backgroundColor')).toBe('rgb(255, 0, 0)');
  });

  it('steps through the list fragments and then the raw HTML one, in order', async () => {
    const { page } = deck;
    await reveal(page, 'R.slide(0, 0, -1)');
    const visible = () => page.locator('section.present .fragment.visible').evaluateAll((es) => es.map((e) => e.textContent?.trim()));
    expect(await visible()).toEqual([]);
    for (const expected of [['one'], ['one', 'two'], ['one', 'two', 'three']]) {
      await page.keyboard.press('ArrowRight');
      expect(await visible()).toEqual(expected);
    }
    expect(await reveal(page, 'R.getIndices().h')).toBe(0);
  });

  it('highlights raw <pre><code> with line numbers, and → steps through its highlights', async () => {
    const { page } = deck;
    await reveal(page, 'R.slide(1, 0, -1)');
    const code = page.locator('section.present pre code');
    expect(await code.count()).toBe(3);
    expect(await code.nth(0).locator('.hljs-keyword').allTextContents()).toEqual(['fn', 'let']);
    expect(await code.nth(0).locator('td.hljs-ln-numbers').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-line-number')))).toEqual(['1', '2', '3']);
    expect(await code.nth(0).locator('td.hljs-ln-code').allTextContents()).toEqual(['fn main() {', '    let a = 1 < 2;', '}']);
    // Step 0 highlights nothing.
    expect(await code.nth(0).locator('tr.highlight-line').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await code.nth(1).getAttribute('class')).toContain('visible');
    expect(await code.nth(1).locator('tr.highlight-line td.hljs-ln-code').allTextContents()).toEqual(['fn main() {']);
    await page.keyboard.press('ArrowRight');
    expect(await code.nth(2).getAttribute('class')).toContain('visible');
    expect(await code.nth(2).locator('tr.highlight-line td.hljs-ln-code').allTextContents()).toEqual(['    let a = 1 < 2;', '}']);
    expect(await reveal(page, 'R.getIndices().h')).toBe(1);
  });
});
