import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { hasChromium, launch } from '../helpers/chromium';
import { copyFixture } from '../helpers/fixtures';

/** Folders the watcher must not follow or cannot read, inside a deck: the server keeps serving. */
describe.runIf(hasChromium())('deckhand dev with symlink loops and unwatchable folders', () => {
  let root: string;
  let deckDir: string;
  let chapter: string;
  let original: string;
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  const logs: string[] = [];
  const presentText = () => page.locator('.reveal .slides section.present').first().innerText();
  const overlay = () => page.locator('.deck-dev-overlay');

  beforeAll(async () => {
    root = copyFixture('basic');
    deckDir = path.join(root, 'slides/basic');
    chapter = path.join(deckDir, '01-intro.md');
    original = fs.readFileSync(chapter, 'utf8');
    fs.symlinkSync('.', path.join(deckDir, 'loop')); // ln -s . loop
    fs.symlinkSync('/', path.join(deckDir, 'rootfs')); // a link to the whole disk
    fs.symlinkSync('b', path.join(deckDir, 'a')); // two links naming each other: unwatchable
    fs.symlinkSync('a', path.join(deckDir, 'b'));
    server = await startDevServer({ root, port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: (l) => logs.push(l) });
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.url}basic/`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reports what it cannot watch in the terminal and the overlay, and follows no link out of the project', async () => {
    await expect.poll(() => logs.join('\n')).toMatch(/slides\/basic\/a:1:1: warning: cannot watch slides\/basic\/a: ELOOP/);
    await expect.poll(() => overlay().isVisible()).toBe(true);
    expect(await overlay().innerText()).toContain('cannot watch slides/basic/a');
    // Followed, the link to / would have the watcher walk (and report on) the whole disk.
    expect(logs.join('\n')).not.toMatch(/rootfs|loop\/loop/);
  });

  it('keeps serving: edits still show, and the overlay clears with them', async () => {
    fs.writeFileSync(chapter, original.replace('# Welcome', '# Welcome, still watched'));
    await expect.poll(presentText).toContain('Welcome, still watched');
    await expect.poll(() => overlay().count()).toBe(0);
  });

  it('survives a loop made while it runs', async () => {
    fs.symlinkSync('..', path.join(deckDir, 'up'));
    fs.writeFileSync(chapter, original.replace('# Welcome', '# Welcome, after a new loop'));
    await expect.poll(presentText).toContain('Welcome, after a new loop');
    expect(logs.join('\n')).not.toMatch(/up\/basic\/up/);
  });

  // Permissions do not stop root, so this case runs only for an ordinary user.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable folder and keeps serving', async () => {
    const secret = path.join(deckDir, 'private');
    fs.mkdirSync(secret);
    fs.writeFileSync(path.join(secret, 'x.txt'), 'x');
    fs.chmodSync(secret, 0);
    try {
      fs.writeFileSync(chapter, original.replace('# Welcome', '# Welcome, beside a locked folder'));
      await expect.poll(presentText).toContain('Welcome, beside a locked folder');
    } finally {
      fs.chmodSync(secret, 0o755);
    }
  });
});
