import type { Diagnostic } from '../../protocol/diagnostic';
import { measureSlide, slideFindings } from '../measure-slide';

type RevealApi = import('reveal.js').Api;

// Fragments waiting to appear may sit offset (fade-up and friends): measure them where they land.
const SETTLED = '.reveal .slides section .fragment { transform: none !important; transition: none !important; }';

/** The slide on screen measured against the deck's canvas, as `deckhand check` measures every slide. */
export function checkShownSlide(deck: RevealApi): Diagnostic[] {
  const slide = deck.getCurrentSlide() as HTMLElement | undefined;
  if (!slide) return [];
  const config = deck.getConfig() as { width: number | string; height: number | string };
  const size = { width: Number(config.width), height: Number(config.height) };
  const still = document.createElement('style');
  still.textContent = SETTLED;
  document.head.appendChild(still);
  let measure;
  try {
    measure = measureSlide(slide, deck.getSlidesElement() as HTMLElement, size.width);
  } finally {
    still.remove();
  }
  const [file, line] = splitSource(slide.getAttribute('data-deck-source'));
  return slideFindings(measure, size).map((f) => ({ ...f, file: file || undefined, line: line || undefined, column: line ? 1 : undefined }));
}

/** `data-deck-source="slides/a.md:12"` → `['slides/a.md', 12]`. */
export function splitSource(source: string | null): [string, number] {
  const m = /^(.*):(\d+)$/.exec(source ?? '');
  return m ? [m[1], Number(m[2])] : ['', 0];
}
