import path from 'node:path';
import type { Browser, Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/present-server';
import { hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';
import { SimClient } from '../helpers/present-clients';

/**
 * A deck whose own script (as a plugin or an embedded widget would) reaches for the presenter
 * token and the page around it, and records every message it is sent.
 */
const PROBE = `---
title: Probe talk
---

# Probe

<div id="probe-result">not run</div>
<pre id="probe-messages"></pre>
<script>
(function () {
  var got = {};
  function attempt(name, read) { try { got[name] = String(read()); } catch (e) { got[name] = e.name; } }
  attempt('hash', function () { return parent.location.hash; });
  attempt('document', function () { return parent.document.documentElement.outerHTML; });
  attempt('websocket', function () { return top.WebSocket.prototype.send; });
  document.getElementById('probe-result').textContent = JSON.stringify(got);
  console.log('deck probe ' + JSON.stringify(got));
  var seen = [];
  addEventListener('message', function (e) {
    seen.push(JSON.stringify(e.data));
    document.getElementById('probe-messages').textContent = seen.join('\\n');
  });
})();
</script>

Note:
Opening **notes**, with [a link](javascript:document.title='pwned').

---

## Second

- One <!-- .element: class="fragment" -->
- Two <!-- .element: class="fragment" -->

Note:
Second notes.
`;

type At = { h: number; v: number; f: number };

describe.runIf(hasChromium())('deckhand present: the deck frames of the speaker view are sandboxed', () => {
  let root: string;
  let server: PresentServer;
  let browser: Browser;
  let speaker: Page;
  const requests: Request[] = [];
  const consoleLines: string[] = [];
  const pageErrors: string[] = [];

  const frameOf = async (page: Page, id: string): Promise<Frame> => (await (await page.$(`#${id}`))!.contentFrame())!;
  const frameAt = async (page: Page): Promise<At> =>
    (await frameOf(page, 'deck-present-current')).evaluate(() => {
      const i = (window as unknown as { Reveal: import('reveal.js').Api }).Reveal.getIndices();
      return { h: i.h, v: i.v ?? 0, f: i.f ?? -1 };
    });

  beforeAll(async () => {
    root = makeProject({ 'slides/probe.md': PROBE });
    server = await startPresentServer({ root, input: 'slides/probe.md', port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
    speaker = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    speaker.on('request', (r) => requests.push(r));
    speaker.on('console', (m) => consoleLines.push(m.text()));
    speaker.on('pageerror', (e) => pageErrors.push(e.message));
    await speaker.goto(server.urls.speaker);
    await speaker.waitForSelector('html[data-deck-driver=driving][data-deck-view-ready]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("gives the deck's script a SecurityError for the view's URL, document and WebSocket", async () => {
    const current = await frameOf(speaker, 'deck-present-current');
    const got = JSON.parse(await current.locator('#probe-result').innerText());
    expect(got).toEqual({ hash: 'SecurityError', document: 'SecurityError', websocket: 'SecurityError' });
    expect(consoleLines.filter((l) => l.startsWith('deck probe '))).toHaveLength(2); // the current and the next frame
    expect(await current.evaluate(() => origin)).toBe('null');
    for (const id of ['deck-present-current', 'deck-present-next']) expect(await speaker.getAttribute(`#${id}`, 'sandbox')).toBe('allow-scripts');
  });

  it('drives the talk through the frame, by keys in the view and inside the current slide', async () => {
    await speaker.locator('body').click({ position: { x: 1400, y: 20 } });
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => server.live().position).toEqual({ h: 1, v: 0, f: -1 });
    await expect.poll(() => speaker.locator('#deck-present-notes').innerText()).toContain('Second notes');
    // Focus inside the slide: reveal.js in the frame takes the keys, and the talk follows.
    await speaker.locator('#deck-present-current').click();
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => server.live().position).toEqual({ h: 1, v: 0, f: 0 });
    expect(await frameAt(speaker)).toEqual({ h: 1, v: 0, f: 0 });
    for (let i = 0; i < 3; i++) await speaker.keyboard.press('ArrowLeft');
    await expect.poll(() => server.live().position).toEqual({ h: 0, v: 0, f: -1 });
    await expect.poll(() => speaker.locator('#deck-present-count').innerText()).toBe('1 / 2');
    // Only the first key went through the view; the others were the frame's own.
    const commands = await (await frameOf(speaker, 'deck-present-current')).locator('#probe-messages').innerText();
    expect(commands.match(/"deckhand":"key"/g)).toHaveLength(1);
  });

  it('keeps fast presses in order: no jump back, no echo sent back as a move', async () => {
    await speaker.locator('body').click({ position: { x: 1400, y: 20 } });
    const before = server.live().version;
    // Every move of the talk, as an audience device receives it.
    const audience = new SimClient(server.port);
    await audience.waitFor((m) => m.type === 'position');
    try {
      for (let i = 0; i < 3; i++) await speaker.keyboard.press('ArrowRight');
      await expect.poll(() => server.live().position).toEqual({ h: 1, v: 0, f: 1 });
      expect(await frameAt(speaker)).toEqual({ h: 1, v: 0, f: 1 });
      // Instead of waiting to see that nothing more comes: one more press, and only its move may follow
      // the three. A jump back or an echo of a state the frame was sent would have come in between.
      await speaker.keyboard.press('Home');
      await audience.waitFor((m) => m.type === 'position' && m.version > before && m.position.h === 0);
      const moves = audience.received.flatMap((m) => (m.type === 'position' && m.version > before ? [{ ...m.position, version: m.version }] : []));
      expect(moves).toEqual([
        { h: 1, v: 0, f: -1, version: before + 1 },
        { h: 1, v: 0, f: 0, version: before + 2 },
        { h: 1, v: 0, f: 1, version: before + 3 },
        { h: 0, v: 0, f: -1, version: before + 4 },
      ]);
      expect(server.live()).toEqual({ position: { h: 0, v: 0, f: -1 }, version: before + 4 });
    } finally {
      audience.close();
    }
  });

  it('shows the notes as text and formatting only, even when the frame forges them', async () => {
    const notes = speaker.locator('#deck-present-notes');
    await expect.poll(() => notes.innerText()).toContain('Opening notes');
    expect(await notes.locator('strong').innerText()).toBe('notes');
    expect(await notes.locator('a').count()).toBe(1);
    expect(await notes.locator('a').getAttribute('href')).toBeNull();
    const current = await frameOf(speaker, 'deck-present-current');
    await current.evaluate(() => {
      const snapshot = { position: { h: 0, v: 0, f: -1 }, pastCount: 0, totalSlides: 2, cause: 0, notes: '<b>forged</b><img src="data:," onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>' };
      parent.postMessage({ deckhand: 'state', snapshot }, '*');
    });
    await expect.poll(() => notes.innerText()).toBe('forged');
    expect(await notes.locator('img, script').count()).toBe(0);
    // Had the forged <img> been created anywhere in the page, its onerror would have run before that of
    // an image with the same source created after it: wait for that one instead of a fixed time.
    await speaker.evaluate(() => new Promise((done) => Object.assign(new Image(), { onerror: done, onload: done, src: 'data:,' })));
    expect(await speaker.title()).not.toBe('pwned');
  });

  it('never lets the token into anything the frame can see', async () => {
    for (const id of ['deck-present-current', 'deck-present-next']) {
      const frame = await frameOf(speaker, id);
      const seen = await frame.evaluate(() => [location.href, document.referrer, window.name, document.documentElement.outerHTML].join('\n'));
      expect(seen).toContain('probe-messages');
      expect(seen).not.toContain(server.token);
    }
    // The view's commands reach the deck's own listeners too: they must not carry the token either.
    const messages = async (id: string) => (await frameOf(speaker, id)).locator('#probe-messages').innerText();
    expect(await messages('deck-present-current')).toContain('"deckhand":"key"');
    expect(await messages('deck-present-next')).toContain('"deckhand":"preview"');
    for (const id of ['deck-present-current', 'deck-present-next']) expect(await messages(id)).not.toContain(server.token);
  });

  it('serves the frame page with a CSP sandbox, self-contained: the frames request nothing from the server', async () => {
    const fromFrames = requests.filter((r) => r.frame() !== speaker.mainFrame());
    expect(fromFrames.map((r) => new URL(r.url()).pathname)).toEqual(['/_deckhand/frame.html', '/_deckhand/frame.html']);
    expect(fromFrames.every((r) => r.isNavigationRequest())).toBe(true);
    const response = await fromFrames[0].response();
    expect(response?.headers()['content-security-policy']).toBe('sandbox allow-scripts');
    // Opened on its own, the page is still opaque, and still a working deck.
    const direct = await browser.newPage();
    const loaded: string[] = [];
    direct.on('request', (r) => loaded.push(r.url()));
    await direct.goto(`http://127.0.0.1:${server.port}/_deckhand/frame.html`);
    await direct.waitForSelector('html[data-deck-ready]');
    expect(await direct.evaluate(() => origin)).toBe('null');
    expect(loaded.filter((u) => u.startsWith('http'))).toHaveLength(1);
    await direct.close();
  });

  it('raised no script error in the view', () => {
    expect(pageErrors).toEqual([]);
  });
});
