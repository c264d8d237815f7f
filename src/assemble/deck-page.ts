import path from 'node:path';
import { attributeString, injectAttributes } from '../render/attribute-comments';
import { diagramMarker } from '../render/render-slide';
import { escapeAttr, escapeHtml } from '../render/highlight';
import type { DiagramRef, DiagramResult, RenderedDeck, RenderedSlide } from '../types';

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
  /** Script tags that must run before the runtime (the dev server's client). */
  extraScripts?: string;
}

/** Assemble stage: one deck → its index.html, with every diagram's SVG (or fallback) in place. */
export function assembleDeckPage(p: PageInputs): string {
  const sections = renderSlidesHtml(p);
  const config = { reveal: p.reveal, runtime: p.runtime, mermaid: p.mermaid };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Deckhand">
<title>${escapeHtml(p.deck.title)}</title>
<link rel="stylesheet" href="${escapeAttr(p.runtime + p.styleName)}" data-deck-style>
</head>
<body>
<div class="reveal">
<div class="slides">
${sections}
</div>
</div>
<script type="application/json" id="deck-config">${jsonForScript(config)}</script>
${p.extraScripts ?? ''}<script src="${escapeAttr(p.runtime)}deckhand.js"></script>
</body>
</html>
`;
}

/** The inside of `.slides`: every stack, with vertical slides nested in their parent section. */
export function renderSlidesHtml(p: PageInputs): string {
  const q = { ...p, usedIds: new Set<string>() };
  return p.deck.stacks
    .map((stack) => (stack.length === 1 ? renderSection(stack[0], q) : `<section>\n${stack.map((s) => renderSection(s, q)).join('\n')}\n</section>`))
    .join('\n');
}

export function renderSection(slide: RenderedSlide, p: Pick<PageInputs, 'diagrams' | 'root' | 'slideIds'> & { usedIds?: Set<string> }): string {
  const id = p.slideIds?.get(slide.key);
  const attrs = {
    ...slide.attributes,
    'data-deck-key': slide.key,
    ...(id ? { 'data-deck-id': id } : {}),
    'data-deck-source': `${path.relative(p.root, slide.file)}:${slide.line}`,
  };
  const body = fillDiagrams(slide.html, slide.diagrams, p.diagrams, p.usedIds);
  const notes = slide.notesHtml ? `<aside class="notes">${slide.notesHtml}</aside>` : '';
  return `<section${attributeString(attrs)}>\n${body}${notes}</section>`;
}

function fillDiagrams(html: string, refs: DiagramRef[], results: Map<string, DiagramResult>, usedIds = new Set<string>()): string {
  let out = html;
  for (const ref of refs) {
    const result = results.get(ref.id);
    // The wrapper tag was written by the render stage, perhaps with the author's attributes added.
    const wrapper = new RegExp(`<div\\b[^>]*\\sdata-deck-diagram="${ref.id}"[^>]*>`);
    out = out.replace(wrapper, (tag) => injectAttributes(tag, wrapperAttributes(ref, result)));
    out = out.replace(diagramMarker(ref.id), () => diagramContent(ref, result, usedIds));
  }
  return out;
}

function wrapperAttributes(ref: DiagramRef, result: DiagramResult | undefined): Record<string, string> {
  if (result?.kind === 'svg') return {};
  return {
    ...(result?.kind === 'error' ? { class: 'deck-diagram-error' } : { 'data-deck-pending': '' }),
    role: 'img',
    ...(ref.alt ? { 'aria-label': ref.alt } : {}),
  };
}

function diagramContent(ref: DiagramRef, result: DiagramResult | undefined, usedIds: Set<string>): string {
  if (!result || result.kind === 'deferred') return `<pre class="deck-diagram-source" hidden>${escapeHtml(ref.code)}</pre>`;
  if (result.kind === 'error') return escapeHtml(result.message);
  const svg = scaleCap(uniqueIds(result.svg, ref.id, usedIds)).replace(/^<svg\b([^>]*?)\srole="[^"]*"/, '<svg$1');
  return injectAttributes(svg, { role: 'img', ...(ref.alt ? { 'aria-label': ref.alt } : {}) });
}

/** The same diagram twice in a page must not share element ids (markers and styles are scoped by id). */
function uniqueIds(svg: string, refId: string, usedIds: Set<string>): string {
  const id = /^<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
  if (!id) return svg;
  if (!usedIds.has(id)) {
    usedIds.add(id);
    return svg;
  }
  return svg.split(id).join(`${id}-${refId}`);
}

/**
 * Diagrams grow to the slide's width, but never past twice their drawn size: a three-box
 * flowchart should not have letters taller than the slide's headings.
 */
function scaleCap(svg: string): string {
  const width = /^<svg[^>]*\sviewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/.exec(svg)?.[1];
  if (!width) return svg;
  const cap = `max-width: ${Math.round(parseFloat(width) * 1.8)}px;`;
  return svg.replace(/^(<svg[^>]*?\sstyle=")max-width:[^;"]*;?/, `$1${cap}`);
}

/** JSON that cannot close the <script> element holding it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
