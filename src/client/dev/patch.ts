import type { SlidePatch } from '../../protocol/dev-messages';
import { notifyNotes, parseSections, patchSlidesNamed, steps } from '../slide-patch';

type RevealApi = import('reveal.js').Api;

function currentPlace(deck: RevealApi) {
  const slide = deck.getCurrentSlide() as HTMLElement | undefined;
  return { id: slide?.getAttribute('data-deck-id') ?? undefined, indices: deck.getIndices() };
}

/** After the DOM changed under reveal.js: let it re-read the slides, then go back to the place. */
function restore(deck: RevealApi, place: ReturnType<typeof currentPlace>): void {
  deck.sync();
  const target = place.id ? document.querySelector<HTMLElement>(`.reveal .slides section[data-deck-id="${CSS.escape(place.id)}"]`) : null;
  const at = target ? deck.getIndices(target) : place.indices;
  deck.slide(at.h, at.v ?? 0, place.indices.f ?? -1);
  notifyNotes(deck);
}

/**
 * Replaces only the sections that changed, found by their identity; the viewer keeps slide and
 * fragment step (see `patchSections` in slide-patch.ts for what is deliberately not done).
 */
export function applyPatch(deck: RevealApi, slides: SlidePatch[]): void {
  patchSlidesNamed(deck, 'data-deck-id', slides.map((p) => ({ name: p.id, html: p.html })));
}

/** Slides were added, removed or moved: swap them all and find the viewer's slide by identity. */
export function applyStructure(deck: RevealApi, html: string): void {
  const place = currentPlace(deck);
  const container = document.querySelector('.reveal .slides');
  if (!container) return;
  container.replaceChildren(parseSections(html));
  for (const section of Array.from(container.querySelectorAll('section'))) if (!section.querySelector('section')) steps(deck)?.prepare(section);
  restore(deck, place);
}

export function goToSlideId(deck: RevealApi, id: string): void {
  const target = document.querySelector<HTMLElement>(`.reveal .slides section[data-deck-id="${CSS.escape(id)}"]`);
  if (!target || target === deck.getCurrentSlide()) return;
  const at = deck.getIndices(target);
  deck.slide(at.h, at.v ?? 0);
}

/** Swaps the theme stylesheet without a reload, removing the old one only once the new one is in. */
export function swapStylesheet(href: string): void {
  const old = document.querySelector<HTMLLinkElement>('link[data-deck-style]');
  if (!old) return;
  const next = old.cloneNode() as HTMLLinkElement;
  next.href = href;
  next.onload = () => old.remove();
  old.after(next);
}
