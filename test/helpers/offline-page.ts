import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface OfflinePage {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to make that were refused: each one would fail for a reader offline. */
  blocked: string[];
  errors: string[];
}

/**
 * Opens a file from disk with the network off: data: URLs and what `allow` accepts (by default
 * only the file itself) load, everything else is recorded and refused. Resolves once the deck
 * says it is ready.
 */
export async function openOffline(browser: Browser, file: string, allow: (url: string) => boolean = (url) => url.split(/[?#]/)[0] === `file://${file}`): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || allow(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await context.setOffline(true);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${file}`);
  await page.waitForSelector('html[data-deck-ready]', { state: 'attached', timeout: 20_000 });
  return { context, page, blocked, errors };
}
