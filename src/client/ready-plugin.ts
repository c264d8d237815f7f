import type Reveal from 'reveal.js';
import { DIAGRAMS_PLUGIN, type DiagramsPlugin } from './diagrams-plugin';
import { pluginOf, type DeckPlugin } from './plugin-registry';

export const READY_PLUGIN = 'deckhand-ready';

/** What the ready signal says: `failures` lists the diagrams that could not be drawn. */
export interface ReadyResult {
  ok: boolean;
  failures: string[];
}

/**
 * Marks the page ready once reveal.js is ready, fonts are loaded and every diagram on the
 * current slide is drawn: exporters and tests wait for this signal, not for network idle.
 * In print view (`?print-pdf`) ready means the print pages are laid out with every slide's
 * fonts, images and diagrams in place, so a PDF can be printed at once.
 *
 * The signal: `<html data-deck-ready="true">`, or `"error"` when a diagram the page waited for
 * could not be drawn (its error is shown in its slide), and a `deckhand:ready` event on
 * `document` whose detail is the `ReadyResult`. Other plugins use `whenReady()`.
 */
export class ReadyPlugin implements DeckPlugin {
  readonly id = READY_PLUGIN;
  private deck?: Reveal.Api;
  private resolveReady!: (r: ReadyResult) => void;
  private readonly ready = new Promise<ReadyResult>((resolve) => (this.resolveReady = resolve));
  private readonly onReady = () => void this.settle();

  init(deck: Reveal.Api): void | Promise<unknown> {
    this.deck = deck;
    if ((deck.getConfig() as { view?: string }).view === 'print') {
      deck.on('pdf-ready', this.onReady);
      // Returning a promise holds reveal.js back until it resolves: it measures the print
      // pages right after its plugins start, and text measured in a fallback font is misplaced.
      return loadSlideFonts();
    }
    deck.on('ready', this.onReady);
  }

  destroy(): void {
    this.deck?.off('pdf-ready', this.onReady);
    this.deck?.off('ready', this.onReady);
    this.deck = undefined;
  }

  /** Resolves once the page is ready, with what went wrong on the way. */
  whenReady(): Promise<ReadyResult> {
    return this.ready;
  }

  /**
   * Loads every font the slides use, shown or not: `deckhand check` measures slides it has not
   * shown yet (`deck.getPlugin('deckhand-ready').loadFonts()`).
   */
  loadFonts(): Promise<void> {
    return loadSlideFonts();
  }

  private async settle(): Promise<void> {
    const deck = this.deck;
    if (!deck) return;
    await document.fonts.ready;
    if ((deck.getConfig() as { view?: string }).view === 'print') await decodeImages();
    const failures = (await pluginOf<DiagramsPlugin>(deck, DIAGRAMS_PLUGIN)?.settled()) ?? [];
    const result = { ok: !failures.length, failures };
    document.documentElement.setAttribute('data-deck-ready', result.ok ? 'true' : 'error');
    document.dispatchEvent(new CustomEvent<ReadyResult>('deckhand:ready', { detail: result }));
    this.resolveReady(result);
  }
}

/**
 * Loads every font face the slides' text uses, with the characters it uses (faces are split by
 * unicode-range), including slides that are not shown: browsers load a face only once
 * visible text needs it.
 */
async function loadSlideFonts(): Promise<void> {
  const root = document.querySelector('.reveal .slides');
  if (!root) return;
  const chars = new Map<string, Set<string>>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue?.trim();
    if (!text || !node.parentElement) continue;
    const s = getComputedStyle(node.parentElement);
    const font = `${s.fontStyle} ${s.fontWeight} 16px ${s.fontFamily}`;
    let set = chars.get(font);
    if (!set) chars.set(font, (set = new Set()));
    for (const c of text) set.add(c);
  }
  await Promise.all([...chars].map(([font, set]) => document.fonts.load(font, [...set].join('')).catch(() => [])));
  await document.fonts.ready;
}

/** Images must be decoded before printing, or Chromium may print an empty box. */
async function decodeImages(): Promise<void> {
  const images = Array.from(document.querySelectorAll<HTMLImageElement>('.reveal .slides img'));
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
}
