import type { Diagnostic } from '../../protocol/diagnostic';
import { pluginOf, type DeckPlugin } from '../plugin-registry';
import { READY_PLUGIN, type ReadyPlugin } from '../ready-plugin';
import { keepActivationKeys } from './keys';
import { checkShownSlide, splitSource } from './slide-overflow';

type RevealApi = import('reveal.js').Api;

export const CHECKS_PLUGIN = 'deckhand-dev-checks';

/** How long a slide takes to settle (its transition) before it is measured. */
const SETTLE_MS = 350;
const MEASURE_EVENTS = ['ready', 'slidechanged', 'resize'];

/**
 * What `deckhand check` would say, shown while editing: the server's source findings for the
 * deck, plus the overflow of the slide on screen, measured here. A small button when there is
 * something to say (nothing at all when there is not); a click opens the list, and a click on
 * an item goes to its slide.
 */
export class ChecksPanel implements DeckPlugin {
  readonly id = CHECKS_PLUGIN;
  private deck?: RevealApi;
  private fromServer: Diagnostic[] = [];
  private onSlide: Diagnostic[] = [];
  private open = false;
  private readonly button = document.createElement('button');
  private readonly list = document.createElement('div');
  private measureTimer?: ReturnType<typeof setTimeout>;
  private observed?: Element;
  // A diagram drawn late or an image that loads changes the slide's size: measure again then.
  private readonly resized = new ResizeObserver(() => this.measureSoon());
  private readonly onMeasure = () => this.measureSoon();
  private readonly onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this.open || e.defaultPrevented) return;
    e.stopPropagation();
    e.preventDefault();
    this.open = false;
    this.render();
    this.button.focus();
  };

  init(deck: RevealApi): void {
    this.deck = deck;
    const b = this.button;
    b.type = 'button';
    b.className = 'deck-dev-checks';
    b.setAttribute('style', 'position:fixed;left:10px;bottom:44px;z-index:2147483646;font:13px system-ui,sans-serif;padding:4px 10px;border-radius:14px;border:1px solid #b7791f;background:#fff7e0;color:#5c3b00;cursor:pointer;display:none');
    b.addEventListener('click', () => {
      this.open = !this.open;
      this.render();
    });
    keepActivationKeys(b);
    const l = this.list;
    l.className = 'deck-dev-checks-list';
    l.id = 'deck-dev-checks-list';
    b.setAttribute('aria-controls', l.id);
    l.setAttribute('role', 'region');
    l.setAttribute('aria-label', 'deckhand check findings');
    // Escape closes the list (before reveal.js reads it as "overview") and gives focus back.
    document.addEventListener('keydown', this.onEscape, true);
    l.setAttribute('style', 'position:fixed;left:10px;bottom:78px;max-width:min(720px,calc(100vw - 20px));max-height:50vh;overflow:auto;z-index:2147483646;background:rgba(255,252,242,.97);color:#2b2110;border:1px solid #d9b25c;border-radius:8px;box-shadow:0 6px 20px rgba(0,0,0,.25);font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;padding:6px 0;display:none');
    document.body.append(b, l);
    this.render();
    for (const event of MEASURE_EVENTS) deck.on(event, this.onMeasure);
    void pluginOf<ReadyPlugin>(deck, READY_PLUGIN)?.whenReady().then(this.onMeasure);
  }

  destroy(): void {
    for (const event of MEASURE_EVENTS) this.deck?.off(event, this.onMeasure);
    clearTimeout(this.measureTimer);
    this.resized.disconnect();
    document.removeEventListener('keydown', this.onEscape, true);
    this.button.remove();
    this.list.remove();
    this.deck = undefined;
  }

  /** Measures the slide on screen once it has settled (after its transition, diagrams and fonts). */
  measureSoon(): void {
    if (!this.deck) return;
    clearTimeout(this.measureTimer);
    this.measureTimer = setTimeout(() => {
      const deck = this.deck;
      if (!deck) return;
      const slide = deck.getCurrentSlide();
      if (slide !== this.observed) {
        this.resized.disconnect();
        if (slide) this.resized.observe(slide);
        this.observed = slide;
      }
      this.setSlideFindings(checkShownSlide(deck));
    }, SETTLE_MS);
  }

  setServerFindings(diagnostics: Diagnostic[]): void {
    this.fromServer = diagnostics;
    this.render();
  }

  private setSlideFindings(diagnostics: Diagnostic[]): void {
    if (JSON.stringify(diagnostics) === JSON.stringify(this.onSlide)) return;
    this.onSlide = diagnostics;
    this.render();
  }

  private render(): void {
    const all = [...this.onSlide, ...this.fromServer];
    const errors = all.filter((d) => d.severity === 'error').length;
    this.button.style.display = all.length ? '' : 'none';
    this.button.textContent = `⚠ check: ${all.length} finding${all.length === 1 ? '' : 's'}${errors ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}`;
    this.button.setAttribute('aria-expanded', String(this.open));
    this.list.style.display = this.open && all.length ? '' : 'none';
    this.renderItems(all);
  }

  /**
   * Rebuilds the list only when the findings changed, and then keeps the keyboard focus in it:
   * on the same finding, or, when that one is gone (a measured size changed), on the one now in
   * its place. Findings arrive at any moment (a save, a slide measured, a diagram drawn), and a
   * list rebuilt under the focus would drop it to the page body, so the next key would be lost.
   */
  private renderItems(all: Diagnostic[]): void {
    const keys = all.map((d) => JSON.stringify(d));
    const shown = [...this.list.children] as HTMLElement[];
    if (keys.length === shown.length && keys.every((k, i) => k === shown[i].dataset.key)) return;
    const focusedAt = shown.findIndex((el) => el === document.activeElement);
    const focusedKey = shown[focusedAt]?.dataset.key;
    const items = all.map((d, i) => this.item(d, keys[i]));
    this.list.replaceChildren(...items);
    if (focusedAt < 0) return;
    const next = items.find((el) => el.dataset.key === focusedKey) ?? items[Math.min(focusedAt, items.length - 1)];
    (next ?? this.button).focus();
  }

  /** One finding: a button (Tab reaches it, Enter or Space goes to its slide). */
  private item(d: Diagnostic, key: string): HTMLElement {
    const el = document.createElement('button');
    el.type = 'button';
    el.dataset.key = key;
    el.className = 'deck-dev-check';
    el.setAttribute('style', `display:block;width:100%;text-align:left;font:inherit;color:inherit;background:none;border:0;padding:4px 12px;cursor:pointer;border-left:3px solid ${d.severity === 'error' ? '#c53030' : '#b7791f'}`);
    el.textContent = `${d.file ? `${d.file}:${d.line ?? 1}:${d.column ?? 1} ` : ''}${d.severity}: ${d.message} [${d.code}]`;
    el.title = 'Go to this slide';
    el.addEventListener('click', () => this.goTo(d));
    keepActivationKeys(el);
    return el;
  }

  /** The slide that holds the finding's line: same file, the last slide starting at or before it. */
  private goTo(d: Diagnostic): void {
    const deck = this.deck;
    if (!deck || !d.file) return;
    let best: { slide: HTMLElement; line: number } | undefined;
    for (const slide of deck.getSlides() as HTMLElement[]) {
      const [file, line] = splitSource(slide.getAttribute('data-deck-source'));
      if (file === d.file && line <= (d.line ?? 1) && (!best || line > best.line)) best = { slide, line };
    }
    if (!best) return;
    const { h, v } = deck.getIndices(best.slide);
    deck.slide(h, v);
  }
}
