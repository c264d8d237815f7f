import type { Page } from 'playwright-core';
import { readBundleFile, type DeckBundle } from './deck-bundle';
import { mimeType } from '../media-type';
import { decodeUrlPath } from '../url-path';

/** A made-up origin: nothing on the network answers it, and nothing is sent there. */
export const BUNDLE_ORIGIN = 'http://deckhand.invalid';

/**
 * Serves a bundle to one page from memory and refuses every other request, so what is printed
 * or measured is exactly what the build would write, with no temp files and no network.
 * Returns the URL of the deck's page.
 */
export async function serveBundle(page: Page, bundle: DeckBundle): Promise<string> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== BUNDLE_ORIGIN) return route.abort('blockedbyclient');
    const file = decodeUrlPath(url.pathname.slice(1));
    const data = readBundleFile(bundle, file);
    if (!data) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: mimeType(file), body: Buffer.from(data) });
  });
  return `${BUNDLE_ORIGIN}/${bundle.page.split('/').map(encodeURIComponent).join('/')}`;
}
