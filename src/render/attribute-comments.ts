import type { Token, Tokens } from 'marked';
import { applyEdits, scanHtml, serializeStartTag, type HtmlEdit } from './html-tokens';

/**
 * reveal.js's attribute comments, applied on tokens instead of on the browser DOM:
 * `<!-- .slide: … -->` sets attributes on the slide's <section>;
 * `<!-- .element: … -->` sets them on the element just before it, or on the enclosing block.
 */

export type Attributes = Record<string, string>;
export type AttributedToken = Token & { deckAttrs?: Attributes };

const COMMENT = /^\s*<!--\s*\.(slide|element)\s*:?([\s\S]*?)-->\s*$/;
const COMMENT_TEXT = /^\s*\.(slide|element)\s*:?([\s\S]*)$/;
const ATTRIBUTE = /([^\s"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
const INLINE_ELEMENTS = new Set(['image', 'strong', 'em', 'link', 'codespan', 'del']);

export function parseAttributes(text: string): Attributes {
  const attrs: Attributes = {};
  for (const m of text.matchAll(ATTRIBUTE)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    mergeAttributes(attrs, { [m[1]]: value });
  }
  return attrs;
}

export function mergeAttributes(into: Attributes, from: Attributes): Attributes {
  for (const [k, v] of Object.entries(from)) {
    into[k] = k === 'class' && into[k] ? `${into[k]} ${v}` : v;
  }
  return into;
}

/** Where each slide attribute was written, for messages about its value. */
export type AttributePositions = Record<string, { line?: number; column?: number }>;

/** Applies and removes the attribute comments in a token tree; returns the slide's attributes. */
export function applyAttributeComments(tokens: Token[], positions: AttributePositions = {}): Attributes {
  const slide: Attributes = {};
  walk(tokens, null, slide, positions);
  return slide;
}

function walk(tokens: Token[], container: AttributedToken | null, slide: Attributes, positions: AttributePositions): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as AttributedToken;
    if (t.type === 'html') {
      const m = COMMENT.exec(t.raw);
      if (m) {
        const attrs = parseAttributes(m[2]);
        if (m[1] === 'slide') {
          mergeAttributes(slide, attrs);
          const at = t as Token & { deckLine?: number; deckColumn?: number };
          for (const k of Object.keys(attrs)) positions[k] = { line: at.deckLine, column: at.deckColumn };
        }
        else {
          const target = previousElement(tokens, i, (t as Tokens.HTML).block) ?? container;
          if (target) mergeAttributes((target.deckAttrs ??= {}), attrs);
        }
        tokens[i] = (t as Tokens.HTML).block ? { type: 'space', raw: t.raw } : { type: 'text', raw: t.raw, text: '', escaped: true };
        continue;
      }
      if (t.raw.includes('<!--')) {
        const inside = applyHtmlAttributeComments((t as Tokens.HTML).text);
        (t as Tokens.HTML).text = inside.html;
        if (Object.keys(inside.slide).length) {
          mergeAttributes(slide, inside.slide);
          const at = t as Token & { deckLine?: number; deckColumn?: number };
          for (const k of Object.keys(inside.slide)) positions[k] = { line: at.deckLine, column: at.deckColumn };
        }
        const target = Object.keys(inside.unplaced).length ? (previousElement(tokens, i, (t as Tokens.HTML).block) ?? container) : null;
        if (target) mergeAttributes((target.deckAttrs ??= {}), inside.unplaced);
      }
    }
    const next = t.type === 'text' || t.type === 'list' ? container : t;
    if ('tokens' in t && Array.isArray(t.tokens)) walk(t.tokens, next, slide, positions);
    if (t.type === 'list') for (const item of (t as Tokens.List).items) walk([item], container, slide, positions);
    if (t.type === 'table') {
      const table = t as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens, t, slide, positions);
    }
  }
}

function previousElement(tokens: Token[], index: number, block: boolean): AttributedToken | null {
  for (let j = index - 1; j >= 0; j--) {
    const p = tokens[j];
    if (p.type === 'space' || (p.type === 'text' && !p.raw.trim())) continue;
    // A list item's own text is no element: a comment on its continuation line is for the <li>.
    if (block) return p.type === 'html' || p.type === 'text' ? null : p;
    return INLINE_ELEMENTS.has(p.type) ? p : null;
  }
  return null;
}

/**
 * Attribute comments inside a piece of raw HTML, placed as reveal.js places them in the DOM:
 * `.element:` on the element just before the comment among its siblings, else on the element
 * holding it; `.slide:` returned for the section. The comments are removed. `unplaced` holds
 * `.element:` attributes with no element in the piece to go to (the caller knows what encloses it).
 */
export function applyHtmlAttributeComments(html: string): { html: string; slide: Attributes; unplaced: Attributes } {
  const slide: Attributes = {};
  const unplaced: Attributes = {};
  const { tags, comments } = scanHtml(html);
  const added = new Map<number, Attributes>();
  const edits: HtmlEdit[] = [];
  for (const comment of comments) {
    const m = COMMENT_TEXT.exec(comment.text);
    if (!m) continue;
    const attrs = parseAttributes(m[2]);
    const target = comment.previous ?? comment.parent;
    if (m[1] === 'slide') mergeAttributes(slide, attrs);
    else if (target === undefined) mergeAttributes(unplaced, attrs);
    else added.set(target, mergeAttributes(added.get(target) ?? {}, attrs));
    edits.push({ start: comment.start, end: comment.end, text: '' });
  }
  for (const [index, attrs] of added) {
    const tag = tags[index];
    edits.push({ start: tag.start, end: tag.end, text: serializeStartTag(tag.name, mergeAttributes({ ...tag.attributes }, attrs), tag.selfClosing) });
  }
  return { html: applyEdits(html, edits), slide, unplaced };
}
