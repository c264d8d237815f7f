import path from 'node:path';
import type { Browser } from 'playwright-core';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { DeckBundle } from '../export/deck-bundle';
import { slideSize, waitForDeckReady } from '../export/deck-ready';
import { serveBundle } from '../export/page-server';
import { measureSlidesInPage, type SlideMeasure } from './overflow-page';

/**
 * Opens the deck at its configured size (margin 0, so a page pixel is a slide pixel) and
 * reports every slide, vertical ones and fully revealed fragments included, whose content
 * runs past the canvas: an error, since the audience never sees it. A block that hides part
 * of its own content (a scrolling code block) is a warning: a presenter may scroll it.
 */
export async function checkOverflow(browser: Browser, bundle: DeckBundle): Promise<Diagnostic[]> {
  const size = slideSize(bundle.compiled.page.reveal);
  const context = await browser.newContext({ viewport: size });
  try {
    const page = await context.newPage();
    const url = await serveBundle(page, bundle);
    await page.goto(`${url}?margin=0&transition=none&backgroundTransition=none&hash=false&controls=false&progress=false`);
    await waitForDeckReady(page);
    const measures = await page.evaluate(measureSlidesInPage);
    return overflowDiagnostics(measures, bundle, size);
  } finally {
    await context.close();
  }
}

export function overflowDiagnostics(measures: SlideMeasure[], bundle: DeckBundle, size: { width: number; height: number }): Diagnostic[] {
  const slides = new Map(bundle.compiled.deck.stacks.flat().map((s) => [s.key, s]));
  const out: Diagnostic[] = [];
  for (const m of measures) {
    const slide = slides.get(m.key);
    if (!slide) continue;
    const at = { file: slide.file, line: slide.line };
    const edges = (['bottom', 'right', 'top', 'left'] as const).filter((e) => m.overflow[e] >= 1).map((e) => `${m.overflow[e]} px at the ${e}`);
    if (edges.length) {
      out.push(diagnostic('slide-overflow', `slide content overflows the ${size.width}×${size.height} canvas by ${edges.join(' and ')}`, at));
    }
    for (const c of m.clipped) {
      out.push(diagnostic('clipped-content', `${c.what} on this slide hides ${c.hidden} px of its content (it would have to be scrolled)`, at, 'warning'));
    }
  }
  return out;
}

export const relativeSource = (root: string) => (file: string, line: number) => `${path.relative(root, file) || file}:${line}`;
