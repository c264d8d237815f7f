import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Opens the basic fixture's dev page and saves an image without alt text into its first chapter,
 * so the check button appears. Returns the chapter and its original text, for the next edit.
 */
export async function openDevPageWithFinding(page: Page, url: string, root: string): Promise<{ chapter: string; text: string }> {
  await page.goto(`${url}basic/`);
  await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  const chapter = path.join(root, 'slides/basic/01-intro.md');
  const text = fs.readFileSync(chapter, 'utf8');
  fs.writeFileSync(chapter, text.replace('Deckhand fixture deck.', 'Deckhand fixture deck.\n\n![](../../images/square.png)'));
  await page.locator('button.deck-dev-checks').waitFor();
  return { chapter, text };
}
