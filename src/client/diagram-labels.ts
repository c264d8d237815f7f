import { AA_GRAPHICS, requiredRatio } from './a11y-measure';
import { measureDiagramContrast, type LineContrast, type TextContrast } from './diagram-contrast';

/**
 * How big a slide's diagram labels are drawn, on the slide canvas: what `deckhand check` and the
 * dev page's check panel compare with the slide's body text (labels must read from the back row).
 */

/** A diagram on a measured slide. */
export interface DiagramMeasure {
  /** The slot's `data-deck-diagram` id: `check` maps it back to the fence or image line. */
  id: string;
  /** The smallest label's font size in slide pixels (after every scale: viewBox, layout, reveal.js). */
  smallestLabel: number;
  /** That label's text, to name it in messages. */
  smallestText: string;
  /** The slide's body text size (computed `font-size` of its section), in slide pixels. */
  bodyText: number;
  /** Labels below WCAG AA on what is behind them (3:1 from 24 px), and lines and borders below 3:1 on the slide. */
  lowContrast?: { texts: TextContrast[]; lines: LineContrast[] };
}

/** Labels below this share of the slide's body text are too small to read when projected. */
export const MIN_LABEL_RATIO = 0.7;

/** Text in an SVG that is never drawn: accessible names and styles. */
const NOT_DRAWN = 'title, desc, style, script, metadata';

/**
 * Every drawn diagram of the slide with its smallest label. `revealScale` is how much reveal.js
 * scales the canvas (client pixels per slide pixel). A label's size in slide pixels is its
 * computed font size (in its own user units) times the scale of its coordinate system on
 * screen: `getScreenCTM()` holds the viewBox fit, the diagram's layout size and reveal.js's
 * transform, so dividing by `revealScale` leaves the size on the canvas. Labels in HTML
 * (`htmlLabels`) are sized in their foreignObject's user units.
 */
export function measureDiagramLabels(slide: HTMLElement, revealScale: number): DiagramMeasure[] {
  const bodyText = parseFloat(getComputedStyle(slide).fontSize) || 0;
  const out: DiagramMeasure[] = [];
  for (const slot of Array.from(slide.querySelectorAll<HTMLElement>('.deck-diagram[data-deck-diagram]'))) {
    // A diagram the slide does not show at all (display: none) has no size to judge.
    const svg = slot.querySelector(':scope > svg');
    if (!(svg instanceof SVGSVGElement) || !svg.getClientRects().length) continue;
    const smallest = smallestLabel(svg, revealScale);
    if (!smallest) continue;
    const contrast = measureDiagramContrast(svg);
    const lowContrast = { texts: contrast.texts.filter((t) => t.ratio < requiredRatio(t.fontSize, 400)), lines: contrast.lines.filter((l) => l.ratio < AA_GRAPHICS) };
    out.push({ id: slot.getAttribute('data-deck-diagram') ?? '', smallestLabel: smallest.size, smallestText: smallest.text, bodyText, lowContrast });
  }
  return out;
}

function smallestLabel(svg: SVGSVGElement, revealScale: number): { size: number; text: string } | undefined {
  let best: { size: number; text: string } | undefined;
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue?.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest(NOT_DRAWN)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none') continue;
    // SVG text is sized in its own user units; HTML inside a foreignObject in the foreignObject's.
    const frame = el instanceof SVGGraphicsElement ? el : el.closest('foreignObject');
    const ctm = frame instanceof SVGGraphicsElement ? frame.getScreenCTM() : null;
    if (!ctm) continue;
    const size = (parseFloat(style.fontSize) * Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c))) / (revealScale || 1);
    // Mermaid draws a label's words as separate tspans: name the whole label.
    const label = el.closest('text') ?? el.closest('foreignObject') ?? el;
    if (size > 0 && (!best || size < best.size)) best = { size, text: (label.textContent ?? text).replace(/\s+/g, ' ').trim() };
  }
  return best;
}

/** Finding codes of diagrams: `diagram-contrast` is reserved for colour pairs below WCAG contrast (src/client/diagram-contrast.ts). */
export type DiagramFindingCode = 'diagram-label-size' | 'diagram-contrast';

export interface DiagramFinding {
  code: DiagramFindingCode;
  severity: 'warning';
  message: string;
  /** The diagram's slot id, so the finding points at the diagram's own line. */
  diagram: string;
}

/**
 * A diagram whose smallest label is under 0.7 × the body text is a warning (`--strict` fails
 * on it). A contrast measure, once measured here, becomes a `diagram-contrast` finding the same way.
 */
export function diagramFindings(diagrams: readonly DiagramMeasure[]): DiagramFinding[] {
  const out: DiagramFinding[] = [];
  for (const d of diagrams) {
    out.push(...contrastOf(d));
    const required = d.bodyText * MIN_LABEL_RATIO;
    // A twentieth of a pixel is rounding, not a label too small.
    if (d.smallestLabel >= required - 0.05) continue;
    out.push({
      code: 'diagram-label-size',
      severity: 'warning',
      diagram: d.id,
      message:
        `diagram labels are drawn at ${px(d.smallestLabel)} px (smallest: "${short(d.smallestText)}"), below the ${px(required)} px that reads ` +
        `from the back row (${MIN_LABEL_RATIO} × the slide's ${px(d.bodyText)} px text): put fewer nodes in a row, ` +
        'lay it out top to bottom (TB instead of LR), or split the diagram in two',
    });
  }
  return out;
}

/** One finding per diagram for its labels and one for its lines, naming the worst pair: the fix is the diagram's colours, not each element. */
function contrastOf(d: DiagramMeasure): DiagramFinding[] {
  const out: DiagramFinding[] = [];
  const texts = [...(d.lowContrast?.texts ?? [])].sort((a, b) => a.ratio - b.ratio);
  const lines = [...(d.lowContrast?.lines ?? [])].sort((a, b) => a.ratio - b.ratio);
  const fix = 'use the theme\'s diagram colours (drop the classDef/style colours) or pick darker or lighter ones';
  if (texts.length) {
    const t = texts[0];
    const more = texts.length > 1 ? ` (${texts.length} text runs below AA in all)` : '';
    out.push({ code: 'diagram-contrast', severity: 'warning', diagram: d.id, message: `diagram label "${short(t.text)}" is ${t.color} on ${t.background} (${t.behind}): ${t.ratio}:1, below the ${requiredRatio(t.fontSize, 400)}:1 WCAG AA needs${more}: ${fix}` });
  }
  if (lines.length) {
    const l = lines[0];
    const more = lines.length > 1 ? ` (${lines.length} lines and borders in all)` : '';
    out.push({ code: 'diagram-contrast', severity: 'warning', diagram: d.id, message: `diagram line or border (${shortElement(l.element)}) is ${l.color} on the slide's ${l.background}: ${l.ratio}:1, below the 3:1 WCAG AA needs for graphics${more}: ${fix}` });
  }
  return out;
}

/** `path.edge-thickness-normal.….flowchart-link` → `path.flowchart-link`: Mermaid's last class names the part. */
const shortElement = (e: string) => e.split('.').filter((c, i, all) => i === 0 || i === all.length - 1).join('.');
const px = (n: number) => String(Math.round(n * 10) / 10);
const short = (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s);
