import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

const THEME = (link: string) => `@import '../node_modules/reveal.js/dist/theme/white.css';\n:root { --r-link-color: ${link}; }\n`;

/** A project theme's colour changes: `deckhand dev` redraws the diagram in it, without reloading the page. */
describe.runIf(hasChromium())('deckhand dev redraws diagrams when the theme changes', () => {
  let root: string;
  let theme: string;
  let server: DevServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = makeProject({
      'slides/talk.md': ['---', 'theme: brand', '---', '# Flow', '', '```mermaid', 'flowchart LR', '  A[Build] --> B[Ship]', '```', ''].join('\n'),
      'themes/brand.css': THEME('#1b5e20'),
    });
    // The theme imports reveal.js's white theme the way a project would, from its own node_modules.
    fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
    theme = path.join(root, 'themes/brand.css');
    server = await startDevServer({ root, port: 0, chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}talk/`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
    // Served first with a placeholder (the cache is empty), the drawing is patched in when ready.
    await page.locator('.deck-diagram .node rect').first().waitFor({ state: 'attached', timeout: 30_000 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const borderOfNode = () => page.evaluate(() => getComputedStyle(document.querySelector('.deck-diagram .node rect')!).stroke);

  it('changes the diagram’s colours in place', async () => {
    expect(await borderOfNode()).toBe('rgb(27, 94, 32)');
    await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
    // While it is redrawn, the diagram keeps its old drawing: no placeholder ever replaces it.
    await page.evaluate(() => {
      const w = window as unknown as { __placeholder: boolean };
      w.__placeholder = false;
      new MutationObserver(() => (w.__placeholder ||= !!document.querySelector('[data-deck-drawing]'))).observe(document.body, { subtree: true, childList: true });
    });
    fs.writeFileSync(theme, THEME('#b71c1c'));
    await expect.poll(borderOfNode, { timeout: 15_000 }).toBe('rgb(183, 28, 28)');
    expect(await page.evaluate(() => (window as unknown as { __placeholder: boolean }).__placeholder)).toBe(false);
    // The same document: patched, not reloaded.
    expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);
  });
});
