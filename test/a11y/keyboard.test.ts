import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/present-server';
import { startDevServer } from '../../src/server/dev-server';
import { lanAddresses } from '../../src/server/host-names';
import { openDevPageWithFinding } from '../helpers/dev-finding';
import { hasChromium, launch } from '../helpers/chromium';
import { copyFixture, makeProject } from '../helpers/fixtures';
import { TALK } from '../helpers/present-deck';

/** What has the keyboard focus: the element's id, else its first class, and whether its focus ring shows. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: 'body', ring: false };
    const s = getComputedStyle(el);
    const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    return { name: el.id ? `#${el.id}` : `.${el.classList[0] ?? el.tagName.toLowerCase()}`, ring };
  });

/**
 * Presses Tab (or Shift+Tab) until `name` has the focus, and returns what was focused on the way:
 * the order a keyboard user meets the controls in. Fails if it is not reached in `max` presses.
 */
async function tabTo(page: Page, name: string, { back = false, max = 30 } = {}): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (seen[seen.length - 1] !== f.name) seen.push(f.name);
    if (f.name === name) {
      expect(f.ring, `${name} shows a focus ring`).toBe(true);
      return seen;
    }
  }
  throw new Error(`Tab never reached ${name}; it went through ${seen.join(' → ')}`);
}

/** Whether `later` comes after every one of `earlier` in a Tab sequence. */
const inOrder = (seen: string[], names: string[]) => names.map((n) => seen.indexOf(n)).every((i, k, all) => i >= 0 && (k === 0 || i > all[k - 1]));

/**
 * Every control of the dev page, the speaker view, the phone remote and the audience page,
 * driven with the keyboard alone (`keyboard.press` only): reached with Tab in order, a focus
 * ring shown, Enter and Space press it (and do not move the deck), Escape closes what opened.
 */
