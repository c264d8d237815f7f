import { applyEdits, scanHtml, serializeStartTag, type Attributes, type HtmlEdit, type StartTag } from '../render/html-tokens';

export interface SvgPlacement {
  /** The diagram's accessible name. */
  alt: string;
  /** Ids already used by the page's earlier diagrams; this one's are added. */
  usedIds: Set<string>;
  /** Appended to this SVG's ids when its root id is already used (the same diagram twice). */
  suffix: string;
}

/**
 * A diagram's SVG ready for its slot, from one pass of the tokenizer over it: the root is an
 * image named by the alt text, may grow to at most 1.8× its drawn width, and, when the same
 * diagram is already on the page, every id it defines is renamed together with each reference
 * to it (`url(#…)`, `href="#…"`, `aria-labelledby`, `#id` in its <style>), because markers and
 * styles are scoped by id.
 */
export function placeSvg(svg: string, p: SvgPlacement): string {
  // Only a repeated diagram needs more than its root tag read.
  const first = rootTag(svg);
  if (!first) return svg;
  const rootId = first.attributes.id;
  const repeated = rootId !== undefined && p.usedIds.has(rootId);
  if (rootId) p.usedIds.add(rootId);
  const { tags, texts } = repeated ? scanHtml(svg) : { tags: [first], texts: [] };
  const root = tags[0];
  const rename = repeated ? renames(tags, rootId, p.suffix) : new Map<string, string>();

  const edits: HtmlEdit[] = [];
  for (const tag of tags) {
    const renamed = rename.size ? renameReferences(tag.attributes, rename) : undefined;
    const attributes = tag === root ? rootAttributes(renamed ?? root.attributes, p.alt) : renamed;
    if (attributes) edits.push({ start: tag.start, end: tag.end, text: serializeStartTag(tag.name, attributes, tag.selfClosing) });
  }
  if (rename.size) {
    for (const t of texts) {
      if (t.parent !== 'style') continue;
      const css = svg.slice(t.start, t.end);
      const next = renameInCss(css, rename);
      if (next !== css) edits.push({ start: t.start, end: t.end, text: next });
    }
  }
  return applyEdits(svg, edits);
}

/**
 * The id of an SVG's root element: what tells a repeated diagram (see `placeSvg`). Remembered per
 * SVG: a patch in `dev` or a talk asks for every diagram slide before the one it renders.
 */
export function svgRootId(svg: string): string | undefined {
  if (rootIds.has(svg)) return rootIds.get(svg);
  if (rootIds.size >= 2000) rootIds.clear();
  const id = rootTag(svg)?.attributes.id;
  rootIds.set(svg, id);
  return id;
}

const rootIds = new Map<string, string | undefined>();

function rootTag(svg: string): StartTag | undefined {
  const first = scanHtml(svg, true).tags[0];
  return first?.name === 'svg' ? first : undefined;
}

/** New names for every id the SVG defines: the root's prefix gets the suffix (`r_marker` → `r-2_marker`). */
function renames(tags: StartTag[], rootId: string, suffix: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const t of tags) {
    const id = t.attributes.id;
    if (!id || map.has(id)) continue;
    map.set(id, id.startsWith(rootId) ? `${rootId}-${suffix}${id.slice(rootId.length)}` : `${id}-${suffix}`);
  }
  return map;
}

const ID_LISTS = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto', 'for']);

/** The tag's attributes with renamed ids and references, or undefined when none changed. */
function renameReferences(attrs: Attributes, rename: Map<string, string>): Attributes | undefined {
  let changed = false;
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attrs)) {
    let next = value;
    if (name === 'id') next = rename.get(value) ?? value;
    else if (name === 'href' || name === 'xlink:href') next = value.startsWith('#') && rename.has(value.slice(1)) ? `#${rename.get(value.slice(1))}` : value;
    else if (ID_LISTS.has(name)) next = value.split(/(\s+)/).map((w) => rename.get(w) ?? w).join('');
    else if (name === 'style') next = renameInCss(value, rename);
    else if (value.includes('url(')) next = renameUrls(value, rename);
    if (next !== value) changed = true;
    out[name] = next;
  }
  return changed ? out : undefined;
}

/** `url(#id)` references in a presentation attribute (`marker-end`, `fill`, `clip-path`, …). */
function renameUrls(value: string, rename: Map<string, string>): string {
  return value.replace(/url\(\s*(["']?)#([^"')\s]+)\1\s*\)/g, (all, q: string, id: string) => (rename.has(id) ? `url(${q}#${rename.get(id)}${q})` : all));
}

/** `#id` selectors and `url(#id)` in CSS, for the ids this SVG defines (a colour like `#333` is no id of it). */
function renameInCss(css: string, rename: Map<string, string>): string {
  return css.replace(/#(-?[A-Za-z_][\w-]*|[\w-]+)/g, (all, id: string) => (rename.has(id) ? `#${rename.get(id)}` : all));
}

/** The root: an image named by the alt text (mermaid's own role replaced), at most 1.8× its drawn width. */
function rootAttributes(attrs: Attributes, alt: string): Attributes {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'role') continue;
    out[name] = name === 'style' ? capWidth(value, attrs.viewBox) : value;
  }
  out.role = 'img';
  if (alt) out['aria-label'] = alt;
  return out;
}

/**
 * Diagrams grow to the slide's width, but never past 1.8 times their drawn size: a three-box
 * flowchart should not have letters taller than the slide's headings.
 */
function capWidth(style: string, viewBox: string | undefined): string {
  const width = viewBox?.trim().split(/[\s,]+/)[2];
  if (!width || !/^max-width:/.test(style.trimStart()) || !(parseFloat(width) > 0)) return style;
  const cap = `max-width: ${Math.round(parseFloat(width) * 1.8)}px;`;
  return style.trimStart().replace(/^max-width:[^;]*;?/, cap);
}
