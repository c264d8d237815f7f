import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { hasChromium, launch } from '../helpers/chromium';
import { openDeck } from '../helpers/deck-page';
import { makeProject } from '../helpers/fixtures';

const DECK = `---
title: Announced
---

# Opening

Hello.

---

## Points

- one <!-- .element: class="fragment" -->
- two <!-- .element: class="fragment" -->

---

<!-- .slide: data-auto-animate -->

## Moving

\`\`\`mermaid
flowchart LR
  accTitle: The client talks to the server
  A[Client] --> B[Server]
\`\`\`

<details><summary>Described</summary>The client sends a request; the server answers it.</details>

---

<!-- .slide: data-auto-animate -->

## Moving

$$E = mc^2$$

---

No heading here.
`;

const reveal = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const R = window.Reveal; return ${fn}; })()`) as Promise<T>;

/** Screen readers (one short announcement per slide, described diagrams, spoken math) and reduced motion. */
describe.runIf(hasChromium())('screen readers and reduced motion', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    const root = makeProject({ 'slides/talk.md': DECK });
    await build({ root, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    file = path.join(root, 'dist', 'talk', 'index.html');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('announces "Slide N of M: heading" once per slide in one polite region, and silences reveal.js\'s', async () => {
    const { page, consoleErrors } = await openDeck(browser, file);
    const region = page.locator('.deck-announce');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    const regions = await page.locator('[aria-live=polite], [aria-live=assertive], [role=status], [role=alert]').evaluateAll((els) => els.map((e) => e.className));
    expect(regions).toEqual(['deck-announce']);
    // reveal.js's region still exists (it writes the slide text there) but is silent and hidden.
    expect(await page.locator('.reveal .aria-status').getAttribute('aria-live')).toBe('off');
    expect(await page.locator('.reveal .aria-status').getAttribute('aria-hidden')).toBe('true');

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.innerText()).toBe('Slide 2 of 5: Points');
    // Rather than waiting a while to see that nothing is said: everything the region says from
    // here on is recorded, and the next move that is announced ends the wait.
    const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said.splice(0));
    await page.evaluate(() => {
      const w = window as unknown as { said: string[] };
      w.said = [];
      const region = document.querySelector('.deck-announce')!;
      new MutationObserver(() => w.said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    });
    // Fragments are not announced: the region keeps the slide's line until the next slide.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await reveal(page, 'R.slide(4)');
    await expect.poll(() => region.innerText()).toBe('Slide 5 of 5');
    expect(await said()).toEqual(['', 'Slide 5 of 5']); // cleared, then filled a frame later
    // The dev server sends slidechanged again for the slide on screen after each save: no move, nothing spoken.
    await page.evaluate(() => {
      const R = (window as unknown as { Reveal: { getIndices(): { h: number; v?: number }; getCurrentSlide(): Element; dispatchEvent(e: object): void } }).Reveal;
      const at = R.getIndices();
      R.dispatchEvent({ type: 'slidechanged', data: { indexh: at.h, indexv: at.v ?? 0, currentSlide: R.getCurrentSlide() } });
    });
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => region.innerText()).toBe('Slide 4 of 5: Moving');
    expect(await said()).toEqual(['', 'Slide 4 of 5: Moving']);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('links a diagram to the <details> after it, and keeps math speakable (MathML)', async () => {
    const { page } = await openDeck(browser, file, '#/2');
    // The image (drawn here by the page) is named by its alt text and described by the details.
    const diagram = page.locator('section.present .deck-diagram > svg');
    await expect.poll(() => diagram.getAttribute('aria-describedby')).toMatch(/\S/);
    const described = await diagram.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).evaluate((el) => el.tagName)).toBe('DETAILS');
    expect(await diagram.getAttribute('aria-label')).toBe('The client talks to the server');
    expect(await diagram.getAttribute('role')).toBe('img');
    // The button around it (it opens the zoom view) is named and described the same way.
    const button = page.getByRole('button', { name: 'The client talks to the server' });
    expect(await button.getAttribute('aria-describedby')).toBe(described);

    await reveal(page, 'R.slide(3)');
    // KaTeX's MathML is what a screen reader speaks; its HTML rendering is hidden from it.
    const math = page.locator('section.present .katex-mathml math');
    expect(await math.count()).toBe(1);
    expect(await math.locator('annotation[encoding="application/x-tex"]').textContent()).toBe('E = mc^2');
    expect(await page.locator('section.present .katex-html').getAttribute('aria-hidden')).toBe('true');
    await page.close();
  });

  it('with prefers-reduced-motion: no slide transition, no fragment fade, no auto-animate', async () => {
    const moving = await openDeck(browser, file);
    expect(await reveal(moving.page, 'R.getConfig().transition')).not.toBe('none');
    await moving.page.close();

    const page = await browser.newPage({ reducedMotion: 'reduce' });
    await page.goto(`file://${file}`);
    await page.waitForSelector('html[data-deck-ready][data-deck-reduced-motion]', { state: 'attached' });
    expect(await reveal(page, '[R.getConfig().transition, R.getConfig().backgroundTransition, R.getConfig().autoAnimate]')).toEqual(['none', 'none', false]);
    await reveal(page, 'R.slide(1)');
    const fragment = page.locator('section.present .fragment').first();
    expect(await fragment.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    expect(await page.locator('section.present').evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    // A fragment is fully shown the moment it is stepped to.
    await page.keyboard.press('ArrowRight');
    expect(await fragment.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    // Moving between two auto-animate slides starts no animation.
    await reveal(page, 'R.slide(2)');
    await reveal(page, 'R.slide(3)');
    expect(await page.locator('[data-auto-animate-target]').count()).toBe(0);
    // Turning the setting off while the deck is open brings the author's motion back.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(() => reveal(page, 'R.getConfig().transition')).toBe('slide');
    await page.close();
  });
});
