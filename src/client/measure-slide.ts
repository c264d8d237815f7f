/**
 * Measures one shown slide against the deck's canvas: shared by `deckhand check` (which shows
 * every slide with all fragments in turn) and the dev page (which measures the slide on screen).
 * Fragments hidden by reveal.js keep their room in the layout, so a slide measured with its
 * fragments hidden reports the same overflow as fully revealed, as long as nothing is mid-transition.
 */
import { contrastFindings, measureTextContrast, type ContrastFinding, type LowContrast } from './a11y-measure';
import { diagramFindings, measureDiagramLabels, type DiagramFindingCode, type DiagramMeasure } from './diagram-labels';

export interface SlideMeasure {
  /** The slide's `data-deck-key`. */
  key: string;
  /** How far the content reaches past each edge of the canvas, in slide pixels (0 when inside). */
  overflow: { top: number; right: number; bottom: number; left: number };
  /** Blocks that clip their own content (a code block scrolls): what they hide, in slide pixels. */
  clipped: Array<{ what: string; hidden: number }>;
  /** Each drawn diagram's smallest label against the slide's body text (see diagram-labels.ts). */
  diagrams: DiagramMeasure[];
  /** Text and code colours below WCAG AA on their background (see a11y-measure.ts). */
  contrast: LowContrast[];
}

const LEAVES = new Set(['IMG', 'SVG', 'svg', 'VIDEO', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'math']);

/**
 * Content is every box and line of text, except what sits inside a box that clips it: such a
 * box counts as itself, and what it hides is reported apart. `canvas` is reveal.js's `.slides`
 * element and `width` the deck's configured width (to undo the scale reveal.js applies).
 */
export function measureSlide(slide: HTMLElement, canvas: HTMLElement, width: number): SlideMeasure {
  const frame = canvas.getBoundingClientRect();
  const scale = frame.width / width || 1;
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
      // Fragments not yet shown still take their room: count them as shown.
      if ((s.visibility !== 'hidden' && Number(s.opacity) > 0) || node.closest('.fragment')) add(node.getBoundingClientRect());
      if (LEAVES.has(node.tagName)) continue;
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
        const hidden = Math.max(node.scrollHeight - node.clientHeight, node.scrollWidth - node.clientWidth);
        if (hidden > 1) clipped.push({ what: describe(node), hidden: Math.round(hidden) });
        continue;
      }
      visit(node);
    }
  };
  visit(slide);
  const past = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.round(n / scale)) : 0);
  return {
    key: slide.getAttribute('data-deck-key') ?? '',
    overflow: { top: past(frame.top - box.top), right: past(box.right - frame.right), bottom: past(box.bottom - frame.bottom), left: past(frame.left - box.left) },
    clipped,
    diagrams: measureDiagramLabels(slide, scale),
    contrast: measureTextContrast(slide),
  };
}

function describe(el: Element): string {
  if (el.closest('pre')) return 'a code block';
  if (el.tagName === 'TABLE' || el.closest('table')) return 'a table';
  return `a <${el.tagName.toLowerCase()}>`;
}

/** A measure as findings, worded once for `deckhand check` and the dev page alike. */
export interface SlideFinding {
  code: 'slide-overflow' | 'clipped-content' | DiagramFindingCode | ContrastFinding['code'];
  severity: 'error' | 'warning';
  message: string;
  /** A diagram's slot id when the finding is about that diagram rather than the whole slide. */
  diagram?: string;
}

/** Content past the canvas is an error (the audience never sees it); a block that must scroll is a warning. */
export function slideFindings(m: SlideMeasure, size: { width: number; height: number }): SlideFinding[] {
  const out: SlideFinding[] = [];
  const edges = (['bottom', 'right', 'top', 'left'] as const).filter((e) => m.overflow[e] >= 1).map((e) => `${m.overflow[e]} px at the ${e}`);
  if (edges.length) out.push({ code: 'slide-overflow', severity: 'error', message: `slide content overflows the ${size.width}×${size.height} canvas by ${edges.join(' and ')}` });
  for (const c of m.clipped) {
    out.push({ code: 'clipped-content', severity: 'warning', message: `${c.what} on this slide hides ${c.hidden} px of its content (it would have to be scrolled)` });
  }
  out.push(...diagramFindings(m.diagrams), ...contrastFindings(m.contrast));
  return out;
}
