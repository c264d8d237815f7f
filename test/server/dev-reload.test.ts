import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/chromium';
import { useDevDeckPage } from '../helpers/dev-deck-page';
import { HOLD_FIRST_SOCKET } from '../helpers/held-socket';

const reveal = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const R = window.Reveal; return ${fn}; })()`) as Promise<T>;

/** Front matter changes reload the page: no save may be lost on the way, and the viewer stays put. */
describe.runIf(hasChromium())('deckhand dev across page reloads', () => {
  const deck = useDevDeckPage();
  const { updates, presentText } = deck;

  /** Resolves once the page has been replaced by a new document and that one is live again. */
  const reloaded = async () => {
    await expect.poll(() => deck.page.evaluate(() => !(window as any).__before).catch(() => false), { timeout: 15_000 }).toBe(true);
    await deck.page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  };
  const markDocument = () => deck.page.evaluate(() => ((window as any).__before = true));

  it('shows a save that lands while the page reloads after a front-matter change', async () => {
    await reveal(deck.page, 'R.slide(0, 0)');
    // The reloaded page opens its socket only when told: a save handled before then is
    // broadcast while that page is not listening yet (the race a real reload has).
    await deck.page.addInitScript(HOLD_FIRST_SOCKET);
    await markDocument();
    fs.writeFileSync(deck.chapter, deck.original.replace('title: Basic fixture', 'title: Basic fixture, renamed'));
    await expect.poll(() => deck.page.evaluate(() => (window as any).__socketHeld === true).catch(() => false)).toBe(true);
    const before = updates();
    fs.writeFileSync(deck.chapter, deck.original.replace('title: Basic fixture', 'title: Basic fixture, renamed').replace('# Welcome', '# Welcome, saved during the reload'));
    await expect.poll(updates).toBeGreaterThan(before);
    // The reloaded document catches up with the save it missed in place: it is not reloaded again.
    await deck.page.evaluate(() => ((window as any).__reloadedDocument = true));
    await deck.page.evaluate(() => (window as any).__releaseSocket());
    await reloaded();
    await expect.poll(presentText).toContain('Welcome, saved during the reload');
    expect(await deck.page.evaluate(() => (window as any).__reloadedDocument)).toBe(true);
    fs.writeFileSync(deck.chapter, deck.original);
    await expect.poll(presentText).not.toContain('saved during the reload');
  });

  it('keeps the slide and fragment step across a front-matter reload', async () => {
    await reveal(deck.page, 'R.slide(1, 0, 1)');
    expect(await reveal(deck.page, 'R.getIndices()')).toMatchObject({ h: 1, v: 0, f: 1 });
    await markDocument();
    // At once: reveal.js writes its URL hash only a second after a move.
    fs.writeFileSync(deck.chapter, deck.original.replace('title: Basic fixture', 'title: Basic fixture, moved'));
    await reloaded();
    await expect.poll(() => reveal(deck.page, 'R.getIndices()')).toMatchObject({ h: 1, v: 0, f: 1 });
    expect(await deck.page.locator('section.present .fragment.visible').count()).toBe(2);
    expect(await deck.page.title()).toContain('Basic fixture, moved');
  });
});
