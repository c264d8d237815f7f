import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/present-server';
import type { PresentMessage } from '../../src/protocol/present-messages';
import { hasChromium, heldChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';
import { HOLD_FIRST_SOCKET } from '../helpers/held-socket';
import { SimClient, SimDriver } from '../helpers/present-clients';

/** Two diagrams drawn before the last slide's, while the viewer is on that slide. */
const chain = (name: string) => ['```mermaid', 'flowchart TB', ...Array.from({ length: 8 }, (_, i) => `  ${name}${i}[${name} ${i}] --> ${name}${i + 1}[${name} ${i + 1}]`), '```'].join('\n');
const TALK = `---
title: Serve first
---
# Opening

---

## Many steps

${chain('a')}

---

## More steps

${chain('b')}

---

## The engine

- the CLI <!-- .element: class="fragment" -->
- the daemon <!-- .element: class="fragment" -->

![A dot](dot.svg)

\`\`\`mermaid
flowchart LR
  cli[docker CLI] -->|REST| daemon[dockerd]
%% step
  daemon --> containerd
\`\`\`

<details><summary>Description</summary>The CLI talks REST to dockerd, which drives containerd.</details>
`;

type Marked = { marker?: number; Reveal: import('reveal.js').Api };
/** The engine slide's diagram in a page or a frame: drawn yet, where the deck is, and whether the page is still the one marked. */
const look = (target: Page | Frame) =>
  target.evaluate(() => {
    const w = window as unknown as Marked;
    const slot = document.querySelectorAll('.reveal .slides > section')[3].querySelector('.deck-diagram')!;
    const i = w.Reveal.getIndices();
    return { drawn: !!slot.querySelector('svg text, svg tspan') && !slot.hasAttribute('data-deck-drawing'), h: i.h, f: i.f ?? -1, marker: w.marker, visible: document.querySelectorAll('section.present .fragment.visible').length };
  });

/**
 * `deckhand present` with diagrams not in the cache starts at once: the room gets the deck with
 * placeholders, and each diagram is patched into open pages as it is drawn, without a reload:
 * the audience and the speaker view's deck frame stay on the live slide and fragment.
 */
describe.runIf(hasChromium())('deckhand present: serve first, draw later', () => {
  let browser: Browser;
  let server: PresentServer;
  let chromium: ReturnType<typeof heldChromium>;
  const log: string[] = [];

  beforeAll(async () => {
    const root = makeProject({ 'slides/talk.md': TALK, 'slides/dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle cx="4" cy="4" r="4"/></svg>' });
    browser = await launch();
    // Nothing is drawn until the test has looked at the placeholders (a race with the drawing
    // before, which a busy machine could lose).
    chromium = heldChromium(root);
    server = await startPresentServer({ root, input: 'slides/talk.md', port: 0, chromium: chromium.path, cacheDir: path.join(root, '.cache'), log: (l) => log.push(l) });
  });
  afterAll(async () => {
    chromium?.release();
    await server?.close();
    await browser?.close();
  });

  it('patches drawn diagrams into the audience, the speaker view and the remote without a reload, on the live slide and fragment', async () => {
    const first = await (await fetch(server.urls.audience)).text();
    expect(first.match(/data-deck-drawing/g)?.length).toBe(3);
    const errors: string[] = [];
    const audience = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const speaker = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const remote = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const p of [audience, speaker, remote]) p.on('pageerror', (e) => errors.push(e.message));
    await Promise.all([audience.goto(server.urls.audience), speaker.goto(server.urls.speaker), remote.goto(server.urls.remote)]);
    await audience.waitForSelector('html[data-deck-follow=live]');
    await speaker.waitForSelector('html[data-deck-driver=driving][data-deck-view-ready]');
    await remote.waitForSelector('html[data-deck-driver=driving][data-deck-view-ready]');
    // To the engine slide's first fragment, while its diagram is still a placeholder.
    for (let i = 0; i < 4; i++) await speaker.keyboard.press('ArrowRight');
    const frame = (await (await speaker.$('#deck-present-current'))!.contentFrame())!;
    const phone = (await (await remote.$('#deck-present-current'))!.contentFrame())!;
    await expect.poll(() => look(audience)).toMatchObject({ h: 3, f: 0 });
    await expect.poll(() => look(phone)).toMatchObject({ h: 3, f: 0 });
    expect(await look(frame)).toMatchObject({ drawn: false, h: 3, f: 0 });
    expect(await look(phone)).toMatchObject({ drawn: false });
    expect(await look(audience)).toMatchObject({ drawn: false });
    for (const target of [audience, frame, phone]) await target.evaluate(() => ((window as unknown as Marked).marker = 1));
    // Two more pages served now whose sockets connect only once everything is drawn: they ask for
    // what they missed (the room by the count in its page, a view by its frame's).
    const lateRoom = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const lateView = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const p of [lateRoom, lateView]) {
      p.on('pageerror', (e) => errors.push(e.message));
      await p.addInitScript(HOLD_FIRST_SOCKET);
    }
    await Promise.all([lateRoom.goto(server.urls.audience), lateView.goto(server.urls.speaker)]);
    const lateFrame = (await (await lateView.waitForSelector('#deck-present-current'))!.contentFrame())!;
    for (const target of [lateRoom, lateFrame]) {
      await target.waitForFunction(() => (window as unknown as Marked).Reveal?.isReady());
      expect(await look(target)).toMatchObject({ drawn: false });
      await target.evaluate(() => ((window as unknown as Marked).marker = 1));
    }
    for (const p of [lateRoom, lateView]) await expect.poll(() => p.evaluate(() => (window as unknown as { __socketHeld?: boolean }).__socketHeld)).toBe(true);

    chromium.release();
    await audience.waitForFunction(() => !document.querySelector('[data-deck-drawing]'), undefined, { timeout: 60_000 });
    const want = { drawn: true, h: 3, f: 0, marker: 1, visible: 1 };
    expect(await look(audience)).toEqual(want);
    await expect.poll(() => look(frame)).toEqual(want);
    await expect.poll(() => look(phone)).toEqual(want);
    await expect.poll(() => log.some((l) => /talk: diagrams drawn; patched into open pages/.test(l)), { timeout: 60_000 }).toBe(true);
    for (const p of [lateRoom, lateView]) await p.evaluate(() => (window as unknown as { __releaseSocket(): void }).__releaseSocket());
    await expect.poll(() => look(lateRoom)).toMatchObject({ drawn: true, marker: 1 });
    await expect.poll(() => look(lateFrame)).toMatchObject({ drawn: true, marker: 1 });
    // The zoom and accessibility plugins took the patched-in drawing up as one drawn at load.
    const engine = audience.locator('.reveal .slides > section').nth(3).locator('.deck-diagram');
    await expect.poll(() => engine.getAttribute('data-deck-zoom')).not.toBeNull();
    await expect.poll(() => engine.locator(':scope > svg').getAttribute('aria-describedby')).toBeTruthy();
    // Its step is a fragment after the two bullets, in the room and in the speaker's frame alike.
    const stepShown = (target: Page | Frame) => target.evaluate(() => !!document.querySelector('section.present svg [data-deck-step="1"].fragment.visible'));
    expect(await stepShown(audience)).toBe(false);
    for (let i = 0; i < 2; i++) await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => stepShown(frame)).toBe(true);
    await expect.poll(() => stepShown(audience)).toBe(true);
    await expect.poll(() => log.some((l) => /talk: diagrams drawn; patched into open pages/.test(l))).toBe(true);
    expect(log.some((l) => /reload/.test(l))).toBe(false);
    // A page opened now gets the drawn diagrams in its first answer.
    const later = await (await fetch(server.urls.audience)).text();
    expect(later).not.toContain('data-deck-drawing');
    expect(later.match(/<svg/g)?.length).toBe(3);
    expect(errors).toEqual([]);
    await Promise.all([audience, speaker, remote, lateRoom, lateView].map((p) => p.close()));
  });

  it('sends a page served before the drawings the slides it missed: the room its own links, a view its frame markup', async () => {
    // Every drawing done (the first test waits for it too; this one may run alone).
    chromium.release();
    await expect.poll(() => log.some((l) => /diagrams drawn; patched into open pages/.test(l)), { timeout: 60_000 }).toBe(true);
    const room = new SimClient(server.port);
    const hello = (await room.waitFor((m) => m.type === 'hello')) as PresentMessage & { type: 'hello' };
    expect(hello.drawn).toBeGreaterThan(0);
    room.send({ type: 'catch-up', from: 0 });
    const missed = (await room.waitFor((m) => m.type === 'slides')) as PresentMessage & { type: 'slides' };
    expect(missed.drawn).toBe(hello.drawn);
    expect(missed.slides).toHaveLength(3);
    expect(missed.slides.every((s) => /<svg/.test(s.html) && !/data-deck-drawing/.test(s.html))).toBe(true);
    const engine = (slides: Array<{ html: string }>) => slides.find((s) => s.html.includes('The engine'))!.html;
    expect(engine(missed.slides)).toMatch(/<img[^>]* src="assets\/dot-[^"]*\.svg"/);
    // Served after every drawing: nothing to send.
    room.send({ type: 'catch-up', from: hello.drawn });
    const view = new SimDriver(server.port, 'not-the-token');
    await view.claim();
    view.send({ type: 'catch-up', from: 0 });
    const framed = ((await view.waitFor((m) => m.type === 'slides')) as PresentMessage & { type: 'slides' }).slides;
    expect(framed).toHaveLength(3);
    // The frame has an opaque origin and fetches nothing: its images come inline.
    expect(engine(framed)).toMatch(/<img[^>]* src="data:image\/svg\+xml/);
    // Rather than waiting to see that nothing comes: one more request that is answered, after the
    // one that must not be (one socket keeps its order), and only its answer may have arrived.
    room.send({ type: 'catch-up', from: 0 });
    await room.waitFor((m) => m.type === 'slides' && m !== missed);
    expect(room.received.filter((m) => m.type === 'slides').map((m) => m.type === 'slides' && m.slides.length)).toEqual([3, 3]);
    room.close();
    view.close();
  });
});

describe('deckhand present: Chromium that does not start', () => {
  it('leaves the diagrams to the viewers’ browsers and has open pages reload once into that build', async () => {
    const root = makeProject({ 'slides/talk.md': TALK, 'slides/dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>' });
    const log: string[] = [];
    // A program that exits at once stands for a browser that fails to start.
    const server = await startPresentServer({ root, input: 'slides/talk.md', port: 0, chromium: '/bin/false', cacheDir: path.join(root, '.cache'), log: (l) => log.push(l) });
    try {
      const page = new SimClient(server.port);
      const hello = (await page.waitFor((m) => m.type === 'hello')) as PresentMessage & { type: 'hello' };
      await expect.poll(() => log.some((l) => /left to the viewers' browsers; open pages reload once/.test(l)), { timeout: 20_000 }).toBe(true);
      await page.waitFor((m) => m.type === 'hello' && m.session !== hello.session);
      const html = await (await fetch(server.urls.audience)).text();
      expect(html).not.toContain('data-deck-drawing');
      expect(html.match(/data-deck-pending/g)?.length).toBe(3);
      page.close();
    } finally {
      await server.close();
    }
  });
});
