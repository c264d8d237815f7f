/**
 * A copy of a diagram's `<svg>` for the zoom view, showing what the slide shows. Two things do
 * not come along with a plain `cloneNode`:
 *
 * - ids: markers (arrowheads) and the diagram's own `<style>` are found by id, so the copy's ids
 *   are renamed with every reference to them, as the build renames a diagram placed twice
 *   (src/assemble/diagram-svg.ts; client code cannot import it, so the same rules are applied
 *   here to the DOM);
 * - what reveal.js hides: fragment styles apply only inside `.reveal .slides section`, so each
 *   element's shown state (a step not yet revealed, a dimmed one) is copied onto the clone.
 */

const ID_LISTS = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto', 'for']);

export function cloneDiagram(svg: SVGSVGElement, suffix: string): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  renameIds(clone, suffix);
  copyShownState(svg, clone);
  return clone;
}

/** Every id in the copy gets the suffix (the root's prefix keeps its place: `r_marker` → `r-zoom_marker`). */
function renameIds(root: SVGSVGElement, suffix: string): void {
  const rootId = root.id;
  const rename = new Map<string, string>();
  const elements = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of elements) {
    const id = el.id;
    if (!id || rename.has(id)) continue;
    rename.set(id, rootId && id.startsWith(rootId) ? `${rootId}-${suffix}${id.slice(rootId.length)}` : `${id}-${suffix}`);
  }
  if (!rename.size) return;
  for (const el of elements) {
    for (const attr of Array.from(el.attributes)) {
      const next = renamedValue(attr.name, attr.value, rename);
      if (next !== attr.value) attr.value = next;
    }
    if (el.localName === 'style' && el.textContent) el.textContent = renameInCss(el.textContent, rename);
  }
}

function renamedValue(name: string, value: string, rename: Map<string, string>): string {
  if (name === 'id') return rename.get(value) ?? value;
  if (name === 'href' || name === 'xlink:href') return value.startsWith('#') && rename.has(value.slice(1)) ? `#${rename.get(value.slice(1))}` : value;
  if (ID_LISTS.has(name)) return value.split(/(\s+)/).map((w) => rename.get(w) ?? w).join('');
  if (name === 'style') return renameInCss(value, rename);
  return value.includes('url(') ? renameUrls(value, rename) : value;
}

/** `url(#id)` in a presentation attribute (`marker-end`, `fill`, `clip-path`, …). */
function renameUrls(value: string, rename: Map<string, string>): string {
  return value.replace(/url\(\s*(["']?)#([^"')\s]+)\1\s*\)/g, (all, q: string, id: string) => (rename.has(id) ? `url(${q}#${rename.get(id)}${q})` : all));
}

/** `#id` selectors and `url(#id)` in CSS, for the ids this SVG defines (a colour like `#333` is no id of it). */
function renameInCss(css: string, rename: Map<string, string>): string {
  return css.replace(/#(-?[A-Za-z_][\w-]*|[\w-]+)/g, (all, id: string) => (rename.has(id) ? `#${rename.get(id)}` : all));
}

/**
 * The slide's rules for fragments (hidden until shown) and for dimmed steps do not reach the
 * copy, which sits outside the slide: each element's visibility and opacity are written on it
 * instead, as they end: a fragment still fading in or out is copied shown or hidden, not half-way.
 */
function copyShownState(from: SVGSVGElement, to: SVGSVGElement): void {
  const source = Array.from(from.querySelectorAll('*'));
  const target = Array.from(to.querySelectorAll<SVGElement>('*'));
  for (let i = 0; i < source.length; i++) {
    const { visibility, opacity } = settledStyle(source[i]);
    if (visibility === 'hidden') target[i].style.visibility = 'hidden';
    else if (opacity !== '1') target[i].style.opacity = opacity;
  }
}

/** Computed visibility and opacity, or where a running transition takes them (its last keyframe). */
function settledStyle(el: Element): { visibility: string; opacity: string } {
  const s = getComputedStyle(el);
  const out = { visibility: s.visibility, opacity: s.opacity };
  for (const a of el.getAnimations()) {
    const frames = a.effect instanceof KeyframeEffect ? a.effect.getKeyframes() : [];
    const last = frames[frames.length - 1];
    if (typeof last?.visibility === 'string') out.visibility = last.visibility;
    if (typeof last?.opacity === 'string') out.opacity = last.opacity;
  }
  return out;
}
