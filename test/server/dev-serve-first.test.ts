import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { hasChromium, heldChromium, launch } from '../helpers/chromium';
import { COLD_DECK } from '../helpers/cold-deck';
import { makeProject } from '../helpers/fixtures';

/**
 * `deckhand dev` with an empty cache answers at once: the deck is served with a placeholder
 * where each diagram will be, and every diagram is patched in when Chromium has drawn it,
 * without a reload, the viewer staying on its slide, the diagram taking the placeholder's place.
 */
describe.runIf(hasChromium())('deckhand dev: serve first, draw later', () => {
  let browser: Browser;
  let server: DevServer;
  let chromium: ReturnType<typeof heldChromium>;
  const log: string[] = [];

  beforeAll(async () => {
    const root = makeProject({ 'slides/talk.md': COLD_DECK });
    browser = await launch();
    // Nothing is drawn until the test has looked at the placeholder, however slow the machine.
    chromium = heldChromium(root);
    server = await startDevServer({ root, port: 0, chromium: chromium.path, cacheDir: path.join(root, '.cache'), log: (l) => log.push(l) });
  });
  afterAll(async () => {
    chromium?.release();
    await server?.close();
    await browser?.close();
  });

  it('serves placeholders before the diagrams are drawn, then patches each one in place', async () => {
    // The server is up, and its diagrams are not drawn yet.
    expect(server.decks[0].drawingDiagrams).toBe(true);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}talk/#/1`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
    const slot = page.locator('section.present .deck-diagram');
    expect(await slot.getAttribute('data-deck-drawing')).toBe('');
    expect(await slot.getAttribute('aria-busy')).toBe('true');
    const before = (await slot.boundingBox())!;
    expect(before.height).toBeGreaterThan(200); // the space the drawing will take, not a line
    await page.evaluate(() => ((window as unknown as { servedOnce: boolean }).servedOnce = true));
    chromium.release();

    await page.locator('section.present .deck-diagram > svg').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-deck-drawing]').count()).toBe(0);
    // Patched, not reloaded; still on the slide the viewer was on.
    expect(await page.evaluate(() => (window as unknown as { servedOnce?: boolean }).servedOnce)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h)).toBe(1);
    // The drawing took the placeholder's place: same box, no jump.
    const after = (await slot.boundingBox())!;
    expect(Math.abs(after.y - before.y)).toBeLessThan(2);
    expect(Math.abs(after.height - before.height)).toBeLessThan(2);
    expect(await page.locator('section.present svg text, section.present svg tspan').first().textContent()).toBeTruthy();
    await expect.poll(() => log.some((l) => /talk: diagrams drawn in \d+(\.\d)? s/.test(l))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page opened later gets the drawn diagrams in its first answer', async () => {
    // Drawn (the first test waits for it too; this one may run alone).
    chromium.release();
    await expect.poll(() => log.some((l) => /talk: diagrams drawn in/.test(l)), { timeout: 60_000 }).toBe(true);
    const html = await (await fetch(`${server.url}talk/`)).text();
    expect(html).not.toContain('data-deck-drawing');
    expect(html.match(/<svg/g)?.length).toBe(2);
  });
});
