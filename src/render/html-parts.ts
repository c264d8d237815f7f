import type { AssetRef, DiagramRef, HtmlPart } from '../types';
import { attributeString } from './html-tokens';

/**
 * A slide's HTML with holes the later stages fill: each diagram's slot and each copied file's
 * URL. The renderer writes a hole as a marker between NUL characters (which no source can
 * hold: the renderer replaces them before lexing) and cuts its output there once, so no stage
 * ever searches HTML for the places it must fill.
 */
const NUL = '\0';

export function diagramHole(id: string): string {
  return `${NUL}d${id}${NUL}`;
}

/** `index` is the asset's place in the slide's list: the marker stays plain ASCII inside any attribute. */
export function assetHole(index: number): string {
  return `${NUL}a${index}${NUL}`;
}

/** A source's NUL characters, as a browser reads them: U+FFFD. */
export function withoutNul(text: string): string {
  return text.includes(NUL) ? text.replace(/\0/g, '\uFFFD') : text;
}

export function splitHoles(html: string, assets: readonly AssetRef[]): HtmlPart[] {
  const pieces = html.split(NUL);
  const parts: HtmlPart[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) parts.push(piece);
    } else if (piece[0] === 'd') parts.push({ diagram: piece.slice(1) });
    else parts.push({ asset: assets[Number(piece.slice(1))].target });
  });
  return parts;
}

export interface HoleFiller {
  /** The whole slot: `<div class="deck-diagram" …>…</div>` and a newline. */
  diagram: (id: string) => string;
  /** The URL to write for a copied file (already in an attribute: it is encoded here). */
  asset: (target: string) => string;
}

export function joinParts(parts: readonly HtmlPart[], fill: HoleFiller): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if ('diagram' in p) out += fill.diagram(p.diagram);
    else out += fill.asset(p.asset).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  }
  return out;
}

/** The wrapper a diagram's content goes in, with the author's attributes and the page's own. */
export function diagramSlot(ref: Pick<DiagramRef, 'id' | 'attributes'>, extra: Record<string, string>, content: string): string {
  const attrs: Record<string, string> = { class: 'deck-diagram', 'data-deck-diagram': ref.id };
  for (const from of [ref.attributes ?? {}, extra]) {
    for (const [k, v] of Object.entries(from)) attrs[k] = k === 'class' && attrs.class ? `${attrs.class} ${v}` : v;
  }
  return `<div${attributeString(attrs)}>${content}</div>\n`;
}

/** The slide's HTML as its own folder shows it: files next to the page, diagram slots empty. */
export function relativeHtml(parts: readonly HtmlPart[], diagrams: readonly DiagramRef[]): string {
  const byId = new Map(diagrams.map((d) => [d.id, d]));
  return joinParts(parts, { diagram: (id) => diagramSlot(byId.get(id) ?? { id }, {}, ''), asset: (target) => target });
}
