import type { SlideMeasure } from '../client/measure-slide';

export type { SlideMeasure };

/**
 * Evaluated inside a deck's page, after `measure.js` (the bundle of `src/client/measure-slide.ts`)
 * was added to it: shows each slide with all its fragments and measures it. Kept free of imports
 * and module constants, since it is serialised into the page on its own.
 */
export async function measureSlidesInPage(): Promise<SlideMeasure[]> {
  type Deck = {
    getConfig(): { width: unknown };
    getSlides(): HTMLElement[];
    getSlidesElement(): HTMLElement;
    getIndices(slide: HTMLElement): { h: number; v: number };
    slide(h: number, v: number, f?: number): void;
    layout(): void;
    getPlugin(id: string): { loadFonts?: () => Promise<void> } | undefined;
  };
  const w = window as unknown as { Reveal: Deck; deckhandMeasureSlide: (slide: HTMLElement, canvas: HTMLElement, width: number) => SlideMeasure };
  const deck = w.Reveal;
  // Fragments fade and slide in: measure where things end up, not where they are mid-way.
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.appendChild(still);
  await deck.getPlugin('deckhand-ready')?.loadFonts?.(); // src/client/ready-plugin.ts
  const width = Number(deck.getConfig().width);
  const results: SlideMeasure[] = [];
  for (const slide of deck.getSlides()) {
    if (!slide.getAttribute('data-deck-key')) continue;
    const { h, v } = deck.getIndices(slide);
    deck.slide(h, v, Number.MAX_SAFE_INTEGER); // every fragment shown
    deck.layout();
    await Promise.all(Array.from(slide.querySelectorAll('img')).map((img) => img.decode().catch(() => undefined)));
    results.push(w.deckhandMeasureSlide(slide, deck.getSlidesElement(), width));
  }
  deck.slide(0, 0);
  still.remove();
  return results;
}
