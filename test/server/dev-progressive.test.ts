import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { hasChromium, heldChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

/** A long chain mermaid takes a while to lay out: each drawn in turn, well apart. */
const chain = (name: string) => ['```mermaid', 'flowchart TB', ...Array.from({ length: 120 }, (_, i) => `  ${name}${i}[${name} ${i}] --> ${name}${i + 1}[${name} ${i + 1}]`), '```'].join('\n');
const DECK = ['# Three diagrams', ...['a', 'b', 'c'].map((n) => `## Chain ${n}\n\n${chain(n)}`)].join('\n\n---\n\n');

/**
 * `deckhand dev` with several diagrams not in the cache patches each into open pages as it is
 * drawn, not all of them once the last is done: the author sees the first long before the last.
 */
describe.runIf(hasChromium())('deckhand dev: diagrams appear one by one', () => {
  let browser: Browser;
  let server: DevServer;
  let chromium: ReturnType<typeof heldChromium>;

  beforeAll(async () => {
    const root = makeProject({ 'slides/talk.md': DECK });
    browser = await launch();
    // Nothing is drawn before the test has seen the page served with three placeholders.
    chromium = heldChromium(root);
    server = await startDevServer({ root, port: 0, chromium: chromium.path, cacheDir: path.join(root, '.cache'), log: () => {} });
  });
  afterAll(async () => {
    chromium?.release();
    await server?.close();
    await browser?.close();
  });

  it('patches the first drawing in before the last is drawn, without a reload, the viewer staying on its slide', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}talk/#/2`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
    // Each update the page applies, with how many diagrams it shows drawn after it; a reload would lose both.
    await page.evaluate(() => {
      const w = window as unknown as { drawnAfterUpdate: number[]; marker: number };
      w.drawnAfterUpdate = [];
      w.marker = 1;
      document.addEventListener('deckhand:updated', () => w.drawnAfterUpdate.push(document.querySelectorAll('.reveal .slides .deck-diagram > svg').length));
    });
    expect(await page.locator('[data-deck-drawing]').count()).toBe(3);
    chromium.release();
    await page.waitForFunction(() => document.querySelectorAll('.reveal .slides .deck-diagram > svg').length === 3, undefined, { timeout: 60_000 });
    const counts = await page.evaluate(() => (window as unknown as { drawnAfterUpdate: number[] }).drawnAfterUpdate);
    // Some update showed part of the drawings: they arrived one by one, not all at the end.
    expect(counts.some((n) => n > 0 && n < 3)).toBe(true);
    expect(counts.at(-1)).toBe(3);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h)).toBe(2);
    expect(await page.locator('section.present .deck-diagram > svg').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('deckhand dev: Chromium that does not start', () => {
  it('leaves the diagrams to the browser once, instead of asking for them again and again', async () => {
    const root = makeProject({ 'slides/talk.md': DECK });
    // A program that exits at once stands for a browser that fails to start.
    const server = await startDevServer({ root, port: 0, chromium: '/bin/false', cacheDir: path.join(root, '.cache'), log: () => {} });
    try {
      const deck = server.decks[0];
      let updates = 0;
      const update = deck.update.bind(deck);
      deck.update = (...args) => (updates++, update(...args));
      await expect.poll(() => deck.drawingDiagrams, { timeout: 10_000 }).toBe(false);
      const html = await (await fetch(`${server.url}talk/`)).text();
      expect(html.match(/data-deck-pending/g)?.length).toBe(3);
      const settled = updates;
      await new Promise((r) => setTimeout(r, 500));
      expect(updates).toBe(settled);
    } finally {
      await server.close();
    }
  });
});
