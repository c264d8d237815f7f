import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDecks, type DeckBundle } from '../../src/export/deck-bundle';
import { printDeckPdf } from '../../src/export/print-pdf';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { copyFixture } from '../helpers/fixtures';
import { all, parsePage } from '../helpers/html';
import { hasPoppler, pdfInfo, pdfPages } from './pdf-tools';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');

// The basic fixture: 6 slides (one of them vertical); "Fragments" has 2 fragments, "Code steps"
// 1 highlight step and the inline diagram is itself a fragment, so one page per fragment step makes 10 pages. Every slide has notes.
describe.runIf(hasChromium() && hasPoppler())('PDF export', () => {
  let browser: Browser;
  let root: string;
  let bundle: DeckBundle;
  const print = async (name: string, options: { fragments: boolean; notes: boolean }) => {
    const progress: Array<[number, number]> = [];
    const { pdf, pages } = await printDeckPdf(browser, bundle, { ...options, onProgress: (d, t) => progress.push([d, t]) });
    const file = path.join(root, `${name}.pdf`);
    fs.writeFileSync(file, pdf);
    return { file, pages, progress };
  };

  beforeAll(async () => {
    root = copyFixture('basic');
    [bundle] = await bundleDecks(['slides/basic'], { root, chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('prints one page per slide at the deck size, with every fragment shown and every diagram drawn', async () => {
    const { file, pages, progress } = await print('slides', { fragments: false, notes: false });
    const info = pdfInfo(file);
    expect(info.pages).toBe(6);
    expect(pages).toBe(6);
    // 960×700 CSS pixels are 720×525 points.
    expect(info.width).toBeCloseTo(720, 0);
    expect(Math.abs(info.height - 525)).toBeLessThan(1);
    expect(info.title).toBe('Basic fixture');
    const text = pdfPages(file);
    expect(text).toHaveLength(6);
    expect(text[0]).toContain('Welcome');
    expect(text[0]).toContain('Deckhand fixture deck.');
    expect(text[1]).toMatch(/Fragments.*first.*second/);
    expect(text[2]).toContain('Vertical child');
    expect(text[3]).toContain('console.log(a + b);');
    expect(text[4]).toMatch(/Engine.*docker CLI.*dockerd daemon.*containerd/);
    expect(text[5]).toMatch(/Inline diagram.*docker build/);
    // Notes stay out of a plain export.
    expect(text.join(' ')).not.toContain('Say hello');
    expect(progress[0]).toEqual([0, 6]);
    expect(progress.at(-1)).toEqual([6, 6]);
  });

  it('prints one page per fragment step with --fragments', async () => {
    const { file } = await print('fragments', { fragments: true, notes: false });
    expect(pdfInfo(file).pages).toBe(10);
    const text = pdfPages(file);
    expect(text[1]).toContain('Fragments');
    expect(text[1]).not.toContain('first');
    expect(text[2]).toContain('first');
    expect(text[2]).not.toContain('second');
    expect(text[3]).toMatch(/first.*second/);
    expect(text[4]).toContain('Vertical child');
  });

  it('follows each slide with a page of its speaker notes with --notes, after the last fragment step', async () => {
    const { file } = await print('handout', { fragments: false, notes: true });
    const text = pdfPages(file);
    expect(pdfInfo(file).pages).toBe(12);
    expect(text[0]).toContain('Welcome');
    expect(text[1]).toContain('Say hello and introduce the deck.');
    expect(text[1]).toMatch(/Notes · Welcome/i);
    expect(text[3]).toContain('Reveal the two points one by one.');
    expect(text[11]).toContain('A fence diagram.');

    const steps = pdfPages((await print('handout-steps', { fragments: true, notes: true })).file);
    expect(steps).toHaveLength(16);
    expect(steps.slice(2, 6).map((t) => /Reveal the two points/.test(t))).toEqual([false, false, false, true]);
    expect(steps[4]).toMatch(/first.*second/);
  });

  it('draws every diagram before printing when the build left them to the browser', async () => {
    const [deferred] = await bundleDecks(['slides/basic'], { root, chromium: false, cacheDir: path.join(root, '.cache-none'), log: () => {} });
    expect(all(parsePage(deferred.compiled.html), '.deck-diagram[data-deck-pending]')).toHaveLength(2);
    const { pdf } = await printDeckPdf(browser, deferred, { fragments: false, notes: false });
    const file = path.join(root, 'deferred.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdfPages(file);
    expect(text[4]).toMatch(/docker CLI.*dockerd daemon/);
    expect(text[5]).toMatch(/docker build.*docker run/);
  });

  it('runs from the command line and writes <deck>.pdf', () => {
    const env = { ...process.env, DECKHAND_CACHE_DIR: path.join(root, '.cache') }; // diagrams drawn in beforeAll
    const r = spawnSync(process.execPath, [CLI, 'export', 'slides/basic', '--format', 'pdf', '--fragments'], { cwd: root, encoding: 'utf8', env });
    expect(r.stderr).toMatch(/basic: 10 pages → basic\.pdf/);
    expect(r.status).toBe(0);
    expect(pdfInfo(path.join(root, 'basic.pdf')).pages).toBe(10);
    expect(fs.readdirSync(root).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // Exporting again replaces its own PDF without --force (the PDF says who wrote it).
    const again = spawnSync(process.execPath, [CLI, 'export', 'slides/basic', '--format', 'pdf'], { cwd: root, encoding: 'utf8', env });
    expect(again.stderr).toMatch(/basic: 6 pages → basic\.pdf/);
    expect(again.status).toBe(0);
  });
});

describe('PDF export without Chromium', () => {
  it('says how to install Chromium and exits 2', () => {
    const root = copyFixture('basic');
    const r = spawnSync(process.execPath, [CLI, 'export', 'slides/basic', '--format', 'pdf', '--chromium', '/nonexistent/chromium'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PDF export needs Chrome, Chromium or Edge, and there is none at /nonexistent/chromium');
    expect(r.stderr).toContain('apt-get install chromium');
    expect(fs.existsSync(path.join(root, 'basic.pdf'))).toBe(false);
  });

  it('refuses --notes and --fragments for HTML', () => {
    const r = spawnSync(process.execPath, [CLI, 'export', 'x.md', '--notes'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('use them with --format pdf');
  });
});
