import type Reveal from 'reveal.js';

/**
 * Marks the page ready once reveal.js is ready, fonts are loaded and every diagram on the
 * current slide is drawn: exporters and tests wait for this signal, not for network idle.
 */
export function ReadyPlugin() {
  return {
    id: 'deckhand-ready',
    init(deck: Reveal.Api) {
      deck.on('ready', async () => {
        await document.fonts.ready;
        const pending = (window as unknown as { DeckhandDiagrams?: Promise<void> }).DeckhandDiagrams;
        if (pending) await pending;
        document.documentElement.setAttribute('data-deck-ready', 'true');
        document.dispatchEvent(new CustomEvent('deckhand:ready'));
      });
    },
  };
}
