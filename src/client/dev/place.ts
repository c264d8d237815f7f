type RevealApi = import('reveal.js').Api;

const key = (deckName: string) => `deckhand-dev-place:${deckName}`;

/**
 * Where the viewer is, kept across a reload in this tab. reveal.js's URL hash is written only a
 * second after a move and may lack the fragment step, so it cannot be trusted right after one.
 * `byId` is false when the server restarted: slide identities are then those of another run.
 */
export function rememberPlace(deck: RevealApi | undefined, deckName: string, byId = true): void {
  if (!deck) return;
  const slide = deck.getCurrentSlide() as HTMLElement | undefined;
  const at = deck.getIndices();
  const id = byId ? (slide?.getAttribute('data-deck-id') ?? undefined) : undefined;
  try {
    sessionStorage.setItem(key(deckName), JSON.stringify({ id, h: at.h, v: at.v ?? 0, f: at.f }));
  } catch {
    // Storage may be off (private mode, quota): the URL hash is the fallback.
  }
}

/** On load: back to the remembered slide (found by identity when it still exists) and step. */
export function restorePlace(deck: RevealApi, deckName: string): void {
  let place: { id?: string; h: number; v: number; f?: number } | undefined;
  try {
    const raw = sessionStorage.getItem(key(deckName));
    sessionStorage.removeItem(key(deckName));
    place = raw ? JSON.parse(raw) : undefined;
  } catch {
    return;
  }
  if (!place) return;
  const target = place.id ? document.querySelector<HTMLElement>(`.reveal .slides section[data-deck-id="${CSS.escape(place.id)}"]`) : null;
  const at = target ? deck.getIndices(target) : place;
  deck.slide(at.h, at.v ?? 0, place.f);
}
