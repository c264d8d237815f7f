import type { SlidePosition } from '../../protocol/present-messages';

type RevealApi = import('reveal.js').Api;

/** Where a deck is, with "no fragment shown" as -1 whether or not the slide has fragments. */
export function positionOf(deck: RevealApi): SlidePosition {
  const at = deck.getIndices();
  const p: SlidePosition = { h: at.h ?? 0, v: at.v ?? 0, f: at.f ?? -1 };
  if (deck.isPaused()) p.paused = true;
  return p;
}

export function moveTo(deck: RevealApi, p: SlidePosition): void {
  deck.slide(p.h, p.v, p.f);
  if (deck.isPaused() !== !!p.paused) deck.togglePause(!!p.paused);
}

/** reveal.js events after which the position may differ (a blackout counts as one). */
export const MOVE_EVENTS = ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed'];
