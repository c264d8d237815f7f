/**
 * Code evaluated inside a deck's page to measure every slide. Kept free of imports and module
 * constants: each function is serialised into the page on its own.
 */

export interface SlideMeasure {
  /** The slide's `data-deck-key`. */
  key: string;
  /** How far the content reaches past each edge of the canvas, in slide pixels (0 when inside). */
  overflow: { top: number; right: number; bottom: number; left: number };
  /** Blocks that clip their own content (a code block scrolls): what they hide, in slide pixels. */
  clipped: Array<{ what: string; hidden: number }>;
}

/**
 * Shows each slide with all its fragments and measures its content against the canvas (the
 * deck's width × height). Content is every box and line of text, except what sits inside a
 * box that clips it: such a box counts as itself, and what it hides is reported apart.
 */
export async function measureSlidesInPage(): Promise<SlideMeasure[]> {
  type Deck = {
    getConfig(): { width: unknown; height: unknown };
    getSlides(): HTMLElement[];
    getSlidesElement(): HTMLElement;
    getIndices(slide: HTMLElement): { h: number; v: number };
    slide(h: number, v: number, f?: number): void;
    layout(): void;
    deckhandLoadFonts?: () => Promise<void>;
  };
  const deck = (window as unknown as { Reveal: Deck }).Reveal;
  // Fragments fade and slide in: measure where things end up, not where they are mid-way.
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.appendChild(still);
  await deck.deckhandLoadFonts?.();
  const width = Number(deck.getConfig().width);
  const canvasElement = deck.getSlidesElement();
  const leaves = new Set(['IMG', 'SVG', 'svg', 'VIDEO', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'math']);
  const results: SlideMeasure[] = [];

  for (const slide of deck.getSlides()) {
    const key = slide.getAttribute('data-deck-key');
    if (!key) continue;
    const { h, v } = deck.getIndices(slide);
    deck.slide(h, v, Number.MAX_SAFE_INTEGER); // every fragment shown
    deck.layout();
    await Promise.all(Array.from(slide.querySelectorAll('img')).map((img) => img.decode().catch(() => undefined)));
    const canvas = canvasElement.getBoundingClientRect();
    const scale = canvas.width / width || 1;
    const box = { top: Infinity, right: -Infinity, bottom: -Infinity, left: Infinity };
    const add = (r: DOMRect) => {
      if (r.width <= 0 && r.height <= 0) return;
      box.top = Math.min(box.top, r.top);
      box.left = Math.min(box.left, r.left);
      box.bottom = Math.max(box.bottom, r.bottom);
      box.right = Math.max(box.right, r.right);
    };
    const clipped: SlideMeasure['clipped'] = [];
    const range = document.createRange();
    const visit = (el: Element) => {
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (!node.nodeValue?.trim()) continue;
          range.selectNodeContents(node);
          // A glyph box is taller than its line when line-height < 1.4 or so; the line is what takes room.
          const lineHeight = parseFloat(getComputedStyle(el).lineHeight) * scale;
          for (const r of Array.from(range.getClientRects())) {
            const inset = lineHeight > 0 && r.height > lineHeight ? (r.height - lineHeight) / 2 : 0;
            add(new DOMRect(r.x, r.y + inset, r.width, r.height - 2 * inset));
          }
          continue;
        }
        if (!(node instanceof Element) || node.matches('aside.notes, script, style, template')) continue;
        // A Mermaid error box is already reported as the syntax error it shows.
        if (node.classList.contains('deck-diagram-error')) continue;
        const s = getComputedStyle(node);
        if (s.display === 'none' || s.position === 'fixed') continue;
        if (s.visibility !== 'hidden' && Number(s.opacity) > 0) add(node.getBoundingClientRect());
        if (leaves.has(node.tagName)) continue;
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
          const hidden = Math.max(node.scrollHeight - node.clientHeight, node.scrollWidth - node.clientWidth);
          if (hidden > 1) clipped.push({ what: describe(node), hidden: Math.round(hidden) });
          continue;
        }
        visit(node);
      }
    };
    const describe = (el: Element) => (el.closest('pre') ? 'a code block' : el.tagName === 'TABLE' || el.closest('table') ? 'a table' : `a <${el.tagName.toLowerCase()}>`);
    visit(slide);
    const past = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.round(n / scale)) : 0);
    results.push({
      key,
      overflow: { top: past(canvas.top - box.top), right: past(box.right - canvas.right), bottom: past(box.bottom - canvas.bottom), left: past(canvas.left - box.left) },
      clipped,
    });
  }
  deck.slide(0, 0);
  still.remove();
  return results;
}
