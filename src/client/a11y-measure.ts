/**
 * Text colour against what is painted behind it, on a shown slide, with WCAG 2 contrast ratios:
 * what `deckhand check` and the dev page's check panel report as `text-contrast` (prose, headings,
 * links, inline code) and `code-contrast` (the highlight theme's token colours in code blocks).
 * Each distinct pair of colours below AA is measured once per slide, with a sample of its text.
 */
import { compositeOver, contrastRatio, cssColor, parseCssColor, type Rgba } from './a11y-colour';

export interface LowContrast {
  kind: 'text' | 'code';
  /** A sample of the text drawn in these colours, and how many text runs share them. */
  text: string;
  count: number;
  /** The element that sets the colour: `span.hljs-comment`, `a`, `p`… */
  element: string;
  color: string;
  background: string;
  ratio: number;
  /** 4.5, or 3 for large text (24 px, or 18.66 px bold, on the canvas). */
  required: number;
  fontSize: number;
}

/** WCAG 2's AA minimums, and what counts as large text (18 pt, or 14 pt bold, in CSS px). */
const AA_TEXT = 4.5;
const AA_LARGE_TEXT = 3;
export const AA_GRAPHICS = 3;
const LARGE = 24;
const LARGE_BOLD = 18.66;

export function requiredRatio(fontSize: number, fontWeight: number): number {
  return fontSize >= LARGE || (fontSize >= LARGE_BOLD && fontWeight >= 700) ? AA_LARGE_TEXT : AA_TEXT;
}

/** Not drawn as slide text, or measured elsewhere (diagrams: diagram-contrast.ts). */
const SKIPPED = 'aside.notes, script, style, template, svg, .deck-diagram, math, .katex-mathml';

/**
 * Every run of text on the slide whose colour falls below AA (or the `required` ratio: the
 * tests ask for AAA's 7:1) on its background. Text on a
 * background image, gradient or video is skipped: its contrast changes from pixel to pixel.
 * Fragments not yet shown are skipped (`check` shows them all before it measures).
 */
export function measureTextContrast(slide: HTMLElement, required: (fontSize: number, fontWeight: number) => number = requiredRatio): LowContrast[] {
  const found = new Map<string, LowContrast>();
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.nodeValue?.replace(/\s+/g, ' ').trim();
    if (!text || !el || el.closest(SKIPPED)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || !el.getClientRects().length) continue;
    const background = backgroundBehind(el);
    const fg = parseCssColor(style.color);
    if (!background || !fg) continue;
    const shown = compositeOver([fg[0], fg[1], fg[2], fg[3] * opacityWithin(el, slide)], background);
    const ratio = contrastRatio(shown, background);
    const fontSize = parseFloat(style.fontSize);
    const minimum = required(fontSize, parseInt(style.fontWeight, 10) || 400);
    if (ratio >= minimum) continue;
    const kind = el.closest('pre') ? 'code' : 'text';
    const pair = { color: cssColor(shown), background: cssColor(background) };
    const key = `${kind} ${pair.color} ${pair.background} ${minimum}`;
    const seen = found.get(key);
    if (seen) seen.count++;
    else found.set(key, { kind, text: text.length > 30 ? `${text.slice(0, 29)}…` : text, count: 1, element: describe(el), ...pair, ratio: Math.floor(ratio * 100) / 100, required: minimum, fontSize: Math.round(fontSize * 10) / 10 });
  }
  return [...found.values()];
}

/**
 * The opaque colour behind an element: its own and its ancestors' backgrounds up to the slide,
 * then reveal.js's background layer for that slide (`data-background-*`, drawn outside the
 * section), then the page's, composited from the first opaque one up. Undefined when an image,
 * gradient, video or iframe is among them.
 */
function backgroundBehind(el: Element): Rgba | undefined {
  const layers: Element[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    layers.push(e);
    // reveal.js draws a slide's own background in a layer beneath the slides (`slideBackgroundElement`).
    const bg = e.localName === 'section' ? (e as HTMLElement & { slideBackgroundElement?: HTMLElement }).slideBackgroundElement : undefined;
    if (bg) {
      if (bg.querySelector('video, iframe')) return undefined;
      layers.push(...Array.from(bg.querySelectorAll(':scope > .slide-background-content')), bg);
    }
  }
  const colours: Rgba[] = [];
  for (const layer of layers) {
    const style = getComputedStyle(layer);
    if (style.backgroundImage && style.backgroundImage !== 'none') return undefined;
    const c = parseCssColor(style.backgroundColor);
    if (!c || c[3] === 0) continue;
    colours.push(c);
    if (c[3] >= 1) break;
  }
  return colours.reduceRight<Rgba>((under, c) => compositeOver(c, under), [255, 255, 255, 1]);
}

/**
 * A code walkthrough (```` ```js [1|3-4] ````) dims the lines outside the current step on
 * purpose, and shows each step's lines in full at that step: its lines are judged undimmed.
 */
const STEP_DIMMED = '.has-highlights tr:not(.highlight-line)';

/** The product of opacities from the element up to the slide (a dimmed fragment is dimmed text). */
function opacityWithin(el: Element, slide: HTMLElement): number {
  let o = 1;
  for (let e: Element | null = el; e && e !== slide; e = e.parentElement) {
    if (!e.matches(STEP_DIMMED)) o *= parseFloat(getComputedStyle(e).opacity || '1');
  }
  return o;
}

function describe(el: Element): string {
  const cls = Array.from(el.classList).filter((c) => !c.startsWith('fragment') && c !== 'visible' && c !== 'current-fragment').join('.');
  return el.localName + (cls ? '.' + cls : '');
}

export interface ContrastFinding {
  code: 'text-contrast' | 'code-contrast';
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Text below AA is an error: part of the audience cannot read it. Code below AA is a warning:
 * the colours are the highlight theme's, which the author picks (`highlightTheme:`) rather than writes.
 */
export function contrastFindings(list: readonly LowContrast[]): ContrastFinding[] {
  return list.map((c) => {
    const what = `${c.kind === 'code' ? 'code' : 'text'} "${c.text}"${c.count > 1 ? ` (and ${c.count - 1} more in the same colours)` : ''} in <${c.element}>`;
    const pair = `${c.color} on ${c.background} is ${c.ratio}:1, below the ${c.required}:1 WCAG AA needs for ${c.fontSize} px text`;
    const fix = c.kind === 'code' ? 'choose another highlightTheme (e.g. github-dark, or theme: deckhand-contrast) or darken/lighten that token colour' : 'change the colour or the background in the theme or the slide\'s CSS';
    return { code: c.kind === 'code' ? 'code-contrast' : 'text-contrast', severity: c.kind === 'code' ? 'warning' : 'error', message: `${what}: ${pair}: ${fix}` };
  });
}
