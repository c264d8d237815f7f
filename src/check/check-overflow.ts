import path from 'node:path';
import type { Browser } from 'playwright-core';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { DeckBundle } from '../export/deck-bundle';
import { slideSize, waitForDeckReady } from '../export/deck-ready';
import { serveBundle } from '../export/page-server';
import { slideFindings } from '../client/measure-slide';
import { packageRoot } from '../package-root';
import { diagramPosition } from './diagram-position';
import { measureSlidesInPage, type SlideMeasure } from './overflow-page';

/**
 * Opens the deck at its configured size (margin 0, so a page pixel is a slide pixel) and
 * reports every slide, vertical ones and fully revealed fragments included, whose content
 * runs past the canvas (see `slideFindings` for what is an error and what a warning).
 */
export async function checkOverflow(browser: Browser, bundle: DeckBundle): Promise<Diagnostic[]> {
  const size = slideSize(bundle.compiled.page.reveal);
  const context = await browser.newContext({ viewport: size });
  try {
    const page = await context.newPage();
    const url = await serveBundle(page, bundle);
    // A page of thousands of slides takes a while to start (reveal.js sets up each slide and its
    // background): wait on the ready signal alone, with time for the deck's size.
    const timeoutMs = 60_000 + 20 * bundle.compiled.slideCount;
    await page.goto(`${url}?margin=0&transition=none&backgroundTransition=none&hash=false&controls=false&progress=false`, { waitUntil: 'commit', timeout: timeoutMs });
    await waitForDeckReady(page, timeoutMs);
    await page.addScriptTag({ path: path.join(packageRoot(), 'lib', 'runtime', 'measure.js') });
    const measures = await page.evaluate(measureSlidesInPage);
    return overflowDiagnostics(measures, bundle, size);
  } finally {
    await context.close();
  }
}

export function overflowDiagnostics(measures: SlideMeasure[], bundle: DeckBundle, size: { width: number; height: number }): Diagnostic[] {
  const slides = new Map(bundle.compiled.deck.stacks.flat().map((s) => [s.key, s]));
  return measures.flatMap((m) => {
    const slide = slides.get(m.key);
    if (!slide) return [];
    return slideFindings(m, size).map((f) => diagnostic(f.code, f.message, f.diagram ? diagramPosition(slide, f.diagram) : { file: slide.file, line: slide.line }, f.severity));
  });
}

export const relativeSource = (root: string) => (file: string, line: number) => `${path.relative(root, file) || file}:${line}`;
