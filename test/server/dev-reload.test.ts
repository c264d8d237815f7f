import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { hasChromium, launch } from '../helpers/chromium';
import { copyFixture } from '../helpers/fixtures';

const reveal = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const R = window.Reveal; return ${fn}; })()`) as Promise<T>;

/** For the next document only: its first WebSocket opens when `__releaseSocket()` is called. */
const HOLD_FIRST_SOCKET = `(() => {
  if (sessionStorage.getItem('test-held')) return;
  sessionStorage.setItem('test-held', '1');
  const Real = window.WebSocket;
  let first = true;
  window.WebSocket = function (url, protocols) {
    if (!first) return new Real(url, protocols);
    first = false;
    const stand = {};
    window.__socketHeld = true;
    window.__releaseSocket = () => {
      const ws = new Real(url, protocols);
      for (const k of ['onopen', 'onmessage', 'onclose', 'onerror']) ws[k] = (e) => stand[k] && stand[k](e);
    };
    return stand;
  };
})()`;

/** Front matter changes reload the page: no save may be lost on the way, and the viewer stays put. */
describe.runIf(hasChromium())('deckhand dev across page reloads', () => {
  let root: string;
  let chapter: string;
  let original: string;
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  const logs: string[] = [];
  const updates = () => logs.filter((l) => /basic updated in/.test(l)).length;
  const presentText = () => page.locator('.reveal .slides section.present').first().innerText();

  /** Resolves once the page has been replaced by a new document and that one is live again. */
  const reloaded = async () => {
    await expect.poll(() => page.evaluate(() => !(window as any).__before).catch(() => false), { timeout: 15_000 }).toBe(true);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  };
  const markDocument = () => page.evaluate(() => ((window as any).__before = true));

  beforeAll(async () => {
    root = copyFixture('basic');
    chapter = path.join(root, 'slides/basic/01-intro.md');
    original = fs.readFileSync(chapter, 'utf8');
    server = await startDevServer({ root, port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: (l) => logs.push(l) });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}basic/`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  });

  it('shows a save that lands while the page reloads after a front-matter change', async () => {
    await reveal(page, 'R.slide(0, 0)');
    // The reloaded page opens its socket only when told: a save handled before then is
    // broadcast while that page is not listening yet (the race a real reload has).
    await page.addInitScript(HOLD_FIRST_SOCKET);
    await markDocument();
    fs.writeFileSync(chapter, original.replace('title: Basic fixture', 'title: Basic fixture, renamed'));
    await expect.poll(() => page.evaluate(() => (window as any).__socketHeld === true).catch(() => false)).toBe(true);
    const before = updates();
    fs.writeFileSync(chapter, original.replace('title: Basic fixture', 'title: Basic fixture, renamed').replace('# Welcome', '# Welcome, saved during the reload'));
    await expect.poll(updates).toBeGreaterThan(before);
    await page.evaluate(() => (window as any).__releaseSocket());
    await reloaded();
    await expect.poll(presentText).toContain('Welcome, saved during the reload');
    fs.writeFileSync(chapter, original);
    await expect.poll(presentText).not.toContain('saved during the reload');
  });

  it('keeps the slide and fragment step across a front-matter reload', async () => {
    await reveal(page, 'R.slide(1, 0, 1)');
    expect(await reveal(page, 'R.getIndices()')).toMatchObject({ h: 1, v: 0, f: 1 });
    await markDocument();
    // At once: reveal.js writes its URL hash only a second after a move.
    fs.writeFileSync(chapter, original.replace('title: Basic fixture', 'title: Basic fixture, moved'));
    await reloaded();
    await expect.poll(() => reveal(page, 'R.getIndices()')).toMatchObject({ h: 1, v: 0, f: 1 });
    expect(await page.locator('section.present .fragment.visible').count()).toBe(2);
    expect(await page.title()).toContain('Basic fixture, moved');
  });
});
