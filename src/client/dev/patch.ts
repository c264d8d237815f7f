import type { SlidePatch } from '../../protocol/dev-messages';
import { DIAGRAM_STEPS_PLUGIN, type DiagramStepsPlugin } from '../diagram-steps-plugin';
import { pluginOf } from '../plugin-registry';

type RevealApi = import('reveal.js').Api;

function parseSections(html: string): DocumentFragment {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
}

const steps = (deck: RevealApi) => pluginOf<DiagramStepsPlugin>(deck, DIAGRAM_STEPS_PLUGIN);

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
 * Replaces only the sections that changed; the viewer keeps slide and fragment step.
 * Deliberately not Reveal.sync() and Reveal.slide(): on a 1000-slide deck they cost ~100 ms
 * and ~35 ms. The section element itself stays (reveal.js holds references to it); its
 * content and the author's attributes are swapped, then Reveal.syncSlide() refreshes it alone.
 */
export function applyPatch(deck: RevealApi, slides: SlidePatch[]): void {
  const current = deck.getCurrentSlide();
  const step = deck.getIndices().f ?? -1;
  for (const patch of slides) {
    const section = document.querySelector<HTMLElement>(`.reveal .slides section[data-deck-id="${CSS.escape(patch.id)}"]`);
    const fresh = parseSections(patch.html).firstElementChild as HTMLElement | null;
    if (!section || !fresh) continue;
    adoptAuthorAttributes(section, fresh);
    section.replaceChildren(...Array.from(fresh.childNodes));
    // Fresh diagram steps become fragments before reveal.js counts the slide's fragments again.
    steps(deck)?.prepare(section);
    (deck as unknown as { syncSlide(s: Element): void }).syncSlide(section);
    const shownUpTo = section === current ? step : section.classList.contains('past') ? Infinity : -1;
    showFragmentsUpTo(section, shownUpTo);
    if (section === current) deck.layout();
  }
  steps(deck)?.refocus();
  notifyNotes(deck);
}

// What reveal.js itself puts on a section; everything else on it comes from the author's Markdown.
const REVEAL_CLASSES = ['past', 'present', 'future', 'stack'];
const REVEAL_ATTRIBUTES = new Set(['class', 'style', 'hidden', 'aria-hidden', 'data-index-h', 'data-index-v', 'data-previous-indexv']);

function adoptAuthorAttributes(section: HTMLElement, fresh: HTMLElement): void {
  for (const { name } of Array.from(section.attributes)) if (!REVEAL_ATTRIBUTES.has(name) && !fresh.hasAttribute(name)) section.removeAttribute(name);
  for (const { name, value } of Array.from(fresh.attributes)) if (!REVEAL_ATTRIBUTES.has(name)) section.setAttribute(name, value);
  const kept = REVEAL_CLASSES.filter((c) => section.classList.contains(c));
  section.className = [...Array.from(fresh.classList), ...kept].join(' ');
  const authorStyle = fresh.getAttribute('style');
  if (authorStyle) section.setAttribute('style', `${authorStyle};display:${section.style.display};top:${section.style.top}`);
}

function showFragmentsUpTo(section: HTMLElement, step: number): void {
  section.querySelectorAll<HTMLElement>('.fragment').forEach((f) => {
    const i = Number(f.getAttribute('data-fragment-index') ?? 0);
    f.classList.toggle('visible', i <= step);
    f.classList.toggle('current-fragment', i === step);
  });
}

/** The notes plugin re-sends notes on slide events: tell it the current slide may have new ones. */
function notifyNotes(deck: RevealApi): void {
  const at = deck.getIndices();
  (deck as unknown as { dispatchEvent(e: object): void }).dispatchEvent({
    type: 'slidechanged',
    data: { indexh: at.h, indexv: at.v ?? 0, currentSlide: deck.getCurrentSlide() },
  });
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
