/**
 * reveal.js reads keys on the document: Space would move the deck on instead of pressing a
 * focused button. Enter and Space typed on Deckhand's own controls stay theirs.
 */
export function keepActivationKeys(el: HTMLElement): void {
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
  });
}
