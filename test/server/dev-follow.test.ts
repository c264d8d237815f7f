import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { hasChromium, launch } from '../helpers/chromium';
import { copyFixture } from '../helpers/fixtures';

const reveal = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const R = window.Reveal; return ${fn}; })()`) as Promise<T>;

describe.runIf(hasChromium())('deckhand dev: Follow edits and errors from every kind of file', () => {
  let root: string;
  let server: DevServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = copyFixture('basic');
    server = await startDevServer({ root, port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}basic/`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('jumps to the first slide showing a diagram file when that file is edited', async () => {
    await reveal(page, 'R.slide(0, 0)');
    const file = path.join(root, 'diagrams/engine.mmd');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\s*$/, '\n  Extra[followed node] --> Extra2[another]\n'));
    await expect.poll(() => page.locator('section.present').first().innerText()).toContain('Engine');
    expect(await reveal(page, 'R.getIndices().h')).toBe(3);
  });

  it('shows a front matter YAML error in the overlay at its line', async () => {
    const chapter = path.join(root, 'slides/basic/01-intro.md');
    const text = fs.readFileSync(chapter, 'utf8');
    fs.writeFileSync(chapter, text.replace('title: Basic fixture', 'title: [Basic fixture'));
    const overlay = page.locator('.deck-dev-overlay');
    await expect.poll(() => overlay.isVisible()).toBe(true);
    expect(await overlay.innerText()).toMatch(/slides\/basic\/01-intro\.md:\d+:\d+ error: invalid YAML in front matter/);
    fs.writeFileSync(chapter, text);
    await expect.poll(() => overlay.count()).toBe(0);
  });
});
