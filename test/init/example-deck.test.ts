import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { runDeckhand } from '../helpers/cli-build';
import { openDeck, type OpenedDeck } from '../helpers/deck-page';
import { makeProject } from '../helpers/fixtures';

/** The deck `deckhand init` writes is the first one a new user sees: it must build and check clean. */
describe.runIf(hasChromium())('the example deck of deckhand init', () => {
  const cwd = makeProject({});
  const project = path.join(cwd, 'demo');
  const env = { DECKHAND_CHROMIUM: CHROMIUM };
  let browser: Browser;
  let deck: OpenedDeck;
  let page: Page;

  beforeAll(async () => {
    const init = runDeckhand(cwd, ['init', 'demo']);
    expect(init.status, init.stderr).toBe(0);
    const build = runDeckhand(project, ['build', 'slides/demo'], env);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).not.toMatch(/warning|error/);
    browser = await launch();
    deck = await openDeck(browser, path.join(project, 'dist', 'demo', 'index.html'));
    page = deck.page;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('passes deckhand check with zero findings, warnings included', () => {
    const check = runDeckhand(project, ['check', '--json', '--strict'], env);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ decks: [{ name: 'demo', slides: 10 }], errors: 0, warnings: 0, diagnostics: [] });
  }, 120_000);

  it('opens offline with no console errors', () => {
    expect(deck.consoleErrors).toEqual([]);
    expect(deck.networkRequests).toEqual([]);
  });

  it('shows each feature it teaches, with notes on every slide', async () => {
    const shown = await page.evaluate(() => {
      const R = (window as any).Reveal;
      const slides = R.getSlides() as HTMLElement[];
      return {
        count: slides.length,
        title: document.title,
        withoutNotes: slides.filter((s) => (R.getSlideNotes(s) ?? '').trim().length < 40).map((s) => s.getAttribute('data-deck-source')),
        vertical: slides.filter((s) => (R.getIndices(s).v ?? 0) > 0).length,
        fragments: document.querySelectorAll('.slides .fragment').length,
        codeSteps: [...document.querySelectorAll('pre code[data-line-numbers]')].map((c) => c.getAttribute('data-line-numbers')),
        diagrams: [...document.querySelectorAll('.deck-diagram > svg')].map((svg) => svg.getAttribute('aria-label')),
        images: [...document.querySelectorAll<HTMLImageElement>('.slides img')].map((img) => ({ alt: img.alt, loaded: img.complete && img.naturalWidth > 0 })),
        columns: document.querySelectorAll('.deck-cols > div').length,
      };
    });
    expect(shown).toMatchObject({ count: 10, title: 'How to write slides with Deckhand', withoutNotes: [], vertical: 1, columns: 2 });
    expect(shown.fragments).toBeGreaterThanOrEqual(3);
    // reveal.js turns `[1|2-4|6]` into one copy of the block per step.
    expect(shown.codeSteps).toEqual(['1', '2-4', '6']);
    expect(shown.diagrams).toEqual([expect.stringMatching(/write Markdown/), expect.stringMatching(/save a slide/)]);
    expect(shown.images).toHaveLength(2);
    for (const img of shown.images) expect(img).toEqual({ alt: expect.stringMatching(/logo/), loaded: true });
  });
});