describe.runIf(hasChromium())('keyboard only: every view', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('dev page: Follow edits, the check panel and its findings, the error overlay', async () => {
    const root = copyFixture('basic');
    const server = await startDevServer({ root, port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const at = () => page.evaluate(() => (window as any).Reveal.getIndices().h as number);
    try {
      const { chapter, text } = await openDevPageWithFinding(page, server.url, root);
      // The edit is in (Follow edits has brought the page to it) before the keys move on.
      await page.locator('.reveal .slides > section:first-child img').waitFor();
      // To the third slide (the second one steps through its two fragments first).
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(at).toBe(2);

      // Follow edits, then the check button: after the deck's own controls, in the page's order.
      const seen = await tabTo(page, '.deck-dev-checks');
      expect(inOrder(seen, ['.deck-dev-follow', '.deck-dev-checks']), seen.join(' → ')).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).name).toBe('.deck-dev-follow');
      const follow = page.locator('button.deck-dev-follow');
      await page.keyboard.press('Enter');
      expect(await follow.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press(' ');
      expect(await follow.getAttribute('aria-pressed')).toBe('true');
      expect(await at()).toBe(2); // Space pressed the button, it did not turn the slide

      // The check panel: Space opens it, Tab reaches a finding, Enter goes to its slide.
      await page.keyboard.press('Tab');
      await page.keyboard.press(' ');
      expect(await page.locator('button.deck-dev-checks').getAttribute('aria-expanded')).toBe('true');
      // Tab to the missing alt text finding (the list may hold others, e.g. about this slide).
      const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
      for (let i = 0; i < 10 && !/alt text/.test(await focusedText()); i++) {
        await page.keyboard.press('Tab');
        expect(await focused(page)).toEqual({ name: '.deck-dev-check', ring: true });
      }
      expect(await focusedText()).toMatch(/01-intro\.md:\d+:\d+ warning: .*alt text/);
      await page.keyboard.press('Enter');
      await expect.poll(at).toBe(0);
      // Escape closes the list and gives the focus back to its button (and opens no overview).
      await page.keyboard.press('Escape');
      expect(await page.locator('.deck-dev-checks-list').isVisible()).toBe(false);
      expect((await focused(page)).name).toBe('.deck-dev-checks');
      expect(await page.evaluate(() => (window as any).Reveal.isOverview())).toBe(false);

      // The error overlay: first in the Tab order, its button hides it; Escape hides it too.
      fs.writeFileSync(chapter, text.replace('title: Basic fixture', 'title: [Basic fixture'));
      const overlay = page.locator('.deck-dev-overlay');
      await overlay.waitFor();
      await tabTo(page, '.deck-dev-overlay-close', { back: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => overlay.count()).toBe(0);
      fs.writeFileSync(chapter, text.replace('title: Basic fixture', 'title: {Basic fixture'));
      await overlay.waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => overlay.count()).toBe(0);
      expect(await page.evaluate(() => (window as any).Reveal.isOverview())).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  describe('a talk', () => {
    let server: PresentServer;
    const pages: Page[] = [];
    const open = async (url: string, ready: string, viewport: { width: number; height: number }, phone = false, sent: string[] = []) => {
      const page = await browser.newPage({ viewport, isMobile: phone, hasTouch: phone });
      pages.push(page);
      page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
      await page.goto(url);
      await page.waitForSelector(ready);
      return page;
    };
    const DRIVING = 'html[data-deck-driver=driving][data-deck-view-ready]';
    const shared = lanAddresses().length > 0;

    beforeAll(async () => {
      const root = makeProject({ 'slides/talk.md': TALK });
      // On all addresses (when this machine has one on a network) the speaker view offers the phone remote.
      server = await startPresentServer({ root, input: 'slides/talk.md', host: shared ? '0.0.0.0' : '127.0.0.1', port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    });
    afterAll(async () => {
      await Promise.all(pages.map((p) => p.close()));
      await server?.close();
    });

    it('speaker view: timer reset, phone remote, notes size (remembered), in that order', async () => {
      const sent: string[] = [];
      const speaker = await open(server.urls.speaker, DRIVING, { width: 1440, height: 900 }, false, sent);
      const count = speaker.locator('#deck-present-count');
      const size = speaker.locator('#deck-present-notes-size');

      const seen = await tabTo(speaker, '#deck-present-notes-larger');
      const remoteButton = shared ? ['#deck-present-remote'] : [];
      expect(inOrder(seen, ['#deck-present-reset', ...remoteButton, '#deck-present-current', '#deck-present-notes-smaller', '#deck-present-notes-larger']), seen.join(' → ')).toBe(true);

      // Notes size: Enter and Space on "A+", the - key anywhere; the deck does not move.
      const fontSize = () => speaker.locator('#deck-present-notes').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      const before = await fontSize();
      await speaker.keyboard.press('Enter');
      await speaker.keyboard.press(' ');
      expect(await size.innerText()).toBe('130 %');
      expect(await fontSize()).toBeCloseTo(before * 1.3, 1);
      await speaker.keyboard.press('-');
      expect(await size.innerText()).toBe('115 %');
      expect(await count.innerText()).toBe('1 / 6');

      // The timer: Reset with Enter sends the reset.
      await tabTo(speaker, '#deck-present-reset', { back: true });
      await speaker.keyboard.press('Enter');
      await expect.poll(() => sent.some((f) => f.includes('"reset-timer"'))).toBe(true);

      // The phone remote's dialog: Space opens it with the focus inside, Escape closes it and
      // gives the focus back (offered only when the talk is reachable from a phone).
      if (shared) await phoneRemoteDialog(speaker);
      expect(await count.innerText()).toBe('1 / 6');

      // Remembered: a reload keeps the size.
      await speaker.reload();
      await speaker.waitForSelector(DRIVING);
      expect(await size.innerText()).toBe('115 %');
    });

    const phoneRemoteDialog = async (speaker: Page) => {
      await speaker.keyboard.press('Tab');
      expect((await focused(speaker)).name).toBe('#deck-present-remote');
      await speaker.keyboard.press(' ');
      await expect.poll(() => speaker.locator('#deck-present-remote-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      expect(await speaker.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
      await speaker.keyboard.press('Escape');
      await expect.poll(() => speaker.locator('#deck-present-remote-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
      expect((await focused(speaker)).name).toBe('#deck-present-remote');
    };

    it('phone remote: notes size, black screen, previous and next', async () => {
      const remote = await open(server.urls.remote, DRIVING, { width: 390, height: 844 }, true);
      const count = remote.locator('#deck-present-count');
      const seen = await tabTo(remote, '#deck-present-next-button');
      expect(inOrder(seen, ['#deck-present-notes-smaller', '#deck-present-notes-larger', '#deck-present-blackout', '#deck-present-prev', '#deck-present-next-button']), seen.join(' → ')).toBe(true);
      await tabTo(remote, '#deck-present-notes-smaller', { back: true });
      await remote.keyboard.press('Enter');
      expect(await remote.locator('#deck-present-notes-size').innerText()).toBe('90 %');
      await remote.reload();
      await remote.waitForSelector(DRIVING);
      expect(await remote.locator('#deck-present-notes-size').innerText()).toBe('90 %');
      await tabTo(remote, '#deck-present-next-button');
      await remote.keyboard.press('Enter');
      await expect.poll(() => count.innerText()).toBe('2 / 6');
      await remote.keyboard.press(' '); // the first of three points: same slide
      await remote.keyboard.press('Shift+Tab');
      expect((await focused(remote)).name).toBe('#deck-present-prev');
      await remote.keyboard.press('Enter');
      await remote.keyboard.press('Enter');
      await expect.poll(() => count.innerText()).toBe('1 / 6');
      await remote.keyboard.press('Shift+Tab');
      await remote.keyboard.press(' ');
      await expect.poll(() => remote.locator('#deck-present-blackout').getAttribute('aria-pressed')).toBe('true');
      await remote.keyboard.press('Enter');
      await expect.poll(() => remote.locator('#deck-present-blackout').getAttribute('aria-pressed')).toBe('false');
    });

    it('audience page: browse away, then Back to live with Enter or Space', async () => {
      const audience = await open(server.urls.audience, 'html[data-deck-follow=live]', { width: 1280, height: 720 });
      const state = () => audience.evaluate(() => document.documentElement.dataset.deckFollow);
      const at = () => audience.evaluate(() => (window as any).Reveal.getIndices().h as number);
      // The remote's test ended by lifting the black screen: the room follows once the server has it.
      await expect.poll(() => audience.evaluate(() => (window as any).Reveal.isPaused())).toBe(false);
      for (const key of ['Enter', ' ']) {
        await audience.keyboard.press('ArrowRight');
        await audience.keyboard.press('ArrowRight');
        await expect.poll(state).toBe('browsing');
        await tabTo(audience, '.deck-follow-live');
        await audience.keyboard.press(key);
        await expect.poll(state).toBe('live');
        expect(await at()).toBe(0);
        await audience.keyboard.press('Shift+Tab');
      }
    });
  });
});
