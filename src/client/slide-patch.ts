import type { SlideHtml } from '../protocol/present-messages';
import { DIAGRAM_STEPS_PLUGIN, type DiagramStepsPlugin } from './diagram-steps-plugin';
import { pluginOf } from './plugin-registry';

/**
 * Replacing slides' content under a running reveal.js, cheaply: shared by the dev client
 * (edits) and the talk's pages (diagrams drawn after the deck was served), in the room's pages
 * and in the speaker view's frames alike.
 */
type RevealApi = import('reveal.js').Api;

/** New markup for one section already in the page. */
interface SectionPatch {
  section: HTMLElement;
  html: string;
}

export function parseSections(html: string): DocumentFragment {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
}

/** Patches slides addressed by their `data-deck-key`: a talk's pages, whose slides never move. */
export function patchSlidesByKey(deck: RevealApi, slides: SlideHtml[]): void {
  patchSlidesNamed(deck, 'data-deck-key', slides.map((s) => ({ name: s.key, html: s.html })));
}

/** Patches the slides whose `attribute` has each name; slides no longer there are skipped. */
export function patchSlidesNamed(deck: RevealApi, attribute: 'data-deck-key' | 'data-deck-id', slides: Array<{ name: string; html: string }>): void {
  // One slide (an edit) is looked up alone; many (drawings, a catch-up) in one pass over the deck.
  const byName =
    slides.length > 1
      ? new Map([...document.querySelectorAll<HTMLElement>(`.reveal .slides section[${attribute}]`)].map((el) => [el.getAttribute(attribute)!, el]))
      : undefined;
  const found: SectionPatch[] = [];
  for (const s of slides) {
    const section = byName ? byName.get(s.name) : document.querySelector<HTMLElement>(`.reveal .slides section[${attribute}="${CSS.escape(s.name)}"]`);
    if (section) found.push({ section, html: s.html });
  }
  patchSections(deck, found);
}

/** How many drawing updates a talk's page was served with (see `hello` in present-messages.ts). */
export function servedDrawnCount(): number {
  return Number(document.querySelector('meta[name="deck-present-drawn"]')?.getAttribute('content')) || 0;
}

export const steps = (deck: RevealApi) => pluginOf<DiagramStepsPlugin>(deck, DIAGRAM_STEPS_PLUGIN);

/**
 * Replaces only the sections that changed; the viewer keeps slide and fragment step.
 * Deliberately not Reveal.sync() and Reveal.slide(): on a 1000-slide deck they cost ~100 ms
 * and ~35 ms. The section element itself stays (reveal.js holds references to it); its
 * content and the author's attributes are swapped, then only that slide is synced: no other
 * slide's element, background or layout is touched (see `syncChanged`). What does not change
 * the patched text on screen (slide events, re-centring) waits for the frame (see below).
 */
function patchSections(deck: RevealApi, patches: SectionPatch[]): void {
  const current = deck.getCurrentSlide();
  const step = deck.getIndices().f ?? -1;
  let nearChanged = false;
  for (const { section, html } of patches) {
    const fresh = parseSections(html).firstElementChild as HTMLElement | null;
    if (!section.isConnected || !fresh) continue;
    const background = backgroundOf(section);
    adoptAuthorAttributes(section, fresh);
    section.replaceChildren(...Array.from(fresh.childNodes));
    // Fresh diagram steps become fragments before reveal.js counts the slide's fragments again.
    steps(deck)?.prepare(section);
    syncChanged(deck, section, background);
    const shownUpTo = section === current ? step : section.classList.contains('past') ? Infinity : -1;
    showFragmentsUpTo(section, shownUpTo);
    if (section === current) {
      layoutSlideSoon(deck, section);
      // A focused diagram step on screen is dimmed before the frame is drawn, not after.
      if (section.querySelector('svg[data-deck-step-focus]')) steps(deck)?.refocus();
    }
    nearChanged ||= section === current || section.style.display !== 'none';
  }
  // Slide events re-send the notes on screen, draw the diagrams of the slides around it (the
  // browser fallback), re-announce the slide and re-apply diagram step focus: an edit far from
  // the viewer concerns none of them, and near it they can wait until the edit is painted.
  if (nearChanged) notifyNotesAfterPaint(deck);
}

