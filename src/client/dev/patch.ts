import type { SlidePatch } from '../../server/messages';

type RevealApi = import('reveal.js').Api;

function parseSections(html: string): DocumentFragment {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
}

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
  // The notes plugin re-sends notes on slide events: tell it the current slide may have new notes.
  (deck as unknown as { dispatchEvent(e: object): void }).dispatchEvent({
    type: 'slidechanged',
    data: { indexh: at.h, indexv: at.v ?? 0, currentSlide: deck.getCurrentSlide() },
  });
}

/** Replaces only the sections that changed; the viewer keeps slide and fragment step. */
export function applyPatch(deck: RevealApi, slides: SlidePatch[]): void {
  const place = currentPlace(deck);
  for (const patch of slides) {
    const old = document.querySelector(`.reveal .slides section[data-deck-id="${CSS.escape(patch.id)}"]`);
    const fresh = parseSections(patch.html).firstElementChild;
    if (old && fresh) old.replaceWith(fresh);
  }
  restore(deck, place);
}

/** Slides were added, removed or moved: swap them all and find the viewer's slide by identity. */
export function applyStructure(deck: RevealApi, html: string): void {
  const place = currentPlace(deck);
  const container = document.querySelector('.reveal .slides');
  if (!container) return;
  container.replaceChildren(parseSections(html));
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
