import path from 'node:path';
import { diagramSlot, joinParts } from '../render/html-parts';
import { attributeString, encodeAttribute } from '../render/html-tokens';
import { escapeHtml } from '../render/escape';
import type { DiagramRef, DiagramResult, HtmlPart, RenderedDeck, RenderedSlide } from '../types';
import { placeSvg, svgRootId } from './diagram-svg';
import { relativeLinks, type PageLinks } from './page-links';

export type { PageLinks } from './page-links';


export interface PageInputs {
  deck: RenderedDeck;
  diagrams: Map<string, DiagramResult>;
  /** URL of the shared runtime folder relative to the page, ending in `/`. */
  runtime: string;
  styleName: string;
  reveal: Record<string, unknown>;
  mermaid: Record<string, unknown>;
  /** Project root: source paths in the page are written relative to it. */
  root: string;
  /** Stable slide identities by slide key (dev server only), written as data-deck-id. */
  slideIds?: ReadonlyMap<string, string>;
  /** Runtime files loaded before the runtime itself (the audience's follow plugin, the views' frame bridge). */
  runtimeScripts?: string[];
  /** Markup added before the runtime script as it is (the dev server's client). */
  extraScripts?: string;
  /** How the page refers to the files it uses; by default, relative URLs to the runtime folder and the deck's assets. */
  links?: PageLinks;
}

type SectionInputs = Pick<PageInputs, 'diagrams' | 'root' | 'slideIds' | 'links'> & { usedIds?: Set<string> };

/** Assemble stage: one deck → its index.html, with every diagram's SVG (or fallback) in place. */
export function assembleDeckPage(p: PageInputs): string {
  const links = p.links ?? relativeLinks(p.runtime);
  const url = (file: string) => encodeAttribute(links.url({ kind: 'runtime', file }));
  const sections = renderSlidesHtml({ ...p, links });
  const config = { reveal: p.reveal, runtime: p.runtime, mermaid: p.mermaid };
  const css = links.styleText?.(p.styleName);
  const style = css === undefined ? `<link rel="stylesheet" href="${url(p.styleName)}" data-deck-style>` : `<style data-deck-style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`;
  const scripts = (p.runtimeScripts ?? []).map((f) => `<script src="${url(f)}"></script>\n`).join('');
  const deferred = [...p.diagrams.values()].some((r) => r.kind === 'deferred');
  // A page that cannot reach the runtime folder carries mermaid, parsed only when a diagram is drawn.
  const mermaid = deferred ? links.mermaidBase64?.() : undefined;
  const mermaidTag = mermaid === undefined ? '' : `<script type="text/plain" id="deck-mermaid-source">${mermaid}</script>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Deckhand">
<title>${escapeHtml(p.deck.title)}</title>
${style}
</head>
<body>
<div class="reveal">
<div class="slides">
${sections}
</div>
</div>
<script type="application/json" id="deck-config">${jsonForScript(config)}</script>
${scripts}${p.extraScripts ?? ''}${mermaidTag}<script src="${url('deckhand.js')}"></script>
</body>
</html>
`;
}

/**
 * The SVG root ids of a slide's drawn diagrams, in order: what a later copy of the same diagram is
 * renamed against (see `placeSvg`). A slide rendered alone (a patch in `dev` or a talk) gets those
 * of every slide before it as `usedIds`, so its SVGs come out as in the whole page: two copies of
 * one diagram sharing ids lose their arrowheads when the first copy's slide is not displayed.
 */
export function placedDiagramIds(slide: RenderedSlide, diagrams: PageInputs['diagrams']): string[] {
  const ids: string[] = [];
  for (const part of slide.body) {
    if (typeof part === 'string' || !('diagram' in part)) continue;
    const result = diagrams.get(part.diagram);
    const id = result?.kind === 'svg' ? svgRootId(result.svg) : undefined;
    if (id) ids.push(id);
  }
  return ids;
}

