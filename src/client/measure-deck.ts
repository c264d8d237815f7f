/**
 * `deckhand check`'s walk over a deck in its page: shows each slide with all its fragments and
 * measures it (see measure-slide.ts), in time linear in the number of slides.
 *
 * It does not navigate. reveal.js's `slide()` and `layout()` each visit every slide of the deck
 * (classes, `hidden`, fragment state, lazy loading, centring), so going to each slide in turn
 * costs O(slides²): 67 s for 1000 slides, and a 5000-slide deck did not finish. Instead, each
 * slide gets what reveal.js gives the slide it shows (`present`, not hidden, `loadSlide`, every
 * fragment `visible`, its `data-state` on the viewport, centred as `layout()` centres it), is
 * measured, and is put back as it was.
 *
 * Chromium's own work to show one section grows with the number of its siblings (about 2 ms
 * a slide among 1000, 50 ms among 5000), so the slides and their backgrounds are taken out of
 * the page while it measures, and each horizontal slide is put back alone to be measured. A
 * slide is absolutely positioned and styled from its ancestors, so it measures the same alone.
 * Everything is back in place, in order, when this returns.
 */
import type Reveal from 'reveal.js';
import { measureSlide, type SlideMeasure } from './measure-slide';

export async function measureDeck(deck: Reveal.Api): Promise<SlideMeasure[]> {
  const config = deck.getConfig();
  const width = Number(config.width);
  const height = deck.getComputedSlideSize().height;
  const canvas = deck.getSlidesElement() as HTMLElement;
  const viewport = deck.getViewportElement() ?? canvas;
  const slides = deck.getSlides() as HTMLElement[];
  const backgrounds = (deck.getRevealElement() as HTMLElement | null)?.querySelector(':scope > .backgrounds');
  const unpark = [park(canvas), backgrounds ? park(backgrounds) : () => undefined];
  const results: SlideMeasure[] = [];
  // The horizontal slide in the page now, and for a vertical stack, how to hide it again.
  let top: { el: HTMLElement; background?: HTMLElement; hide?: () => void } | undefined;
  try {
    for (const slide of slides) {
      if (!slide.getAttribute('data-deck-key')) continue;
      const parent = slide.parentElement instanceof HTMLElement && slide.parentElement.tagName === 'SECTION' ? slide.parentElement : undefined;
      const horizontal = parent ?? slide;
      if (top?.el !== horizontal) {
        top?.hide?.();
        top?.el.remove();
        top?.background?.remove();
        canvas.appendChild(horizontal);
        // Its background layer too: check's colour rules read what reveal.js paints behind the slide.
        const background = (horizontal as HTMLElement & { slideBackgroundElement?: HTMLElement }).slideBackgroundElement;
        if (background && backgrounds) backgrounds.appendChild(background);
        top = { el: horizontal, background, hide: parent && show(deck, parent, viewport) };
      }
      const hide = show(deck, slide, viewport);
      const undoFragments = showFragments(slide);
      await Promise.all(Array.from(slide.querySelectorAll('img'), (img) => img.decode().catch(() => undefined)));
      if (slide.querySelector('.r-fit-text')) await fitText(deck, slide);
      if (parent) centre(deck, parent, height);
      centre(deck, slide, height);
      results.push(measureSlide(slide, canvas, width));
      undoFragments();
      hide();
    }
  } finally {
    top?.hide?.();
    top?.el.remove();
    top?.background?.remove();
    for (const put of unpark) put();
  }
  return results;
}

/** Takes every child out of `el`; returns how to put them back, in order. */
function park(el: Element): () => void {
  const children = Array.from(el.children);
  const parked = document.createDocumentFragment();
  parked.append(...children);
  return () => el.append(...children);
}

/** Makes one section (a slide or its stack) the shown one, as reveal.js's `slide()` does; returns how to undo it. */
function show(deck: Reveal.Api, el: HTMLElement, viewport: HTMLElement): () => void {
  const before = { className: el.className, hidden: el.getAttribute('hidden'), ariaHidden: el.getAttribute('aria-hidden'), display: el.style.display, top: el.style.top };
  // A slide's data-state names classes reveal.js puts on the viewport while it is shown; themes may style by them.
  const states = (el.getAttribute('data-state') ?? '').split(' ').filter((s) => s && !viewport.classList.contains(s));
  el.classList.remove('past', 'future');
  el.classList.add('present');
  el.removeAttribute('hidden');
  el.removeAttribute('aria-hidden');
  viewport.classList.add(...states);
  deck.loadSlide(el); // displays it and loads lazy (data-src) media, as within reveal.js's view distance
  return () => {
    viewport.classList.remove(...states);
    el.className = before.className;
    restoreAttribute(el, 'hidden', before.hidden);
    restoreAttribute(el, 'aria-hidden', before.ariaHidden);
    el.style.top = before.top;
    // Outside the view distance reveal.js unloads a slide; one within it stays displayed.
    if (before.display === 'none') deck.unloadSlide(el);
    else el.style.display = before.display;
  };
}

/**
 * Every fragment shown, as `slide(h, v, Number.MAX_SAFE_INTEGER)` shows them: all `visible`,
 * none `current-fragment` (no index equals that one), the slide's `data-fragment` at the last.
 */
function showFragments(slide: HTMLElement): () => void {
  // Diagram steps make SVG elements fragments too, whose className is a read-only SVGAnimatedString.
  const fragments = Array.from(slide.querySelectorAll<Element>('.fragment:not(.disabled)'));
  if (!fragments.length) return () => undefined;
  const classes = fragments.map((f) => f.getAttribute('class') ?? '');
  const dataFragment = slide.getAttribute('data-fragment');
  let last = 0;
  fragments.forEach((f, i) => {
    last = Math.max(last, f.hasAttribute('data-fragment-index') ? parseInt(f.getAttribute('data-fragment-index') ?? '', 10) || 0 : i);
    f.classList.add('visible');
    f.classList.remove('current-fragment');
  });
  slide.setAttribute('data-fragment', String(last));
  return () => {
    fragments.forEach((f, i) => f.setAttribute('class', classes[i]));
    restoreAttribute(slide, 'data-fragment', dataFragment);
  };
}

/**
 * Where reveal.js's `layout()` puts a shown section: a centred slide in the middle of the canvas
 * (never above its top), a stack at the top. A slide with `r-stretch` content is left to
 * `layout()` itself, which sizes that content against the rest of the slide; it visits every
 * slide, but only such slides pay for it.
 */
function centre(deck: Reveal.Api, el: HTMLElement, height: number): void {
  const config = deck.getConfig();
  if (config.disableLayout) return;
  if (el.querySelector(':scope > .r-stretch, :scope > .stretch')) return deck.layout();
  if (!config.center && !el.classList.contains('center')) el.style.top = '';
  else el.style.top = el.classList.contains('stack') ? '0px' : `${Math.max((height - el.scrollHeight) / 2, 0)}px`;
}

/**
 * reveal.js's r-fit-text (fitty) sizes its text in the next animation frame, from the size it
 * has: one pass leaves it a pixel too wide. On screen it settles because reveal.js loads a slide
 * again on every move near it; two loads are what it takes to settle.
 */
async function fitText(deck: Reveal.Api, slide: HTMLElement): Promise<void> {
  await new Promise(requestAnimationFrame);
  deck.loadSlide(slide);
  await new Promise(requestAnimationFrame);
}

function restoreAttribute(el: Element, name: string, value: string | null): void {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}
