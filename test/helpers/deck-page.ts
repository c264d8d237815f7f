import type { Browser, Page } from 'playwright-core';

export interface OpenedDeck {
  page: Page;
  consoleErrors: string[];
  /** Every request that is not a file:// URL: an offline deck makes none. */
  networkRequests: string[];
}

/** Opens a built deck from disk and waits for Deckhand's ready signal. */
export async function openDeck(browser: Browser, file: string, hash = ''): Promise<OpenedDeck> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleErrors: string[] = [];
  const networkRequests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => !r.url().startsWith('file://') && !r.url().startsWith('data:') && networkRequests.push(r.url()));
  await page.goto(`file://${file}${hash}`);
  await page.waitForSelector('html[data-deck-ready]', { timeout: 20_000 });
  return { page, consoleErrors, networkRequests };
}
