import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/present-server';
import { hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';
import { TALK } from '../helpers/present-deck';

/** Where the deck inside a speaker view or remote is (Playwright reaches into the sandboxed frame). */
const frameAt = async (page: Page) => {
  const frame = await (await page.$('#deck-present-current'))!.contentFrame();
  return frame!.evaluate(() => {
    const R = (window as unknown as { Reveal: { getIndices(): { h: number }; isPaused(): boolean } }).Reveal;
    return { h: R.getIndices().h, paused: R.isPaused() };
  });
};
const audienceAt = (page: Page) =>
  page.evaluate(() => {
    const R = (window as unknown as { Reveal: { getIndices(): { h: number }; isPaused(): boolean } }).Reveal;
    return { h: R.getIndices().h, paused: R.isPaused() };
  });

/**
 * Two taps on the remote faster than the server answers: the second one's way back must reach
 * the room too, and a speaker view that follows must end where the room ends. Before the fix the
 * remote compared the way back with the live slide it had not yet heard had changed, and sent
 * nothing: the room stayed on the slide the presenter had left.
 */
describe.runIf(hasChromium())('deckhand present: quick taps on the remote', () => {
  let browser: Browser;
  let server: PresentServer;
  let speaker: Page;
  let remote: Page;
  let audience: Page;

  beforeAll(async () => {
    const root = makeProject({ 'slides/talk.md': TALK });
    server = await startPresentServer({ root, input: 'slides/talk.md', port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
    const ready = 'html[data-deck-driver=driving][data-deck-view-ready]';
    speaker = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await speaker.goto(server.urls.speaker);
    await speaker.waitForSelector(ready);
    remote = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await remote.goto(server.urls.remote);
    await remote.waitForSelector(ready);
    audience = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await audience.goto(server.urls.audience);
    await audience.waitForSelector('html[data-deck-follow=live]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const everyone = async () => ({ audience: await audienceAt(audience), speaker: await frameAt(speaker), remote: await frameAt(remote) });
  const settled = (h: number) => ({ audience: { h, paused: false }, speaker: { h, paused: false }, remote: { h, paused: false } });

  it('next then back: everyone ends on the first slide', async () => {
    await remote.evaluate(() => {
      document.getElementById('deck-present-next-button')!.click();
      setTimeout(() => document.getElementById('deck-present-prev')!.click(), 1);
    });
    await expect.poll(() => server.live().version).toBeGreaterThanOrEqual(2);
    await expect.poll(everyone).toEqual(settled(0));
    expect(server.live().position).toEqual({ h: 0, v: 0, f: -1 });
  });

  it('black screen on then off: the room is not left dark', async () => {
    const before = server.live().version;
    await remote.evaluate(() => {
      const blackout = document.getElementById('deck-present-blackout')!;
      blackout.click();
      setTimeout(() => blackout.click(), 1);
    });
    await expect.poll(() => server.live().version).toBeGreaterThanOrEqual(before + 2);
    await expect.poll(everyone).toEqual(settled(0));
    expect(server.live().position).toEqual({ h: 0, v: 0, f: -1 });
  });
});
