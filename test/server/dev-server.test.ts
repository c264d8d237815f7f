import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { hasChromium, launch } from '../helpers/chromium';
import { copyFixture, makeProject } from '../helpers/fixtures';
import { foreignOriginUpgrade, rawRequest } from '../helpers/raw-request';

const reveal = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const R = window.Reveal; return ${fn}; })()`) as Promise<T>;

/**
 * Each test gets its own copy of the fixture, its own server and a fresh page (diagrams come
 * from a cache shared by all of them), so no test depends on what another one left behind.
 */
describe.runIf(hasChromium())('deckhand dev', () => {
  let browser: Browser;
  let cacheDir: string;
  let root: string;
  let server: DevServer;
  let page: Page;
  let chapter: string;
  let original: string;
  let logs: string[];
  let pageErrors: string[];

  const open = async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}basic/`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  };
  const presentText = () => page.locator('.reveal .slides section.present').first().innerText();

  beforeAll(async () => {
    cacheDir = path.join(makeProject({}), '.cache');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    root = copyFixture('basic');
    fs.mkdirSync(path.join(root, 'themes'));
    fs.writeFileSync(path.join(root, 'themes/custom.css'), ':root{--r-background-color:#ffffff}.reveal-viewport{background:var(--r-background-color)}\n');
    chapter = path.join(root, 'slides/basic/01-intro.md');
    original = fs.readFileSync(chapter, 'utf8').replace('theme: deckhand', 'theme: custom');
    fs.writeFileSync(chapter, original);
    logs = [];
    pageErrors = [];
    server = await startDevServer({ root, port: 0, cacheDir, log: (l) => logs.push(l) });
    await open();
  });
  afterEach(async () => {
    try {
      // No script error in the page, whatever the test did.
      expect(pageErrors).toEqual([]);
    } finally {
      await page?.close();
      await server?.close();
    }
  });

  it('patches the slide being viewed in place and keeps the place', async () => {
    await reveal(page, 'R.slide(2, 0, 0)');
    await page.evaluate(() => ((document.querySelector('[data-deck-key="0-0"]') as any).__untouched = true));
    fs.writeFileSync(chapter, original.replace('## Code steps', '## Code steps, edited'));
    await expect.poll(presentText).toContain('Code steps, edited');
    expect(await reveal(page, 'R.getIndices()')).toMatchObject({ h: 2, v: 0, f: 0 });
    expect(await page.evaluate(() => (document.querySelector('[data-deck-key="0-0"]') as any).__untouched)).toBe(true);
  });

  it('follows edits: the preview jumps to the slide being edited', async () => {
    await reveal(page, 'R.slide(2, 0)');
    fs.writeFileSync(chapter, original.replace('# Welcome', '# Welcome, followed'));
    await expect.poll(() => reveal(page, 'R.getIndices().h')).toBe(0);
    expect(await presentText()).toContain('Welcome, followed');
  });

  it('stays on the same slide and fragment when slides are inserted before it and deleted again', async () => {
    const toggle = page.locator('button.deck-dev-follow');
    await toggle.click(); // follow mode would jump to the inserted slide
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await reveal(page, 'R.slide(1, 0, 0)');
    const id = await page.locator('section.present[data-deck-id]').last().getAttribute('data-deck-id');
    fs.writeFileSync(chapter, original.replace('## Fragments', '## Inserted\n\nNew slide.\n\n---\n\n## Fragments'));
    await expect.poll(() => reveal(page, 'R.getIndices().h')).toBe(2);
    expect(await reveal(page, 'R.getIndices()')).toMatchObject({ h: 2, v: 0, f: 0 });
    expect(await page.locator('section.present[data-deck-id]').last().getAttribute('data-deck-id')).toBe(id);
    fs.writeFileSync(chapter, original);
    await expect.poll(() => reveal(page, 'R.getIndices().h')).toBe(1);
    expect(await reveal(page, 'R.getIndices()')).toMatchObject({ h: 1, v: 0, f: 0 });
  });

  it('swaps the theme stylesheet without reloading', async () => {
    await page.evaluate(() => ((window as any).__noReload = true));
    fs.writeFileSync(path.join(root, 'themes/custom.css'), ':root{--r-background-color:#102030}.reveal-viewport{background:var(--r-background-color)}\n');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.reveal-viewport')!).backgroundColor)).toBe('rgb(16, 32, 48)');
    expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
  });

  it('shows an error overlay naming file:line:col, keeps the last good slides, and clears it when fixed', async () => {
    fs.writeFileSync(chapter, original.replace('Deckhand fixture deck.', 'Deckhand fixture deck.\n\n![broken](nope.mmd)'));
    const overlay = page.locator('.deck-dev-overlay');
    await expect.poll(() => overlay.isVisible()).toBe(true);
    expect(await overlay.innerText()).toContain('slides/basic/01-intro.md:10:1');
    expect(await overlay.innerText()).toContain('nope.mmd');
    expect(await reveal(page, 'R.getTotalSlides()')).toBe(6);
    expect(logs.join('\n')).toContain('01-intro.md:10:1: error: diagram not found: nope.mmd');
    fs.writeFileSync(chapter, original);
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it("shows what deckhand check finds, in the sources and on the slide on screen, until it is fixed", async () => {
    const button = page.locator('button.deck-dev-checks');
    const list = page.locator('.deck-dev-checks-list');
    const findings = async () => {
      if (!(await button.isVisible())) return '';
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
      return list.innerText();
    };
    const before = await findings();
    expect(before).not.toContain('01-intro.md');

    fs.writeFileSync(chapter, original.replace('Deckhand fixture deck.', 'Deckhand fixture deck.\n\n![](../../images/square.png)'));
    await expect.poll(findings).toMatch(/slides\/basic\/01-intro\.md:10:1 warning: .*alt text/);

    const tall = Array.from({ length: 60 }, (_, i) => `- point ${i + 1}`).join('\n');
    fs.writeFileSync(chapter, original.replace('Deckhand fixture deck.', `Deckhand fixture deck.\n\n${tall}`));
    await expect.poll(findings).toMatch(/slides\/basic\/01-intro\.md:6:1 error: slide content overflows the 960×700 canvas by \d+ px at the bottom/);
    expect(await findings()).not.toContain('alt text');

    fs.writeFileSync(chapter, original);
    await expect.poll(findings).toBe(before);
  });

  it('handles an atomic save (write a temp file, rename it over the original)', async () => {
    const tmp = chapter + '.tmp-save';
    fs.writeFileSync(tmp, original.replace('# Welcome', '# Welcome, atomically'));
    fs.renameSync(tmp, chapter);
    await expect.poll(presentText).toContain('Welcome, atomically');
  });

  it('ends a burst of 20 saves with the last content', async () => {
    for (let i = 1; i <= 20; i++) fs.writeFileSync(chapter, original.replace('# Welcome', `# Welcome ${i}`));
    await expect.poll(presentText).toContain('Welcome 20');
    // One more save after the burst: once it shows, anything the burst still had in flight has
    // arrived before it (one socket, in order), and none of it brought back an older title.
    fs.writeFileSync(chapter, original.replace('# Welcome', '# Welcome 20').replace('Deckhand fixture deck.', 'Deckhand fixture deck, saved once more.'));
    await expect.poll(presentText).toContain('saved once more');
    expect(await presentText()).toContain('Welcome 20');
  });

  it('handles a chapter file deleted and created again', async () => {
    const second = path.join(root, 'slides/basic/02-diagrams.md');
    const text = fs.readFileSync(second, 'utf8');
    fs.unlinkSync(second);
    await expect.poll(() => reveal(page, 'R.getTotalSlides()')).toBe(4);
    fs.writeFileSync(second, text);
    await expect.poll(() => reveal(page, 'R.getTotalSlides()')).toBe(6);
    await expect.poll(() => page.locator('.deck-diagram > svg').count()).toBe(2);
  });

  it('refuses traversal, foreign Host headers and foreign WebSocket origins, with no file content', async () => {
    const secret = fs.readFileSync('/etc/hostname', 'utf8').trim();
    fs.symlinkSync('/etc/hostname', path.join(root, 'images/link.png'));
    for (const p of ['/basic/../../../../etc/hostname', '/%2e%2e/%2e%2e/etc/hostname', '/basic/%252e%252e/x', '/basic/..%5c..%5cetc/hostname', '/basic/..\\..\\etc\\hostname', '/basic/index.html%00', '/_deckhand/../package.json']) {
      const res = await rawRequest(server.port, [`GET ${p} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, 'Connection: close']);
      expect(res, p).toMatch(/^HTTP\/1\.1 (400|403|404)/);
      expect(res).not.toContain(secret);
    }
    const rebinding = await rawRequest(server.port, ['GET /basic/ HTTP/1.1', 'Host: evil.example', 'Connection: close']);
    expect(rebinding).toMatch(/^HTTP\/1\.1 403/);
    const ws = await foreignOriginUpgrade(server.port);
    expect(ws).toMatch(/^HTTP\/1\.1 403/);
    const ok = await rawRequest(server.port, ['GET /basic/ HTTP/1.1', `Host: localhost:${server.port}`, 'Connection: close']);
    expect(ok).toMatch(/^HTTP\/1\.1 200/);
    expect(ok.toLowerCase()).not.toContain('access-control-allow-origin');
  });

  it('reconnects after the server restarts', async () => {
    const port = server.port;
    await server.close();
    await expect.poll(() => page.getAttribute('html', 'data-deck-dev')).toBe('disconnected');
    server = await startDevServer({ root, port, cacheDir, log: () => {} });
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]', { timeout: 15_000 });
    expect(await reveal(page, 'R.getTotalSlides()')).toBe(6);
  });
});
