import type Reveal from 'reveal.js';
import type { DeckPlugin } from './plugin-registry';

export const DIAGRAM_STEPS_PLUGIN = 'deckhand-diagram-steps';

const STEPPED = 'svg[data-deck-steps]';
/** On a fragment the author left unindexed, so a later pass still knows reveal.js numbered it. */
const AUTO = 'data-deck-fragment-auto';

/**
 * Turns the steps marked in a diagram's SVG (`data-deck-step`, see diagram-steps-annotate.ts)
 * into real reveal.js fragments, so they take part in the slide's fragment order, the speaker
 * view's preview, `present`, PDF export with fragments and the dev server's position restore.
 * Runs before reveal.js sorts fragments (init), after a dev patch swapped a slide and after the
 * browser fallback drew a diagram. `%% step focus` dims the earlier steps while that step is current.
 */
export class DiagramStepsPlugin implements DeckPlugin {
  readonly id = DIAGRAM_STEPS_PLUGIN;
  private deck?: Reveal.Api;
  private readonly onStep = () => this.refocus();

  init(deck: Reveal.Api): void {
    this.deck = deck;
    for (const slide of leafSlides(deck.getRevealElement())) this.prepare(slide);
    for (const e of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(e, this.onStep);
  }

  destroy(): void {
    for (const e of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden']) this.deck?.off(e, this.onStep);
    this.deck = undefined;
  }

  /** Numbers the slide's fragments, diagram steps included; the caller lets reveal.js sort them after. */
  prepare(slide: Element): void {
    const units = fragmentUnits(slide);
    if (!units) return;
    const order = orderUnits(units);
    order.forEach((group, index) => {
      for (const unit of group) {
        for (const el of unit.elements) {
          el.classList.add('fragment');
          el.setAttribute('data-fragment-index', String(index));
        }
      }
    });
  }

  /** The browser fallback drew a stepped diagram in `slide`, which reveal.js may already show. */
  diagramDrawn(slide: Element): void {
    const deck = this.deck;
    this.prepare(slide);
    if (!deck?.isReady()) return;
    const at = deck.getIndices();
    deck.syncSlide(slide as HTMLElement);
    if (slide === deck.getCurrentSlide()) deck.slide(at.h, at.v ?? 0, at.f ?? -1);
    else if (slide.classList.contains('past')) slide.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible'));
    this.refocus();
  }

  /** `%% step focus`: while that step is the current fragment, everything drawn before it is dimmed. */
  refocus(): void {
    const slide = this.deck?.getCurrentSlide();
    for (const svg of Array.from(this.deck?.getRevealElement()?.querySelectorAll(`${STEPPED}[data-deck-step-focus]`) ?? [])) {
      const focus = (svg.getAttribute('data-deck-step-focus') ?? '').split(' ').map(Number);
      const shown = Array.from(svg.querySelectorAll('[data-deck-step].visible')).map((el) => Number(el.getAttribute('data-deck-step')));
      const step = shown.length ? Math.max(...shown) : 0;
      const current = svg.querySelector(`[data-deck-step="${step}"].current-fragment`) !== null;
      const focusing = slide?.contains(svg) === true && focus.includes(step) && current;
      for (const el of Array.from(svg.querySelectorAll('[data-deck-step]'))) el.classList.toggle('deck-step-dim', focusing && Number(el.getAttribute('data-deck-step')) < step);
    }
  }
}

function leafSlides(root: Element | null): Element[] {
  return Array.from(root?.querySelectorAll('.slides section') ?? []).filter((s) => !s.querySelector('section'));
}

/** One place in the slide's fragment order: an author's fragment or one step of a diagram. */
interface Unit {
  elements: Element[];
  /** Where the author put it (`data-fragment-index`); unindexed units follow, in page order. */
  index?: number;
}

function fragmentUnits(slide: Element): Unit[] | undefined {
  // A diagram the browser fallback draws later: reveal.js numbers the other fragments first,
  // so mark now which ones the author left unindexed.
  if (slide.querySelector('.deck-diagram[data-deck-steps]')) {
    for (const el of Array.from(slide.querySelectorAll('.fragment:not([data-fragment-index])'))) el.setAttribute(AUTO, '');
  }
  if (!slide.querySelector(STEPPED)) return undefined;
  const units: Unit[] = [];
  for (const el of Array.from(slide.querySelectorAll('.fragment, .deck-diagram'))) {
    if (el.hasAttribute('data-deck-step')) continue;
    if (el.classList.contains('deck-diagram')) {
      const svg = el.querySelector(STEPPED);
      if (!svg) continue;
      // The author's index on the image or fence sets where the first step falls.
      const base = el.hasAttribute('data-fragment-index') ? Number(el.getAttribute('data-fragment-index')) : undefined;
      for (let k = 1; k <= Number(svg.getAttribute('data-deck-steps')); k++) {
        const elements = Array.from(svg.querySelectorAll(`[data-deck-step="${k}"]`));
        if (elements.length) units.push({ elements, index: base === undefined ? undefined : base + k - 1 });
      }
      continue;
    }
    // reveal.js numbers every fragment when it sorts: remember which ones the author left unindexed.
    if (!el.hasAttribute('data-fragment-index')) el.setAttribute(AUTO, '');
    units.push({ elements: [el], index: el.hasAttribute(AUTO) ? undefined : Number(el.getAttribute('data-fragment-index')) });
  }
  return units;
}

/** The order reveal.js's `fragments.sort()` gives: indexed groups by index, then the rest in page order. */
function orderUnits(units: Unit[]): Unit[][] {
  const indexed: Unit[][] = [];
  const rest: Unit[][] = [];
  for (const u of units) {
    if (u.index === undefined || Number.isNaN(u.index)) rest.push([u]);
    else (indexed[u.index] ??= []).push(u);
  }
  return [...indexed.filter(Boolean), ...rest];
}