/**
 * Reveal.syncSlide() re-creates the slide's background and then re-classes every background in
 * the deck (past/present/future) and re-reads the notes: on 1000 slides that invalidates the
 * style of 1000 elements, ~20 ms of the next layout, for an edit that changed neither. So
 * unless the slide's background settings changed (or notes are shown in the page), only its
 * fragments are sorted again and, when it is on screen, its lazy media loaded.
 */
function syncChanged(deck: RevealApi, section: HTMLElement, background: { key: string; contrast: string[] }): void {
  const config = deck.getConfig() as { showNotes?: boolean };
  if (config.showNotes || backgroundOf(section).key !== background.key) {
    deck.syncSlide(section);
    return;
  }
  // The background stayed, and so does the contrast class reveal.js derived from it.
  section.classList.add(...background.contrast);
  deck.syncFragments(section);
  // loadSlide() also shows the slide (display: block): a slide out of view distance stays hidden.
  if (section.style.display !== 'none') deck.loadSlide(section);
}

// What reveal.js reads from a section to draw its background (backgrounds.js `sync`).
const BACKGROUND_ATTRIBUTE = /^data-(background|preload$)/;
const CONTRAST_CLASSES = ['has-dark-background', 'has-light-background'];

function backgroundOf(section: HTMLElement): { key: string; contrast: string[] } {
  const key = Array.from(section.attributes)
    .filter((a) => BACKGROUND_ATTRIBUTE.test(a.name))
    .map((a) => `${a.name}=${a.value}`)
    .sort()
    .join('\n');
  return { key, contrast: CONTRAST_CLASSES.filter((c) => section.classList.contains(c)) };
}

/**
 * Reveal.layout() re-centres every slide in view distance and re-sizes stretched elements in
 * all slides; after an edit only the changed slide on screen moves, and it is centred the way
 * reveal.js centres it. Stretched content, a vertical stack, the scroll or overview mode, and
 * decks that disable reveal's layout take reveal.js's own layout.
 *
 * Centring reads the slide's height, which makes the browser lay out the page. Read in the
 * message's task, that layout is thrown away by what runs after it (slide events, observers)
 * and done again for the frame; read just before the frame, it is the frame's own layout.
 */
function layoutSlideSoon(deck: RevealApi, section: HTMLElement): void {
  requestAnimationFrame(() => {
    if (section.isConnected) layoutSlide(deck, section);
  });
}

function layoutSlide(deck: RevealApi, section: HTMLElement): void {
  const config = deck.getConfig() as { center?: boolean; disableLayout?: boolean };
  // The slide height reveal.js's last layout settled on (percent sizes resolved).
  const height = parseFloat((deck.getSlidesElement() as HTMLElement | null)?.style.height ?? '');
  const scrollView = (deck as unknown as { isScrollView(): boolean }).isScrollView();
  if (config.disableLayout || scrollView || deck.isOverview() || Number.isNaN(height) || section.classList.contains('stack') || section.querySelector('.stretch, .r-stretch')) {
    deck.layout();
    return;
  }
  section.style.top = config.center || section.classList.contains('center') ? `${Math.max((height - section.scrollHeight) / 2, 0)}px` : '';
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
export function notifyNotes(deck: RevealApi): void {
  const at = deck.getIndices();
  (deck as unknown as { dispatchEvent(e: object): void }).dispatchEvent({
    type: 'slidechanged',
    data: { indexh: at.h, indexv: at.v ?? 0, currentSlide: deck.getCurrentSlide() },
  });
}

let notifyPending = false;

/** `notifyNotes` once the next frame (with the edit) is drawn; saves in a row share one. */
function notifyNotesAfterPaint(deck: RevealApi): void {
  if (notifyPending) return;
  notifyPending = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      notifyPending = false;
      notifyNotes(deck);
    }),
  );
}
