import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/chromium';
import { useDevDeckPage } from '../helpers/dev-deck-page';

/**
 * Records, after every change to the slides, how many there are and whether the overlay shows:
 * a blip that lasts one frame would be gone by the time a test looks.
 */
const WATCH_SLIDES = `(() => {
  const seen = (window.__seen = []);
  const look = () => seen.push({
    slides: document.querySelectorAll('.reveal .slides section').length,
    text: document.querySelector('.reveal .slides section.present')?.textContent.trim() ?? '',
    overlay: !!document.querySelector('.deck-dev-overlay') && document.querySelector('.deck-dev-overlay').style.display !== 'none',
  });
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/**
 * Editors save in two steps (truncate then write, or delete then create). The dev server reacts
 * within a few milliseconds of a write, so it must not show the empty file in between.
 */
describe.runIf(hasChromium())('deckhand dev and two-step saves', () => {
  const deck = useDevDeckPage();
  const { updates, presentText } = deck;
  const seen = () => deck.page.evaluate(() => (window as any).__seen as Array<{ slides: number; text: string; overlay: boolean }>);
  beforeEach(() => deck.page.evaluate(WATCH_SLIDES));

  /** Slide counts and overlay states the page went through, checked against the deck's own. */
  async function expectNoBlip(slides: number) {
    for (const s of await seen()) {
      expect(s.slides).toBe(slides);
      expect(s.overlay).toBe(false);
      expect(s.text).not.toBe('');
    }
  }

  it('shows the final text of a truncate-then-write save, never the empty file', async () => {
    const slides = await deck.page.locator('.reveal .slides section').count();
    const before = updates();
    const text = deck.original.replace('# Welcome', '# Welcome, saved in two steps');
    const fd = fs.openSync(deck.chapter, 'w'); // truncates: the file is empty now
    await new Promise((r) => setTimeout(r, 40)); // an editor (or a busy disk) between its two steps
    fs.writeSync(fd, text);
    fs.closeSync(fd);
    await expect.poll(presentText).toContain('Welcome, saved in two steps');
    await expectNoBlip(slides);
    // One update for the save, none for the empty file in between.
    await new Promise((r) => setTimeout(r, 300));
    expect(updates() - before).toBe(1);
  });

  it('shows the final text of a delete-then-create save', async () => {
    const slides = await deck.page.locator('.reveal .slides section').count();
    const text = deck.original.replace('# Welcome', '# Welcome, deleted and written again');
    fs.rmSync(deck.chapter);
    await new Promise((r) => setTimeout(r, 30));
    fs.writeFileSync(deck.chapter, text);
    await expect.poll(presentText).toContain('Welcome, deleted and written again');
    await expectNoBlip(slides);
  });

  it('shows two saves in quick succession (chokidar reports only the first of them within 50 ms)', async () => {
    fs.writeFileSync(deck.chapter, deck.original.replace('# Welcome', '# Welcome, first save'));
    await expect.poll(presentText, { interval: 5 }).toContain('Welcome, first save');
    fs.writeFileSync(deck.chapter, deck.original.replace('# Welcome', '# Welcome, second save'));
    await expect.poll(presentText).toContain('Welcome, second save');
  });

  it('still shows a file really left empty, once it stays empty', async () => {
    const other = path.join(deck.root, 'slides/basic/02-diagrams.md');
    const kept = fs.readFileSync(other, 'utf8');
    const before = await deck.page.locator('.reveal .slides section').count();
    fs.writeFileSync(other, '');
    await expect.poll(() => deck.page.locator('.reveal .slides section').count()).toBeLessThan(before);
    fs.writeFileSync(other, kept);
    await expect.poll(() => deck.page.locator('.reveal .slides section').count()).toBe(before);
  });
});
