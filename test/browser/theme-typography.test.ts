import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { hasChromium, launch } from '../helpers/chromium';
import { openDeck } from '../helpers/deck-page';
import { makeProject } from '../helpers/fixtures';

/** A 16:9 deck on the default theme: short and long slides, a transcript, numbered code, a vertical stack. */
const DECK = [
  '---',
  'title: Typography',
  'revealOptions:',
  '  width: 1280',
  '  height: 720',
  '  transition: none',
  '---',
  '## Short',
  '',
  'One line.',
  '',
  '---',
  '',
  '## Run `docker ps` now',
  '',
  'Text with `inline code`.',
  '',
  '```console',
  '$ docker run --rm alpine echo if then done',
  'if then done',
  'for x in y; do echo $x; done',
  '$ docker ps -a \\',
  '    --format "{{.Names}}"',
  'web',
  '```',
  '',
  '---',
  '',
  '## Numbered',
  '',
  '```js [1|2]',
  'const a = 1;',
  'const b = 2;',
  '```',
  '',
  '- one',
  '- two',
  '- three',
  '',
  '---',
  '',
  '## Stack top',
  '',
  'Down from here.',
  '',
  '----',
  '',
  '## Stack bottom',
  '',
  'Below.',
  '',
].join('\n');

/** The current slide's title and code measured on the canvas (px before reveal.js scales it). */
async function measure(page: Page) {
  return page.evaluate(() => {
    const slide = document.querySelector('.reveal .slides section.present:not(.stack)') as HTMLElement;
    const slides = document.querySelector('.reveal .slides') as HTMLElement;
    const h = slide.querySelector('h2')!;
    const top = h.getBoundingClientRect().top - slides.getBoundingClientRect().top;
    const scale = slides.getBoundingClientRect().width / slides.offsetWidth;
    const sizes = [...slide.querySelectorAll('pre code, pre code span, pre code td')].map((e) => parseFloat(getComputedStyle(e).fontSize));
    return { title: Math.round(top / scale), codeSizes: [...new Set(sizes)] };
  });
}

describe.runIf(hasChromium())('default theme typography on a 16:9 canvas', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    const root = makeProject({ 'slides/type.md': DECK, 'slides/narrow.md': '## Narrow\n\n```js\nconst a = 1;\n```\n' });
    await build({ root, cacheDir: path.join(root, '.cache'), chromium: false, log: () => {} });
    dir = path.join(root, 'dist');
    browser = await launch();
    ({ page } = await openDeck(browser, path.join(dir, 'type/index.html')));
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(() => document.fonts.ready);
  });
  afterAll(async () => browser?.close());

  const go = (h: number, v = 0) => page.evaluate(([x, y]) => (window as any).Reveal.slide(x, y), [h, v]);

  it('puts every title at the same height, short slides and long ones, and keeps code at 22 px', async () => {
    const found: Array<Awaited<ReturnType<typeof measure>>> = [];
    for (const [h, v] of [[0, 0], [1, 0], [2, 0], [3, 0], [3, 1]]) {
      await go(h, v);
      found.push(await measure(page));
    }
    expect(found.map((f) => f.title)).toEqual(found.map(() => found[0].title));
    // Highlighted spans, line-numbered tables and plain blocks: one size, at least 22 px.
    const sizes = new Set(found.flatMap((f) => f.codeSizes));
    expect([...sizes]).toEqual([22]);
  });

  it("keeps code at 0.64em on reveal.js's 960-wide default canvas, where 22 px would make lines scroll", async () => {
    const narrow = (await openDeck(browser, path.join(dir, 'narrow/index.html'))).page;
    expect(await narrow.evaluate(() => getComputedStyle(document.querySelector('.reveal pre code')!).fontSize)).toBe('19.2px');
    await narrow.close();
  });

  it('dims transcript output, leaves its words uncoloured and styles code in a title like the title', async () => {
    await go(1);
    const style = await page.evaluate(() => {
      const code = document.querySelector('.reveal .present pre code') as HTMLElement;
      const out = code.querySelector('.deck-output') as HTMLElement;
      const h = document.querySelector('.reveal .present h2') as HTMLElement;
      const hc = h.querySelector('code') as HTMLElement;
      const p = document.querySelector('.reveal .present p code') as HTMLElement;
      const cs = (e: Element) => getComputedStyle(e);
      return {
        command: cs(code).color,
        output: cs(out).color,
        outputColoured: out.querySelectorAll('span').length,
        heading: [cs(h).color, cs(h).fontWeight],
        headingCode: [cs(hc).color, cs(hc).fontWeight],
        headingCodeRatio: parseFloat(cs(hc).fontSize) / parseFloat(cs(h).fontSize),
        inlineCode: cs(p).color,
      };
    });
    expect(style.output).not.toBe(style.command);
    expect(style.outputColoured).toBe(0);
    expect(style.headingCode).toEqual(style.heading);
    expect(style.headingCodeRatio).toBeCloseTo(0.88, 2);
    expect(style.inlineCode).not.toBe(style.heading[0]);
  });

  it('keeps the slide number clear of the arrows in a vertical stack', async () => {
    await go(3, 0);
    const overlaps = await page.evaluate(() => {
      const n = document.querySelector('.reveal .slide-number')!.getBoundingClientRect();
      const arrows = [...document.querySelectorAll('.reveal .controls button.enabled')].map((b) => b.getBoundingClientRect());
      return {
        arrows: arrows.length,
        hits: arrows.filter((a) => a.left < n.right && n.left < a.right && a.top < n.bottom && n.top < a.bottom).length,
      };
    });
    expect(overlaps.arrows).toBeGreaterThanOrEqual(2);
    expect(overlaps.hits).toBe(0);
    if (process.env.DECKHAND_SCREENSHOTS) {
      await page.screenshot({ path: path.join(process.env.DECKHAND_SCREENSHOTS, 'stack.png') });
      await go(1);
      await page.screenshot({ path: path.join(process.env.DECKHAND_SCREENSHOTS, 'console.png') });
    }
  });
});
