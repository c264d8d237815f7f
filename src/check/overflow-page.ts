import type { SlideMeasure } from '../client/measure-slide';

export type { SlideMeasure };

/**
 * Evaluated inside a deck's page, after `measure.js` (the bundle of `src/client/measure-entry.ts`)
 * was added to it: shows each slide with all its fragments and measures it, in time linear in
 * the number of slides (see `src/client/measure-deck.ts`). Kept free of imports and module
 * constants, since it is serialised into the page on its own.
 */
export async function measureSlidesInPage(): Promise<SlideMeasure[]> {
  type Deck = { getPlugin(id: string): { loadFonts?: () => Promise<void> } | undefined };
  const w = window as unknown as { Reveal: Deck; deckhandMeasureDeck: (deck: Deck) => Promise<SlideMeasure[]> };
  // Fragments fade and slide in: measure where things end up, not where they are mid-way.
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.appendChild(still);
  try {
    await w.Reveal.getPlugin('deckhand-ready')?.loadFonts?.(); // src/client/ready-plugin.ts
    return await w.deckhandMeasureDeck(w.Reveal);
  } finally {
    still.remove();
  }
}
