/**
 * What a rendered diagram looks like to the audience, measured from computed colours: every label
 * against what is painted behind it (the shape it sits in, or the slide), and every line and border
 * against the slide background, with WCAG 2 contrast ratios and the label's size on the slide
 * canvas. Runs in the page (`deckhand check` and the tests), on a diagram whose slide is shown.
 */

export interface TextContrast {
  /** The label's text, as the audience reads it. */
  text: string;
  color: string;
  background: string;
  ratio: number;
  /** The label's font size on the slide canvas (reveal.js's scaling taken out), in px. */
  fontSize: number;
  /** What the background is: the painted shape's tag and class, or `slide`. */
  behind: string;
}

export interface LineContrast {
  /** The stroked element's tag and class (`path.flowchart-link`, `rect.actor`, …). */
  element: string;
  color: string;
  background: string;
  ratio: number;
}

export interface DiagramContrast {
  texts: TextContrast[];
  lines: LineContrast[];
}

type Rgba = [number, number, number, number];

const SHAPES = 'rect, path, polygon, circle, ellipse, polyline';
const STROKED = 'path, line, polyline, polygon, rect, circle, ellipse';

export function measureDiagramContrast(svg: SVGSVGElement): DiagramContrast {
  const slideBg = slideBackground(svg);
  const canvasScale = scaleOfCanvas(svg);
  const shapes = Array.from(svg.querySelectorAll<SVGGraphicsElement>(SHAPES)).filter((s) => shown(s) && !inDefs(s));
  const texts: TextContrast[] = [];
  for (const el of labels(svg)) {
    const text = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim();
    if (!text || !shown(el)) continue;
    const style = getComputedStyle(el);
    const fg = parseColor(el instanceof SVGElement ? style.fill : style.color);
    if (!fg) continue;
    const { color: bg, behind } = backgroundOf(el, shapes, slideBg);
    const shownFg = over(fg, bg);
    texts.push({ text, color: css(shownFg), background: css(bg), ratio: round(contrast(shownFg, bg)), fontSize: round(parseFloat(style.fontSize) * canvasScale(el)), behind });
  }
  const lines: LineContrast[] = [];
  for (const el of Array.from(svg.querySelectorAll<SVGGraphicsElement>(STROKED))) {
    if (!shown(el) || inDefs(el)) continue;
    const style = getComputedStyle(el);
    const stroke = parseColor(style.stroke);
    if (!stroke || stroke[3] === 0 || !(parseFloat(style.strokeWidth) > 0) || parseFloat(style.strokeOpacity) === 0) continue;
    const color = over(withAlpha(stroke, parseFloat(style.strokeOpacity) * opacity(el)), slideBg);
    lines.push({ element: describe(el), color: css(color), background: css(slideBg), ratio: round(contrast(color, slideBg)) });
  }
  return { texts, lines };
}

/**
 * Elements that hold text themselves (`<text>`, `<tspan>`, the HTML inside a foreignObject): a
 * `<tspan>` may be coloured apart from its `<text>` (Mermaid's sequence actors are).
 */
function labels(svg: SVGSVGElement): Element[] {
  return Array.from(svg.querySelectorAll('text, tspan, foreignObject *')).filter((el) =>
    Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()),
  );
}

/** The colour behind a label: its own HTML background, else the topmost filled shape painted before it that covers its centre, else the slide. */
function backgroundOf(el: Element, shapes: SVGGraphicsElement[], slideBg: Rgba): { color: Rgba; behind: string } {
  for (let e: Element | null = el; e && !(e instanceof SVGElement); e = e.parentElement) {
    const bg = parseColor(getComputedStyle(e).backgroundColor);
    if (bg && bg[3] > 0) return { color: over(bg, slideBg), behind: describe(e) };
  }
  const box = el.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  let found: SVGGraphicsElement | undefined;
  for (const shape of shapes) {
    if (!(shape.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || shape.contains(el)) continue;
    const fill = parseColor(getComputedStyle(shape).fill);
    if (!fill || fill[3] === 0 || parseFloat(getComputedStyle(shape).fillOpacity) === 0) continue;
    const r = shape.getBoundingClientRect();
    if (cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom) found = shape;
  }
  if (!found) return { color: slideBg, behind: 'slide' };
  const style = getComputedStyle(found);
  const fill = withAlpha(parseColor(style.fill)!, parseFloat(style.fillOpacity) * opacity(found));
  return { color: over(fill, slideBg), behind: describe(found) };
}

/** The first opaque background among the diagram's ancestors: the slide's, as the audience sees it. */
function slideBackground(svg: Element): Rgba {
  for (let e: Element | null = svg; e; e = e.parentElement) {
    const bg = parseColor(getComputedStyle(e).backgroundColor);
    if (bg && bg[3] > 0) return bg[3] >= 1 ? bg : over(bg, [255, 255, 255, 1]);
  }
  return [255, 255, 255, 1];
}

/**
 * Canvas px per SVG user unit at an element: the SVG's own fitting (viewBox, transforms) from its
 * screen matrix, reveal.js's scaling of the whole canvas taken out.
 */
function scaleOfCanvas(svg: Element): (el: Element) => number {
  const slides = svg.closest('.slides') as HTMLElement | null;
  const reveal = slides && slides.offsetWidth ? slides.getBoundingClientRect().width / slides.offsetWidth : 1;
  return (el) => {
    const graphic = el instanceof SVGGraphicsElement ? el : (el.closest('foreignObject') as SVGGraphicsElement | null);
    const m = graphic?.getScreenCTM();
    // An HTML label's font size is in CSS px inside the foreignObject, which the matrix scales too.
    return m ? Math.hypot(m.a, m.b) / reveal : 1;
  };
}

function shown(el: Element): boolean {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && opacity(el) > 0;
}

function inDefs(el: Element): boolean {
  return !!el.closest('defs, marker, clipPath, mask, pattern');
}

/**
 * The product of the element's and its ancestors' opacity inside the diagram: the slide's own
 * (mid-transition, a fragment) is how it is shown, not how it is drawn.
 */
function opacity(el: Element): number {
  let o = 1;
  for (let e: Element | null = el; e; e = e.parentElement) {
    o *= parseFloat(getComputedStyle(e).opacity || '1');
    if (e.localName === 'svg' && !e.parentElement?.closest('svg')) break;
  }
  return o;
}

function describe(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).join('.');
  return el.localName + (cls ? '.' + cls : '');
}

/** Computed colours come back as `rgb(…)`/`rgba(…)` (or `none`, `url(#…)`: no colour). */
function parseColor(value: string | undefined): Rgba | undefined {
  const m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec((value ?? '').trim());
  if (!m) return undefined;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [+m[1], +m[2], +m[3], a];
}

function withAlpha(c: Rgba, a: number): Rgba {
  return [c[0], c[1], c[2], c[3] * (Number.isFinite(a) ? a : 1)];
}

/** `top` composited over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
}

function luminance(c: Rgba): number {
  const [r, g, b] = c.slice(0, 3).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function css(c: Rgba): string {
  return `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
}

const round = (n: number) => Math.round(n * 100) / 100;
