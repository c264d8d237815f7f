import type { Browser } from 'playwright-core';
import type { DeckBundle } from './deck-bundle';
import { slideSize, waitForDeckReady } from './deck-ready';
import { mergePdfs } from './merge-pdf';
import { serveBundle } from './page-server';
import { preparePrintPagesInPage, showPrintPagesInPage } from './print-page';

export interface PrintOptions {
  /** One page per fragment step (reveal.js's pdfSeparateFragments) instead of every fragment shown. */
  fragments: boolean;
  /** A page of speaker notes after each slide that has notes. */
  notes: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Handout notes pages: the theme's type at a reading size, under the slide's heading. */
const PRINT_CSS = `
html.reveal-print .reveal .speaker-notes-pdf[data-layout="separate-page"] {
  box-sizing: border-box; padding: 56px 64px; font-family: var(--r-main-font, sans-serif);
  font-size: 24px; line-height: 1.45; text-align: left;
}
html.reveal-print .reveal .speaker-notes-pdf[data-layout="separate-page"]::before { content: none; }
html.reveal-print .reveal .speaker-notes-pdf .deck-notes-heading {
  margin: 0 0 24px; font-size: 18px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; opacity: 0.7;
}`;

/**
 * Prints a deck with reveal.js's own print view: one page per slide at the deck's size
 * (margin 0), every fragment shown unless `fragments` asks for one page per step. Pages are
 * printed a few at a time, so progress is real; the parts are then joined into one PDF.
 */
export async function printDeckPdf(browser: Browser, bundle: DeckBundle, options: PrintOptions): Promise<{ pdf: Uint8Array; pages: number }> {
  const size = slideSize(bundle.compiled.page.reveal);
  const context = await browser.newContext({ viewport: size });
  try {
    const page = await context.newPage();
    const url = await serveBundle(page, bundle);
    await page.goto(url + printQuery(options));
    await waitForDeckReady(page);
    const margin = typeof bundle.compiled.page.reveal.margin === 'number' ? bundle.compiled.page.reveal.margin : 0.04;
    const total = await page.evaluate(preparePrintPagesInPage, { css: PRINT_CSS, scale: 1 / (1 + Math.max(0, margin)), pageHeight: size.height });
    const step = printStep(total);
    const parts: Uint8Array[] = [];
    options.onProgress?.(0, total);
    for (let from = 0; from < total; from += step) {
      const to = Math.min(total, from + step);
      await page.evaluate(showPrintPagesInPage, { from, to });
      parts.push(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false }));
      options.onProgress?.(to, total);
    }
    return await mergePdfs(parts, { title: bundle.compiled.title });
  } finally {
    await context.close();
  }
}

/**
 * reveal.js reads options from the query string too: its print view, at margin 0 so a page is
 * exactly the slide, never more than one page for a slide (overflow is `deckhand check`'s job),
 * fragments and notes as asked.
 */
export function printQuery(options: Pick<PrintOptions, 'fragments' | 'notes'>): string {
  const params = [
    'print-pdf',
    'margin=0',
    'pdfMaxPagesPerSlide=1',
    `pdfSeparateFragments=${options.fragments}`,
    `showNotes=${options.notes ? 'separate-page' : 'false'}`,
    'transition=none',
  ];
  return `?${params.join('&')}`;
}

/**
 * Pages per print call. Each call costs a little more than its pages (about 35 ms on a 2-core
 * machine), so about twenty calls: the bar moves smoothly and a 200-page deck pays well under a second.
 */
export function printStep(total: number): number {
  return Math.max(4, Math.ceil(total / 20));
}
