import type Reveal from 'reveal.js';
import { cloneDiagram } from './diagram-zoom-clone';
import { ZoomView } from './diagram-zoom-view';
import type { DeckPlugin } from './plugin-registry';

export const ZOOM_PLUGIN = 'deckhand-diagram-zoom';

/** A diagram slot that holds a drawn SVG (not one still waiting for the browser, nor an error). */
const DRAWN = '.deck-diagram:not(.deck-diagram-error)';
const READY_ATTR = 'data-deck-zoom';

/**
 * Click-to-zoom diagrams: every drawn diagram is a button (focusable, with a visible focus ring
 * and a name saying it opens larger); a click, Enter or Space opens the zoom view on a copy of
 * it, and closing gives the focus back to the diagram. Diagrams that appear later (drawn in the
 * browser, patched in by the dev server) are found by a MutationObserver. Alt/Ctrl+click stays
 * with reveal.js's own zoom plugin. Off in print and in the speaker view's and the remote's
 * frames, which their page drives.
 */
export class DiagramZoomPlugin implements DeckPlugin {
  readonly id = ZOOM_PLUGIN;
  private deck?: Reveal.Api;
  private view?: ZoomView;
  private opened?: { slot: HTMLElement; svg: SVGSVGElement };
  private readonly observer = new MutationObserver(() => this.prepareAll());
  private readonly onClick = (e: MouseEvent) => this.clicked(e);
  private readonly onKeyDown = (e: KeyboardEvent) => this.keyed(e);
  private readonly onFragment = () => this.refresh();

  init(deck: Reveal.Api): void {
    if ((deck.getConfig() as { view?: string }).view === 'print' || /[?&]receiver\b/.test(location.search)) return;
    this.deck = deck;
    this.view = new ZoomView(deck.getRevealElement() as HTMLElement);
    const slides = deck.getSlidesElement() as HTMLElement;
    this.prepareAll();
    this.observer.observe(slides, { childList: true, subtree: true });
    slides.addEventListener('click', this.onClick);
    slides.addEventListener('keydown', this.onKeyDown);
    deck.on('fragmentshown', this.onFragment);
    deck.on('fragmenthidden', this.onFragment);
  }

  destroy(): void {
    this.observer.disconnect();
    const slides = this.deck?.getSlidesElement() as HTMLElement | undefined;
    slides?.removeEventListener('click', this.onClick);
    slides?.removeEventListener('keydown', this.onKeyDown);
    this.deck?.off('fragmentshown', this.onFragment);
    this.deck?.off('fragmenthidden', this.onFragment);
    this.view?.destroy();
    this.deck = undefined;
  }

  /** Opens the view on a diagram of the page (a click and Enter come here). */
  open(slot: HTMLElement): void {
    const svg = slot.querySelector<SVGSVGElement>(':scope > svg');
    if (!svg || !this.view) return;
    this.opened = { slot, svg };
    const section = slot.closest('section') ?? slot;
    this.view.open({ svg: cloneDiagram(svg, 'zoom'), label: labelOf(slot), background: backgroundOf(section, this.deck), color: getComputedStyle(section).color }, slot);
  }

  private prepareAll(): void {
    const slides = this.deck?.getSlidesElement();
    if (!slides) return;
    for (const slot of Array.from(slides.querySelectorAll<HTMLElement>(`${DRAWN}:not([${READY_ATTR}])`))) {
      if (!slot.querySelector(':scope > svg')) continue;
      const label = slot.querySelector(':scope > svg')?.getAttribute('aria-label') || slot.getAttribute('aria-label') || '';
      slot.setAttribute(READY_ATTR, label);
      slot.setAttribute('role', 'button');
      slot.setAttribute('aria-haspopup', 'dialog');
      // The button is named by the image inside it (its alt text), so what a speech-input user
      // reads on screen stays part of its name (WCAG 2.5.3); aria-haspopup says it opens a view.
      if (!slot.querySelector(':scope > svg[aria-label]')) slot.setAttribute('aria-label', label || 'Open the diagram larger');
      else slot.removeAttribute('aria-label');
      slot.tabIndex = 0;
    }
  }

  private target(e: Event): HTMLElement | undefined {
    const el = e.target instanceof Element ? e.target : undefined;
    const slot = el?.closest<HTMLElement>(`[${READY_ATTR}]`);
    if (!slot || e.defaultPrevented || this.deck?.isOverview() || el?.closest('a')) return undefined;
    return slot;
  }

  private clicked(e: MouseEvent): void {
    // Alt+click (Ctrl on Linux) belongs to reveal.js's zoom plugin.
    if (e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const slot = this.target(e);
    if (slot) this.open(slot);
  }

  private keyed(e: KeyboardEvent): void {
    if ((e.key !== 'Enter' && e.key !== ' ') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const slot = this.target(e);
    if (!slot || e.target !== slot) return;
    // Space would also go to the next slide: reveal.js listens on the document, after this.
    e.preventDefault();
    e.stopPropagation();
    this.open(slot);
  }

  /** A fragment step shown or hidden under the open view (a follower of `present`): show the diagram as it is now. */
  private refresh(): void {
    const o = this.opened;
    if (!o || !this.view?.isOpen || !o.svg.isConnected) return;
    this.view.replace(cloneDiagram(o.svg, 'zoom'));
  }
}

/** The diagram's own name (its alt text or accTitle), kept before the slot was renamed as a button. */
function labelOf(slot: HTMLElement): string {
  return slot.getAttribute(READY_ATTR) ?? '';
}

/** The colour behind the slide: its own background (`data-background-color`), else the page's. */
function backgroundOf(section: Element, deck: Reveal.Api | undefined): string {
  const own = deck?.getSlideBackground(section as HTMLElement);
  for (const el of [own, section, deck?.getRevealElement(), document.querySelector('.reveal-viewport'), document.body]) {
    if (!el) continue;
    const c = getComputedStyle(el).backgroundColor;
    if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#fff';
}
