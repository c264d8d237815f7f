import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/present-server';
import type { SlidePosition } from '../../src/protocol/present-messages';
import { hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';
import { SimDriver } from '../helpers/present-clients';
import { TALK } from '../helpers/present-deck';

type At = { h: number; v: number; f: number };
const at = (page: Page): Promise<At> =>
  page.evaluate(() => {
    const i = (window as any).Reveal.getIndices();
    return { h: i.h, v: i.v ?? 0, f: i.f ?? -1 };
  });
/** Where the deck inside a speaker view or remote is (read by Playwright: the view itself cannot reach its sandboxed frame). */
const frameAt = async (page: Page): Promise<At> => {
  const frame = await (await page.$('#deck-present-current'))!.contentFrame();
  return frame!.evaluate(() => {
    const i = window.Reveal.getIndices();
    return { h: i.h, v: i.v ?? 0, f: i.f ?? -1 };
  });
};

declare global {
  interface Window {
    Reveal: import('reveal.js').Api;
  }
}

/**
 * Each test starts its own talk (a fresh project, so no saved session carries over) at the first
 * slide, opens the pages it needs, and moves the talk where it starts with `goLive`.
 */
describe.runIf(hasChromium())('deckhand present: speaker view, remote and audience in Chromium', () => {
  let browser: Browser;
  let root: string;
  let server: PresentServer;
  let pageErrors: string[];
  /** What each page received over its WebSocket, in order. */
  let frames: Map<Page, string[]>;
  const opened: Page[] = [];

  const start = (port = 0) => startPresentServer({ root, input: 'slides/talk.md', port, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
  const open = async (url: string, options: { viewport?: { width: number; height: number }; phone?: boolean; beforeLoad?: (p: Page) => Promise<void> } = {}) => {
    const { viewport = { width: 1280, height: 800 }, phone = false } = options;
    const page = await browser.newPage({ viewport, isMobile: phone, hasTouch: phone });
    opened.push(page);
    const received: string[] = [];
    frames.set(page, received);
    page.on('pageerror', (e) => pageErrors.push(`${url}: ${e.message}`));
    page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(String(f.payload))));
    await options.beforeLoad?.(page);
    await page.goto(url);
    return page;
  };
  const openAudience = async (query = '') => {
    const page = await open(server.urls.audience + query, { viewport: { width: 1280, height: 720 } });
    await page.waitForSelector('html[data-deck-follow=live]');
    return page;
  };
  const openSpeaker = async (beforeLoad?: (p: Page) => Promise<void>) => {
    const page = await open(server.urls.speaker, { viewport: { width: 1440, height: 900 }, beforeLoad });
    await page.waitForSelector('html[data-deck-driver=driving][data-deck-view-ready]');
    // Keys go to the view, not to a frame inside it.
    await page.locator('body').click({ position: { x: 1400, y: 20 } });
    return page;
  };
  const openRemote = async (beforeLoad?: (p: Page) => Promise<void>) => {
    const page = await open(server.urls.remote, { viewport: { width: 390, height: 844 }, phone: true, beforeLoad });
    await page.waitForSelector('html[data-deck-driver=driving][data-deck-view-ready]');
    return page;
  };
  /** The audience, the speaker view and the remote, as in a talk. */
  const openTalk = async () => {
    const [audience, speaker, remote] = await Promise.all([openAudience(), openSpeaker(), openRemote()]);
    const expectAll = async (want: At) => {
      await expect.poll(() => at(audience)).toEqual(want);
      await expect.poll(() => frameAt(speaker)).toEqual(want);
      await expect.poll(() => frameAt(remote)).toEqual(want);
    };
    return { audience, speaker, remote, expectAll };
  };
  /** Moves the talk as another presenter's device would (the server broadcasts it to every page). */
  const goLive = async (position: SlidePosition) => {
    const driver = new SimDriver(server.port, server.token);
    try {
      expect((await driver.claim()).type).toBe('driver');
      expect((await driver.go(position)).type).toBe('accepted');
    } finally {
      driver.close();
    }
  };
  /** The live positions a page was sent from the `from`-th frame on. */
  const positionsSent = (page: Page, from = 0) =>
    frames
      .get(page)!
      .slice(from)
      .map((f) => JSON.parse(f))
      .filter((m) => m.type === 'position')
      .map((m) => m.position);

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    root = makeProject({ 'slides/talk.md': TALK });
    server = await start();
    pageErrors = [];
    frames = new Map();
  });
  afterEach(async () => {
    try {
      // No script error in any page the test opened.
      expect(pageErrors).toEqual([]);
    } finally {
      await Promise.all(opened.splice(0).map((p) => p.close()));
      await server?.close();
    }
  });

  it('shows the speaker the notes, the elapsed timer, the clock, pacing and the next step', async () => {
    // The clocks of the speaker view and the remote are the test's: time moves only when the test
    // says so. On a real clock the remote would show the reset's 0:00 for one second only, which a
    // busy machine can let pass before the test looks.
    const speaker = await openSpeaker((p) => p.clock.install());
    const remote = await openRemote((p) => p.clock.install());
    expect(await speaker.locator('#deck-present-notes').innerText()).toContain('Say hello');
    expect(await speaker.locator('#deck-present-count').innerText()).toBe('1 / 6');
    expect(await speaker.locator('#deck-present-clock').innerText()).toMatch(/\d{1,2}:\d{2}/);
    // The next step after the title is the slide with three (hidden) points.
    await expect.poll(() => speaker.frameLocator('#deck-present-next').locator('section.present h2').innerText()).toBe('Three points');
    expect(await remote.locator('#deck-present-notes').innerText()).toContain('Say hello');
    expect(await remote.locator('#deck-present-elapsed').isVisible()).toBe(true);

    const elapsed = speaker.locator('#deck-present-elapsed');
    await speaker.clock.pauseAt((await speaker.evaluate(() => Date.now())) + 1000);
    await remote.clock.pauseAt((await remote.evaluate(() => Date.now())) + 1000);
    // The timer started when the speaker view took control; how long ago that was depends on how
    // fast the pages above opened. Ten seconds on the clock are ten more on the timer, exactly.
    const paused = seconds(await elapsed.innerText());
    await speaker.clock.runFor(10_000);
    expect(await elapsed.innerText()).toBe(formatSeconds(paused + 10));
    // Reset: the server's timer starts again from zero, for every view.
    await speaker.locator('#deck-present-reset').click();
    await expect.poll(() => speaker.locator('#deck-present-elapsed').innerText()).toBe('0:00');
    await expect.poll(() => remote.locator('#deck-present-elapsed').innerText()).toBe('0:00');
    await speaker.clock.runFor(5000);
    expect(await speaker.locator('#deck-present-elapsed').innerText()).toBe('0:05');
    const pacing = speaker.locator('#deck-present-pacing');
    expect(await pacing.isVisible()).toBe(true);
    // totalTime 600 s less the 90 s slide, shared by the other five: 102 s for the first slide.
    expect(await pacing.innerText()).toBe('On track · 1:37 left for this slide');
    expect(await pacing.getAttribute('data-pace')).toBe('on-track');
  });

  it('moves the audience and the remote to the same slide and fragment when the speaker navigates', async () => {
    const { audience, speaker, remote, expectAll } = await openTalk();
    for (let i = 0; i < 3; i++) await speaker.keyboard.press('ArrowRight');
    await expectAll({ h: 1, v: 0, f: 1 });
    expect(await audience.locator('section.present .fragment.visible').count()).toBe(2);
    expect(await remote.locator('#deck-present-notes').innerText()).toContain('Reveal the points');
    await expect.poll(() => speaker.frameLocator('#deck-present-next').locator('section.present .fragment.visible').count()).toBe(3);
    expect(await audience.getAttribute('html', 'data-deck-follow')).toBe('live');
  });

  it('moves everyone when the presenter taps next or swipes on the remote', async () => {
    const { speaker, remote, expectAll } = await openTalk();
    await goLive({ h: 1, v: 0, f: 1 });
    await expectAll({ h: 1, v: 0, f: 1 });
    await remote.locator('#deck-present-next-button').tap();
    await expectAll({ h: 1, v: 0, f: 2 });
    await remote.locator('#deck-present-next-button').tap();
    await expectAll({ h: 2, v: 0, f: -1 });
    await remote.locator('#deck-present-next-button').tap(); // into the vertical slide below
    await expectAll({ h: 2, v: 1, f: -1 });
    expect(await speaker.locator('#deck-present-notes').innerText()).toContain('The vertical child');
    await swipe(remote, 300, 100); // right to left: next
    await expectAll({ h: 3, v: 0, f: -1 });
    await swipe(remote, 100, 300);
    await expectAll({ h: 2, v: 1, f: -1 });
    await remote.locator('#deck-present-prev').tap();
    await expectAll({ h: 2, v: 0, f: -1 });
  });

  it('blacks out the room with the speaker (B) or the remote, and brings the slide back', async () => {
    const { audience, speaker, remote, expectAll } = await openTalk();
    await goLive({ h: 2, v: 0, f: -1 });
    await expectAll({ h: 2, v: 0, f: -1 });
    const paused = (p: Page) => p.evaluate(() => window.Reveal.isPaused());
    await speaker.keyboard.press('b');
    await expect.poll(() => paused(audience)).toBe(true);
    expect(server.live().position).toEqual({ h: 2, v: 0, f: -1, paused: true });
    await expect.poll(() => remote.locator('#deck-present-blackout').getAttribute('aria-pressed')).toBe('true');
    await remote.locator('#deck-present-next-button').tap(); // the first tap after a blackout brings the slide back
    await expect.poll(() => paused(audience)).toBe(false);
    await expectAll({ h: 2, v: 0, f: -1 });
    await remote.locator('#deck-present-blackout').tap();
    await expect.poll(() => paused(audience)).toBe(true);
    await remote.locator('#deck-present-blackout').tap();
    await expect.poll(() => paused(audience)).toBe(false);
    expect(server.live().position).toEqual({ h: 2, v: 0, f: -1 });
  });

  it('lets a viewer browse without moving anyone, then re-join the live slide with one click', async () => {
    const { audience, speaker, remote, expectAll } = await openTalk();
    await goLive({ h: 2, v: 0, f: -1 });
    await expectAll({ h: 2, v: 0, f: -1 });
    await audience.keyboard.press('ArrowLeft');
    await audience.keyboard.press('ArrowLeft');
    expect(await at(audience)).not.toEqual({ h: 2, v: 0, f: -1 });
    const button = audience.locator('button.deck-follow-live');
    await expect.poll(() => button.innerText()).toBe('Back to live ▸ slide 3');
    expect(await audience.getAttribute('html', 'data-deck-follow')).toBe('browsing');
    // The speaker moves on; the browsing viewer is left where they are, and the button says where live is.
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => frameAt(remote)).toEqual({ h: 3, v: 0, f: -1 });
    await expect.poll(() => button.innerText()).toBe('Back to live ▸ slide 4');
    expect(server.live().position).toEqual({ h: 3, v: 0, f: -1 });
    expect((await at(audience)).h).toBeLessThan(2);
    await button.click();
    await expect.poll(() => at(audience)).toEqual({ h: 3, v: 0, f: -1 });
    expect(await audience.getAttribute('html', 'data-deck-follow')).toBe('live');
    expect(await button.innerText()).toBe('● Live');
  });

  it('refuses a command forged in the audience page, which never receives the token', async () => {
    const { audience, speaker, expectAll } = await openTalk();
    await goLive({ h: 3, v: 0, f: -1 });
    await expectAll({ h: 3, v: 0, f: -1 });
    const before = frames.get(audience)!.length;
    const answer = await audience.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/_deckhand/ws`);
          ws.onopen = () => ws.send(JSON.stringify({ type: 'go', token: 'x'.repeat(32), seq: 99, position: { h: 0, v: 0, f: -1 } }));
          ws.onmessage = (e) => JSON.parse(e.data).type === 'refused' && (resolve(e.data), ws.close());
        }),
    );
    expect(JSON.parse(answer)).toMatchObject({ type: 'refused', reason: 'token' });
    expect(server.live().position).toEqual({ h: 3, v: 0, f: -1 });
    // The speaker's next move is the first position anyone is sent after the forgery.
    await speaker.keyboard.press('ArrowRight');
    await expectAll({ h: 4, v: 0, f: -1 });
    // (The forging socket itself is sent the live slide when it connects.)
    const sent = positionsSent(audience, before);
    expect(sent.at(-1)).toEqual({ h: 4, v: 0, f: -1 });
    expect(sent.filter((p) => p.h !== 3 && p.h !== 4)).toEqual([]);
    expect(frames.get(audience)!.length).toBeGreaterThan(3);
    expect(frames.get(audience)!.join('\n')).not.toContain(server.token);
    expect(await audience.content()).not.toContain(server.token);
  });

  it('refuses control to a speaker view or remote opened without the token', async () => {
    const { audience, speaker, expectAll } = await openTalk();
    await goLive({ h: 3, v: 0, f: -1 });
    await expectAll({ h: 3, v: 0, f: -1 });
    const stranger = await open(server.urls.speaker.replace(/#.*/, ''));
    await stranger.waitForSelector('html[data-deck-driver=refused][data-deck-view-ready]');
    expect(await stranger.locator('#deck-present-status').innerText()).toBe('Read-only');
    expect(await stranger.locator('#deck-present-refused').innerText()).toContain('no valid presenter token');
    expect(await speaker.locator('#deck-present-refused').isVisible()).toBe(false);
    await expect.poll(() => frameAt(stranger)).toEqual({ h: 3, v: 0, f: -1 });
    const before = frames.get(audience)!.length;
    await stranger.locator('body').click({ position: { x: 1200, y: 20 } });
    await stranger.keyboard.press('ArrowRight');
    await stranger.keyboard.press('ArrowRight');
    await expect.poll(() => frameAt(stranger)).toEqual({ h: 3, v: 0, f: -1 }); // back to where the talk is
    // The speaker's next move is the first position anyone is sent after the stranger's keys.
    await speaker.keyboard.press('ArrowRight');
    await expectAll({ h: 4, v: 0, f: -1 });
    expect(positionsSent(audience, before)).toEqual([{ h: 4, v: 0, f: -1 }]);
    const wrong = await open(server.urls.remote.replace(/token=.*/, 'token=' + 'y'.repeat(32)), { viewport: { width: 390, height: 844 }, phone: true });
    await wrong.waitForSelector('html[data-deck-driver=refused]');
    expect(await wrong.locator('#deck-present-next-button').isDisabled()).toBe(true);
  });

  it('sends a viewer who joins late straight to the live slide', async () => {
    await goLive({ h: 3, v: 0, f: -1 });
    const late = await openAudience('#/0');
    await expect.poll(() => at(late)).toEqual({ h: 3, v: 0, f: -1 });
  });

  it('shows no live mark on the projector (?projector), only the way back after someone browsed there', async () => {
    await goLive({ h: 3, v: 0, f: -1 });
    const projector = await openAudience('?projector');
    await expect.poll(() => at(projector)).toEqual({ h: 3, v: 0, f: -1 });
    const button = projector.locator('button.deck-follow-live');
    expect(await button.isVisible()).toBe(false);
    await projector.keyboard.press('ArrowLeft');
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => button.isVisible()).toBe(false);
    expect(await at(projector)).toEqual({ h: 3, v: 0, f: -1 });
  });

  it('brings every page back to the live slide when the server restarts', async () => {
    const { audience, speaker, remote, expectAll } = await openTalk();
    await goLive({ h: 3, v: 0, f: -1 });
    await expectAll({ h: 3, v: 0, f: -1 });
    const { port } = server;
    await server.close();
    await audience.waitForSelector('html[data-deck-follow=offline]');
    await speaker.waitForSelector('html[data-deck-driver=offline]');
    server = await start(port);
    await audience.waitForSelector('html[data-deck-follow=live]', { timeout: 15_000 });
    await speaker.waitForSelector('html[data-deck-driver=driving]', { timeout: 15_000 });
    await remote.waitForSelector('html[data-deck-driver=driving]', { timeout: 15_000 });
    await expectAll({ h: 3, v: 0, f: -1 });
    await speaker.keyboard.press('ArrowRight');
    await expectAll({ h: 4, v: 0, f: -1 });
  });
});

/** A timer's m:ss as seconds, and back. */
const seconds = (shown: string): number => {
  const m = /^(\d+):(\d{2})$/.exec(shown);
  if (!m) throw new Error(`not a timer under an hour: ${shown}`);
  return Number(m[1]) * 60 + Number(m[2]);
};
const formatSeconds = (s: number): string => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** A one-finger horizontal swipe across the page, as a phone sends it. */
function swipe(page: Page, fromX: number, toX: number): Promise<void> {
  return page.evaluate(
    ([a, b]) => {
      const touch = (x: number) => new Touch({ identifier: 1, target: document.body, clientX: x, clientY: 500 });
      document.body.dispatchEvent(new TouchEvent('touchstart', { touches: [touch(a)], changedTouches: [touch(a)], bubbles: true }));
      document.body.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(b)], bubbles: true }));
    },
    [fromX, toX],
  );
}
