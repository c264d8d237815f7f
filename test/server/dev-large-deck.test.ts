import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { hasChromium, launch } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

const SLIDES = 300;

/** The bench's deck, smaller: a fragment on every slide, code every 5th, a diagram every 10th. */
function deckText(): string {
  const parts = ['---\ntitle: Large deck\n---\n'];
  for (let i = 1; i <= SLIDES; i++) {
    let body = `## Slide ${i}\n\n- Point one of ${i}\n- Point two <!-- .element: class="fragment" -->\n- Point three <!-- .element: class="fragment" -->\n`;
    if (i % 10 === 0) body += `\n\`\`\`mermaid\nflowchart LR\n  A${i}[Client ${i}] --> B${i}[Daemon]\n\`\`\`\n`;
    else if (i % 5 === 0) body += `\n\`\`\`js\nconst n = ${i};\n\`\`\`\n`;
    parts.push(body);
  }
  return parts.join('\n---\n\n');
}

/**
 * An edit to one slide of a large deck touches that slide only: every other slide keeps its
 * element, its content and its background, untouched (reveal.js's own sync would re-class all
 * of them), and the viewer stays on its slide and fragment step.
 */
describe.runIf(hasChromium())('deckhand dev on a large deck', () => {
  let browser: Browser;
  let server: DevServer;
  let page: Page;
  let file: string;
  let original: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const root = makeProject({ 'slides/large.md': deckText() });
    file = path.join(root, 'slides/large.md');
    original = fs.readFileSync(file, 'utf8');
    // Diagrams are left to the page (no Chromium on the server side): this test is about slides.
    server = await startDevServer({ root, port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}large/#/4/0/1`);
    await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
    await page.locator('button.deck-dev-follow').click(); // stay put whatever is edited
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Marks every slide and its content, and records what changes under the slides and their backgrounds. */
  const watchDeck = () =>
    page.evaluate(() => {
      const w = window as any;
      w.__sections = Array.from(document.querySelectorAll('.reveal .slides section'));
      w.__contents = w.__sections.map((s: Element) => s.firstElementChild);
      w.__backgrounds = Array.from(document.querySelectorAll('.reveal .backgrounds .slide-background'));
      w.__touched = new Set<Element>();
      const observer = new MutationObserver((records) => records.forEach((r) => w.__touched.add(r.target instanceof Element ? r.target : r.target.parentElement)));
      for (const el of Array.from(document.querySelectorAll('.reveal .slides, .reveal .backgrounds'))) observer.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
    });

  /** The slides whose element, content or subtree changed since `watchDeck()`, by heading. */
  const changedSlides = () =>
    page.evaluate(() => {
      const w = window as any;
      const now = Array.from(document.querySelectorAll('.reveal .slides section'));
      const heading = (s: Element) => s.querySelector('h2')?.textContent ?? '?';
      const changed = new Set<string>();
      w.__sections.forEach((s: Element, i: number) => {
        if (now[i] !== s || s.firstElementChild !== w.__contents[i]) changed.add(heading(s));
      });
      for (const el of w.__touched as Set<Element>) {
        const section = el.closest('.reveal .slides section');
        changed.add(section ? heading(section) : `outside a slide: ${el.className}`);
      }
      const backgrounds = Array.from(document.querySelectorAll('.reveal .backgrounds .slide-background'));
      if (backgrounds.length !== w.__backgrounds.length || backgrounds.some((b, i) => b !== w.__backgrounds[i])) changed.add('backgrounds replaced');
      return [...changed].sort();
    });

  const place = () => page.evaluate(() => ({ ...(window as any).Reveal.getIndices(), visible: document.querySelectorAll('.reveal .slides section.present .fragment.visible').length }));

  it('patches the edited slide alone and keeps the viewer on its slide and step', async () => {
    expect(await place()).toMatchObject({ h: 4, v: 0, f: 1, visible: 2 });

    // The slide on screen.
    await watchDeck();
    fs.writeFileSync(file, original.replace('## Slide 5\n', '## Slide 5, edited\n'));
    await expect.poll(() => page.locator('.reveal .slides section.present h2').innerText()).toBe('Slide 5, edited');
    expect(await changedSlides()).toEqual(['Slide 5, edited']);
    expect(await place()).toMatchObject({ h: 4, v: 0, f: 1, visible: 2 });

    // A slide far from the viewer: patched while it is not shown, it stays hidden until visited.
    await watchDeck();
    fs.writeFileSync(file, original.replace('## Slide 5\n', '## Slide 5, edited\n').replace('## Slide 250\n', '## Slide 250, edited\n'));
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('.reveal .slides > section')[249].querySelector('h2')?.textContent)).toBe('Slide 250, edited');
    expect(await changedSlides()).toEqual(['Slide 250, edited']);
    expect(await page.evaluate(() => (document.querySelectorAll('.reveal .slides > section')[249] as HTMLElement).style.display)).toBe('none');
    expect(await place()).toMatchObject({ h: 4, v: 0, f: 1, visible: 2 });

    // The patched fragments still step, there and on the slide on screen.
    await page.evaluate(() => (window as any).Reveal.slide(249, 0, 0));
    expect(await page.locator('.reveal .slides section.present h2').innerText()).toBe('Slide 250, edited');
    expect(await place()).toMatchObject({ h: 249, f: 0, visible: 1 });
    await page.evaluate(() => (window as any).Reveal.next());
    expect(await place()).toMatchObject({ h: 249, f: 1, visible: 2 });
    expect(pageErrors).toEqual([]);
  });
});
