import type Reveal from 'reveal.js';
import type { PageConfig } from './page-config';

interface MermaidGlobal {
  initialize(config: Record<string, unknown>): void;
  render(id: string, code: string): Promise<{ svg: string }>;
}

/**
 * The fallback for builds without Chromium: diagrams still drawn by mermaid, but in the
 * viewer's browser, loaded lazily (classic script, so it works from file://) and only when
 * a slide that has diagrams is shown or is next.
 */
export function DiagramsPlugin(config: PageConfig) {
  let loading: Promise<MermaidGlobal> | undefined;
  let counter = 0;

  const loadMermaid = () =>
    (loading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      // A single-file export carries mermaid in the page as base64, unparsed until a diagram needs it.
      const inline = document.getElementById('deck-mermaid-source');
      const url = config.runtime + 'mermaid.min.js';
      script.src = inline ? 'data:text/javascript;base64,' + (inline.textContent ?? '').trim() : url;
      script.onload = () => {
        const mermaid = (window as unknown as { mermaid: MermaidGlobal }).mermaid;
        mermaid.initialize({ startOnLoad: false, ...config.mermaid });
        resolve(mermaid);
      };
      script.onerror = () => reject(new Error('could not load ' + (inline ? 'the inlined mermaid' : url)));
      document.head.appendChild(script);
    }));

  const drawIn = async (slide: Element | undefined) => {
    const pending = slide ? Array.from(slide.querySelectorAll<HTMLElement>('.deck-diagram[data-deck-pending]')) : [];
    if (!pending.length) return;
    const mermaid = await loadMermaid();
    for (const el of pending) {
      if (!el.hasAttribute('data-deck-pending')) continue;
      el.removeAttribute('data-deck-pending');
      const source = el.querySelector('.deck-diagram-source')?.textContent ?? '';
      try {
        const { svg } = await mermaid.render(`deck-lazy-${counter++}`, source);
        el.innerHTML = svg;
        const svgEl = el.querySelector('svg');
        svgEl?.setAttribute('role', 'img');
        if (el.getAttribute('aria-label')) svgEl?.setAttribute('aria-label', el.getAttribute('aria-label')!);
      } catch (e) {
        el.classList.add('deck-diagram-error');
        el.textContent = 'Diagram error: ' + String((e as Error).message ?? e);
      }
    }
  };

  return {
    id: 'deckhand-diagrams',
    init(deck: Reveal.Api) {
      const drawAround = () => {
        const current = deck.getCurrentSlide();
        const work = drawIn(current).then(() => drawIn(nextSlide(deck)));
        (window as unknown as { DeckhandDiagrams?: Promise<void> }).DeckhandDiagrams = work.catch(() => undefined);
        return work;
      };
      deck.on('ready', drawAround);
      deck.on('slidechanged', drawAround);
      // Overview and print show every slide at once, so every diagram is needed.
      deck.on('overviewshown', () => deck.getSlides().forEach((s) => void drawIn(s)));
      const drawAll = async () => {
        for (const s of deck.getSlides()) await drawIn(s);
      };
      (deck as unknown as { deckhandDrawAll?: () => Promise<void> }).deckhandDrawAll = drawAll;
      // Print view lays out every page once, right after the plugins start: draw everything first.
      if ((deck.getConfig() as { view?: string }).view === 'print') return drawAll().catch(() => undefined);
    },
  };
}

function nextSlide(deck: Reveal.Api): Element | undefined {
  const slides = deck.getSlides();
  const i = slides.indexOf(deck.getCurrentSlide() as HTMLElement);
  return i >= 0 ? slides[i + 1] : undefined;
}
