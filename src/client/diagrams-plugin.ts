import type Reveal from 'reveal.js';
import type { PageConfig } from './page-config';
import { annotateSteps } from './diagram-steps-annotate';
import { DIAGRAM_STEPS_PLUGIN, type DiagramStepsPlugin } from './diagram-steps-plugin';
import { pluginOf, type DeckPlugin } from './plugin-registry';

interface MermaidGlobal {
  initialize(config: Record<string, unknown>): void;
  render(id: string, code: string): Promise<{ svg: string }>;
}

export const DIAGRAMS_PLUGIN = 'deckhand-diagrams';

/**
 * The fallback for builds without Chromium: diagrams still drawn by mermaid, but in the
 * viewer's browser, loaded lazily (classic script, so it works from file://) and only when
 * a slide that has diagrams is shown or is next. A diagram that cannot be drawn (bad source,
 * mermaid missing) shows its error in the slide and is counted in `settled()`, which the
 * ready plugin reports, so `export` and `check` can tell.
 */
export class DiagramsPlugin implements DeckPlugin {
  readonly id = DIAGRAMS_PLUGIN;
  private deck?: Reveal.Api;
  private loading?: Promise<MermaidGlobal>;
  private counter = 0;
  /** The drawing started last (current slide and the next); never rejects. */
  private work: Promise<void> = Promise.resolve();
  private readonly failures: string[] = [];
  private readonly onMove = () => this.drawAround();
  private readonly onOverview = () => this.deck?.getSlides().forEach((s) => void this.drawIn(s));

  constructor(private readonly config: PageConfig) {}

  init(deck: Reveal.Api): void | Promise<unknown> {
    this.deck = deck;
    deck.on('ready', this.onMove);
    deck.on('slidechanged', this.onMove);
    // Overview and print show every slide at once, so every diagram is needed.
    deck.on('overviewshown', this.onOverview);
    // Print view lays out every page once, right after the plugins start: draw everything first.
    if ((deck.getConfig() as { view?: string }).view === 'print') return this.drawAll();
  }

  destroy(): void {
    this.deck?.off('ready', this.onMove);
    this.deck?.off('slidechanged', this.onMove);
    this.deck?.off('overviewshown', this.onOverview);
    this.deck = undefined;
  }

  /** Waits for the drawing under way; resolves with every failure so far (empty: all drawn). */
  async settled(): Promise<string[]> {
    await this.work;
    return [...this.failures];
  }

  /** Draws every diagram of the deck (print view, or a caller that shows every slide). */
  async drawAll(): Promise<void> {
    for (const s of this.deck?.getSlides() ?? []) await this.drawIn(s);
  }

  private drawAround(): void {
    const deck = this.deck;
    if (!deck) return;
    this.work = this.drawIn(deck.getCurrentSlide()).then(() => this.drawIn(nextSlide(deck)));
  }

  private loadMermaid(): Promise<MermaidGlobal> {
    return (this.loading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      // A single-file export carries mermaid in the page as base64, unparsed until a diagram needs it.
      const inline = document.getElementById('deck-mermaid-source');
      const url = this.config.runtime + 'mermaid.min.js';
      script.src = inline ? 'data:text/javascript;base64,' + (inline.textContent ?? '').trim() : url;
      script.onload = () => {
        const mermaid = (window as unknown as { mermaid: MermaidGlobal }).mermaid;
        mermaid.initialize({ startOnLoad: false, ...this.config.mermaid });
        resolve(mermaid);
      };
      script.onerror = () => reject(new Error('could not load ' + (inline ? 'the inlined mermaid' : url)));
      document.head.appendChild(script);
    }));
  }

  /** Draws the slide's pending diagrams; a failure is shown in place of the diagram, never thrown. */
  private async drawIn(slide: Element | undefined): Promise<void> {
    const pending = slide ? Array.from(slide.querySelectorAll<HTMLElement>('.deck-diagram[data-deck-pending]')) : [];
    if (!pending.length) return;
    let mermaid: MermaidGlobal;
    try {
      mermaid = await this.loadMermaid();
    } catch (e) {
      for (const el of pending) if (el.hasAttribute('data-deck-pending')) this.fail(el, e);
      return;
    }
    let stepped = false;
    for (const el of pending) {
      if (!el.hasAttribute('data-deck-pending')) continue;
      el.removeAttribute('data-deck-pending');
      const source = el.querySelector('.deck-diagram-source')?.textContent ?? '';
      try {
        const { svg } = await mermaid.render(`deck-lazy-${this.counter++}`, source);
        el.innerHTML = svg;
        const svgEl = el.querySelector('svg');
        svgEl?.setAttribute('role', 'img');
        if (el.getAttribute('aria-label')) svgEl?.setAttribute('aria-label', el.getAttribute('aria-label')!);
        // A stepped diagram: the plan came with the source (see deck-page.ts); its steps become fragments.
        const plan = el.getAttribute('data-deck-steps');
        if (svgEl && plan) {
          annotateSteps(svgEl, JSON.parse(plan));
          stepped = true;
        }
      } catch (e) {
        this.fail(el, e);
      }
    }
    if (stepped && slide && this.deck) pluginOf<DiagramStepsPlugin>(this.deck, DIAGRAM_STEPS_PLUGIN)?.diagramDrawn(slide);
  }

  private fail(el: HTMLElement, e: unknown): void {
    const message = 'Diagram error: ' + String((e as Error)?.message ?? e);
    el.removeAttribute('data-deck-pending');
    el.classList.add('deck-diagram-error');
    el.setAttribute('data-deck-failed', '');
    el.textContent = message;
    const source = el.closest('section[data-deck-source]')?.getAttribute('data-deck-source');
    this.failures.push(source ? `${source}: ${message}` : message);
  }
}

function nextSlide(deck: Reveal.Api): Element | undefined {
  const slides = deck.getSlides();
  const i = slides.indexOf(deck.getCurrentSlide() as HTMLElement);
  return i >= 0 ? slides[i + 1] : undefined;
}