/** The inside of `.slides`: every stack, with vertical slides nested in their parent section. */
export function renderSlidesHtml(p: Omit<SectionInputs, 'usedIds'> & Pick<PageInputs, 'deck'>): string {
  const q = { ...p, usedIds: new Set<string>() };
  return p.deck.stacks
    .map((stack) => (stack.length === 1 ? renderSection(stack[0], q) : `<section>\n${stack.map((s) => renderSection(s, q)).join('\n')}\n</section>`))
    .join('\n');
}

export function renderSection(slide: RenderedSlide, p: SectionInputs): string {
  const links = p.links ?? relativeLinks('');
  const assetUrl = (file: string) => links.url({ kind: 'asset', file });
  const assets = new Set(slide.assets.map((a) => a.target));
  const id = p.slideIds?.get(slide.key);
  const attributes: Record<string, string> = {};
  // Backgrounds the render stage copied are its assets: their URL is the links' to give.
  for (const [k, v] of Object.entries(slide.attributes)) attributes[k] = assets.has(v) ? assetUrl(v) : v;
  const attrs = {
    ...attributes,
    'data-deck-key': slide.key,
    ...(id ? { 'data-deck-id': id } : {}),
    'data-deck-source': `${path.relative(p.root, slide.file)}:${slide.line}`,
  };
  const refs = new Map(slide.diagrams.map((d) => [d.id, d]));
  const usedIds = p.usedIds ?? new Set<string>();
  const fill = (parts: HtmlPart[], placeDiagrams: boolean) =>
    joinParts(parts, {
      asset: assetUrl,
      diagram: (ref) => {
        const d = refs.get(ref) ?? { id: ref, code: '', alt: '', origin: { file: slide.file, line: slide.line, column: 1 } };
        // Diagrams in speaker notes keep an empty slot, as they always have.
        return placeDiagrams ? placeDiagram(d, p.diagrams.get(ref), usedIds, slide.diagrams.length === 1) : diagramSlot(d, {}, '');
      },
    });
  const body = fill(slide.body, true);
  const notes = slide.notes ? `<aside class="notes">${fill(slide.notes, false)}</aside>` : '';
  return `<section${attributeString(attrs)}>\n${body}${notes}</section>`;
}

/** A diagram's slot with what its result holds: the SVG, the source left to the browser, or the error. */
function placeDiagram(ref: DiagramRef, result: DiagramResult | undefined, usedIds: Set<string>, alone: boolean): string {
  const label: Record<string, string> = ref.alt ? { 'aria-label': ref.alt } : {};
  switch (result?.kind) {
    case 'svg':
      // The slide's only diagram takes the height the slide leaves it: reveal.js's r-stretch does the sums
      // (for a direct child of the slide; elsewhere the class does nothing).
      return diagramSlot(ref, alone && !/(^|\s)r-stretch(\s|$)/.test(ref.attributes?.class ?? '') ? { class: 'r-stretch' } : {}, placeSvg(result.svg, { alt: ref.alt, usedIds, suffix: ref.id }));
    case 'error':
      return diagramSlot(ref, { class: 'deck-diagram-error', role: 'img', ...label }, escapeHtml(result.message));
    case 'drawing':
      // Takes the place the drawing will: the slide's only diagram stretches as the SVG will, so it does not jump when patched in.
      return diagramSlot(ref, { ...(alone ? { class: 'r-stretch' } : {}), 'data-deck-drawing': '', role: 'img', 'aria-busy': 'true', ...label }, '<span class="deck-diagram-drawing-label" aria-hidden="true">Drawing diagram…</span>');
    default:
      // A stepped diagram's plan goes with its source: the viewer's browser marks the steps after drawing.
      return diagramSlot(ref, { 'data-deck-pending': '', role: 'img', ...label, ...(result?.steps ? { 'data-deck-steps': JSON.stringify(result.steps) } : {}) }, `<pre class="deck-diagram-source" hidden>${escapeHtml(ref.code)}</pre>`);
  }
}

/** JSON that cannot close the <script> element holding it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
