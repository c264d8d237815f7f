import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDeck } from '../../src/export/export-deck';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { copyFixture } from '../helpers/fixtures';
import { all, parsePage } from '../helpers/html';
import { openOffline, type OfflinePage } from '../helpers/offline-page';

const reveal = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const R = window.Reveal; return ${fn}; })()`) as Promise<T>;

describe.runIf(hasChromium())('single-file HTML export, opened from file:// offline', () => {
  let browser: Browser;
  let file: string;
  let html: string;
  let opened: OfflinePage;

  beforeAll(async () => {
    const root = copyFixture('basic');
    const result = await exportDeck({ root, input: 'slides/basic', format: 'html', out: 'out/basic.html', chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
    file = result.file;
    expect(file).toBe(path.join(root, 'out', 'basic.html'));
    html = fs.readFileSync(file, 'utf8');
    browser = await launch();
    opened = await openOffline(browser, file);
  });
  afterAll(async () => browser?.close());

  it('is one file: no reference to another file remains', () => {
    // Offending values only, so a failure does not print a half-megabyte file.
    const doc = parsePage(html);
    const names = ['src', 'href', 'data-background-image'];
    const urls = all(doc, names.map((n) => `[${n}]`).join(', ')).flatMap((e) => names.map((n) => e.getAttribute(n)).filter((u) => u !== null));
    expect(urls.length).toBeGreaterThanOrEqual(2); // the runtime script and the image, at least
    expect(urls.filter((u) => !/^(data:|#|https?:)/.test(u!))).toEqual([]);
    // Stylesheets and style attributes, the page's and the inline SVGs'.
    const css = [...all(doc, 'style').map((e) => e.textContent), ...all(doc, '[style]').map((e) => e.getAttribute('style'))].join('\n');
    expect(css.match(/url\((?!["']?(data:|#))[^)]*\)/g)).toBeNull();
    expect(all(doc, 'link').map((e) => e.outerHTML)).toEqual([]);
    expect(all(doc, 'style[data-deck-style]')).toHaveLength(1);
    expect(all(doc, 'script[src^="data:text/javascript;base64,"]')).toHaveLength(1);
  });

  it('loads with no request beyond the file, no errors, and the theme fonts', async () => {
    expect(opened.blocked).toEqual([]);
    expect(opened.errors).toEqual([]);
    const fonts = await opened.page.evaluate(() => Array.from(document.fonts).filter((f) => f.status === 'loaded').map((f) => f.family));
    expect(fonts.join(',')).toContain('Source Sans 3');
  });

  it('shows every slide, with its image and every diagram drawn', async () => {
    const { page } = opened;
    expect(await reveal(page, 'R.getTotalSlides()')).toBe(6);
    const headings: string[] = [];
    for (const [h, v] of [[0, 0], [1, 0], [1, 1], [2, 0], [3, 0], [4, 0]]) {
      await reveal(page, `R.slide(${h}, ${v})`);
      const slide = page.locator('.slides section.present:not(.stack)');
      expect(await slide.isVisible()).toBe(true);
      headings.push((await slide.locator(':is(h1, h2)').textContent()) ?? '');
    }
    expect(headings).toEqual(['Welcome', 'Fragments', 'Vertical child', 'Code steps', 'Engine', 'Inline diagram']);
    await reveal(page, 'R.slide(1, 1)');
    expect(await page.locator('section.present img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
    const svgs = page.locator('.deck-diagram > svg');
    expect(await svgs.count()).toBe(2);
    expect(await svgs.nth(0).textContent()).toContain('dockerd daemon');
    expect(await svgs.nth(1).textContent()).toContain('docker build');
  });

  it('opens the speaker view, which shows the notes and previews this same file', async () => {
    const { page } = opened;
    await reveal(page, 'R.slide(3, 0)');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await expect.poll(() => popup.locator('.speaker-controls-notes .value').textContent(), { timeout: 10_000 }).toContain('Walk through the engine diagram.');
    const preview = popup.frameLocator('#current-slide iframe');
    await expect.poll(() => preview.locator('section.present h2').textContent(), { timeout: 10_000 }).toBe('Engine');
    await popup.close();
    expect(opened.blocked).toEqual([]);
  });

  it('finds text with the search plugin', async () => {
    const { page } = opened;
    await reveal(page, 'R.slide(0, 0)');
    await page.keyboard.press('Control+Shift+F');
    await page.locator('.searchinput').fill('Vertical');
    await page.locator('.searchinput').press('Enter');
    await expect.poll(() => reveal(page, 'R.getIndices()')).toMatchObject({ h: 1, v: 1 });
  });
});

describe.runIf(hasChromium())('single-file HTML export built without Chromium', () => {
  let browser: Browser;

  afterAll(async () => browser?.close());

  it('carries mermaid in the page and draws the diagrams offline', async () => {
    const root = copyFixture('basic');
    const { file } = await exportDeck({ root, input: 'slides/basic', format: 'html', chromium: false, log: () => {} });
    expect(all(parsePage(fs.readFileSync(file, 'utf8')), 'script#deck-mermaid-source[type="text/plain"]')).toHaveLength(1);
    browser = await launch();
    const { page, blocked, errors } = await openOffline(browser, file);
    await reveal(page, 'R.slide(3, 0)');
    await page.waitForSelector('section.present .deck-diagram > svg', { timeout: 20_000 });
    expect(await page.locator('section.present .deck-diagram > svg').textContent()).toContain('dockerd daemon');
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});
