import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { hasChromium, launch } from '../helpers/chromium';
import { openDeck, type OpenedDeck } from '../helpers/deck-page';
import { copyFixture } from '../helpers/fixtures';

describe.runIf(hasChromium())('a reveal-md deck in Chromium (file://)', () => {
  let browser: Browser;
  let deck: OpenedDeck;

  beforeAll(async () => {
    const root = copyFixture('reveal-md');
    await build({ root, inputs: ['talk'], cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
    deck = await openDeck(browser, path.join(root, 'dist/talk/index.html'));
  });
  afterAll(async () => browser?.close());

  it('applies its css: stylesheet and its config, with no network requests', async () => {
    expect(deck.networkRequests).toEqual([]);
    expect(deck.consoleErrors).toEqual([]);
    const probe = await deck.page.evaluate(() => {
      const el = document.createElement('span');
      el.className = 'deck-extra-marker';
      document.body.append(el);
      return getComputedStyle(el).color;
    });
    expect(probe).toBe('rgb(1, 2, 3)');
    expect(await deck.page.evaluate(() => (window as any).Reveal.getConfig().transition)).toBe('convex');
    expect(await deck.page.evaluate(() => (window as any).Reveal.getTotalSlides())).toBe(4);
  });
});
