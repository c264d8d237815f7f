import type Reveal from 'reveal.js';
import type { DeckPlugin } from './plugin-registry';

export const A11Y_PLUGIN = 'deckhand-a11y';

const REDUCE_MOTION = '(prefers-reduced-motion: reduce)';
/** What a reader who asked for less motion gets: slides and fragments simply appear. */
const STILL = { transition: 'none', backgroundTransition: 'none', autoAnimate: false } as const;
/** reveal.js's own defaults for those options, for a deck that does not set them. */
const MOVING = { transition: 'slide', backgroundTransition: 'fade', autoAnimate: true } as const;

/** The page's reveal.js options as the reader's motion setting wants them at load. */
export function motionOptions(reveal: Record<string, unknown>): Record<string, unknown> {
  return matchMedia(REDUCE_MOTION).matches ? { ...reveal, ...STILL } : reveal;
}

/**
 * What the page does for screen readers and for readers who asked for less motion.
 *
 * - reveal.js's own live region (`.aria-status`) speaks the whole text of every slide and of
 *   every fragment as it appears (JAWS read it up to three times, reveal.js PR #854). It is
 *   silenced here, and one polite region of Deckhand's says "Slide N of M: <heading>" once
 *   per slide change: the reader then moves into the slide as into any page.
 * - `prefers-reduced-motion: reduce` turns slide and background transitions and auto-animate
 *   off (here, for reveal.js's JavaScript) and fragment fades off (deckhand.css), and follows
 *   the setting if the reader changes it while the deck is open.
 * - A diagram followed by a `<details>` (its long description) is described by it:
 *   `aria-describedby` on the diagram points at the details element.
 */
export class A11yPlugin implements DeckPlugin {
  readonly id = A11Y_PLUGIN;
  private deck?: Reveal.Api;
  private readonly region = document.createElement('div');
  private readonly motion = matchMedia(REDUCE_MOTION);
  /** The author's motion options, restored if the reader turns reduced motion off again. */
  private readonly authored: Record<string, unknown>;
  private readonly onSlide = () => this.announce();
  /** The slide last announced. */
  private announced?: Element;
  private readonly onMotion = () => this.applyMotion();
  private describeQueued = false;
  private readonly drawn = new MutationObserver(() => {
    if (this.describeQueued) return;
    this.describeQueued = true;
    requestAnimationFrame(() => {
      this.describeQueued = false;
      describeDiagrams(document);
    });
  });

  constructor(reveal: Record<string, unknown>) {
    this.authored = Object.fromEntries(Object.entries(MOVING).map(([k, v]) => [k, reveal[k] ?? v]));
  }

  init(deck: Reveal.Api): void {
    this.deck = deck;
    const config = deck.getConfig() as Record<string, unknown>;
    document.documentElement.toggleAttribute('data-deck-reduced-motion', this.motion.matches);
    this.motion.addEventListener('change', this.onMotion);
    if ((config as { view?: string }).view === 'print') return;
    // reveal.js creates its region after its plugins start, unless the page already has one:
    // it then writes into that one, which here is hidden and not live.
    const revealEl = deck.getRevealElement();
    if (revealEl && !revealEl.querySelector('.aria-status')) {
      const status = document.createElement('div');
      status.className = 'aria-status';
      status.hidden = true;
      status.setAttribute('aria-live', 'off');
      status.setAttribute('aria-hidden', 'true');
      revealEl.appendChild(status);
    }
    const r = this.region;
    r.className = 'deck-announce';
    // Visually hidden, spoken: the same as reveal.js's own region.
    r.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap');
    r.setAttribute('role', 'status');
    r.setAttribute('aria-live', 'polite');
    r.setAttribute('aria-atomic', 'true');
    document.body.appendChild(r);
    deck.on('slidechanged', this.onSlide);
    // Diagrams drawn by the page (and patched slides in the dev server) arrive after load.
    const slides = deck.getSlidesElement();
    if (slides) this.drawn.observe(slides, { childList: true, subtree: true });
    describeDiagrams(document);
  }

  destroy(): void {
    this.deck?.off('slidechanged', this.onSlide);
    this.drawn.disconnect();
    this.motion.removeEventListener('change', this.onMotion);
    this.region.remove();
    this.deck = undefined;
  }

  /** What the region says for the slide on screen. */
  announcement(): string {
    const deck = this.deck;
    const slide = deck?.getCurrentSlide() as HTMLElement | undefined;
    if (!deck || !slide) return '';
    const heading = slide.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.replace(/\s+/g, ' ').trim();
    const where = `Slide ${deck.getSlidePastCount() + 1} of ${deck.getTotalSlides()}`;
    return heading ? `${where}: ${heading}` : where;
  }

  private announce(): void {
    // A `slidechanged` for the slide already announced is no move (the dev server re-sends it
    // after each save so notes and diagrams refresh): a screen reader user typing hears nothing.
    const slide = this.deck?.getCurrentSlide();
    if (slide && slide === this.announced) return;
    this.announced = slide;
    // The same text twice is not spoken again: clear it first, then fill it a frame later.
    this.region.textContent = '';
    const text = this.announcement();
    requestAnimationFrame(() => (this.region.textContent = text));
  }

  private applyMotion(): void {
    const deck = this.deck;
    if (!deck) return;
    document.documentElement.toggleAttribute('data-deck-reduced-motion', this.motion.matches);
    deck.configure((this.motion.matches ? STILL : this.authored) as Reveal.Options);
  }
}

/**
 * The long-description rule: a `<details>` element right after a diagram (its next element
 * sibling, in the same slide) describes it. The diagram keeps its alt text as its name.
 */
export function describeDiagrams(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('.reveal .slides .deck-diagram').forEach((slot, i) => {
    const details = slot.nextElementSibling;
    if (!(details instanceof HTMLDetailsElement)) return;
    if (!details.id) details.id = `deck-diagram-description-${i + 1}`;
    // Only when missing: setting an attribute is a mutation, and this runs on mutations.
    for (const el of [slot, slot.querySelector(':scope > svg')]) if (el && el.getAttribute('aria-describedby') !== details.id) el.setAttribute('aria-describedby', details.id);
  });
}
