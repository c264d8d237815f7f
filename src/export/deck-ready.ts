import { DEFAULTS } from '../options';
import type { Page } from 'playwright-core';
import { DeckhandError } from '../diagnostics';

/**
 * Waits for Deckhand's ready signal (`<html data-deck-ready>`: reveal.js started, fonts loaded,
 * diagrams drawn; in print view, pages laid out). A script error in the page fails at once
 * instead of after the time-out; a diagram the page could not draw (`data-deck-ready="error"`,
 * its message shown in its slide) fails too, rather than print or measure a broken slide.
 */
export async function waitForDeckReady(page: Page, timeoutMs = 60_000): Promise<void> {
  let onError!: (e: Error) => void;
  const failed = new Promise<never>((_, reject) => {
    onError = (e) => reject(new DeckhandError(`the deck's page failed in Chromium: ${e.message}`, [], 2));
    page.once('pageerror', onError);
  });
  try {
    await Promise.race([page.waitForSelector('html[data-deck-ready]', { state: 'attached', timeout: timeoutMs }), failed]);
  } catch (e) {
    if (e instanceof DeckhandError) throw e;
    throw new DeckhandError(`the deck's page did not signal ready within ${Math.round(timeoutMs / 1000)} s`, [], 2);
  } finally {
    page.off('pageerror', onError);
    failed.catch(() => undefined);
  }
  const failures = await page.evaluate(() =>
    document.documentElement.getAttribute('data-deck-ready') === 'error' ? Array.from(document.querySelectorAll('[data-deck-failed]'), (el) => el.textContent ?? '') : [],
  );
  if (failures.length) throw new DeckhandError(`the deck's page could not draw ${failures.length} diagram${failures.length === 1 ? '' : 's'}: ${failures.join('; ')}`, [], 1);
}

/** The canvas size reveal.js lays slides out at: the deck's width and height options. */
export function slideSize(reveal: Record<string, unknown>): { width: number; height: number } {
  const n = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : typeof v === 'string' && /^\d+(px)?$/.test(v) ? parseInt(v, 10) : fallback);
  return { width: n(reveal.width, DEFAULTS.canvas.width), height: n(reveal.height, DEFAULTS.canvas.height) };
}
