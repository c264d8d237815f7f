import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/present-server';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { COLD_DECK } from '../helpers/cold-deck';
import { makeProject } from '../helpers/fixtures';

/**
 * `deckhand present` with diagrams not in the cache starts at once: the room gets the deck with
 * placeholders, and once Chromium has drawn every diagram, open pages reload into the new build
 * at the live slide.
 */
describe.runIf(hasChromium())('deckhand present: serve first, draw later', () => {
  let browser: Browser;
  let server: PresentServer;
  const log: string[] = [];

  beforeAll(async () => {
    const root = makeProject({ 'slides/talk.md': COLD_DECK });
    browser = await launch();
    server = await startPresentServer({ root, input: 'slides/talk.md', port: 0, chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: (l) => log.push(l) });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('serves placeholders, then the drawn diagrams, and the audience stays on the live slide', async () => {
    const first = await (await fetch(server.urls.audience)).text();
    expect(first).toContain('data-deck-drawing');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.urls.audience);
    await page.waitForSelector('html[data-deck-follow=live]');
    await page.locator('.reveal .slides svg').first().waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.locator('[data-deck-drawing]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h)).toBe(0);
    expect(log.some((l) => /diagrams drawn; open pages reload once/.test(l))).toBe(true);
    const later = await (await fetch(server.urls.audience)).text();
    expect(later).not.toContain('data-deck-drawing');
    expect(later.match(/<svg/g)?.length).toBe(2);
    await page.close();
  });
});
