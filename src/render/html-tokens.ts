import { Parser } from 'htmlparser2';

/**
 * The one place Deckhand reads HTML it did not write itself: raw HTML in an author's Markdown
 * and the SVG mermaid draws. Everything goes through htmlparser2's tokenizer, so entities are
 * decoded as a browser decodes them (all of HTML's named references, numeric ones, the legacy
 * forms without `;`), script and style contents are raw text, and SVG keeps its case.
 * Edits replace only the start tags they change: every other byte stays as the author wrote it.
 */

export type Attributes = Record<string, string>;

export interface StartTag {
  /** Lower-case for HTML elements; as written for SVG and MathML ones (`foreignObject`). */
  name: string;
  /** Decoded values, in source order; a repeated attribute keeps its first value, as in a browser. */
  attributes: Attributes;
  selfClosing: boolean;
  /** The tag's place in the source: `html.slice(start, end)` is `<name …>`. */
  start: number;
  end: number;
  /** Where its end tag is, when the source has one (not for void elements or implied ends). */
  close?: { start: number; end: number };
}

export interface TextRun {
  /** Decoded text (raw text inside `<style>` and `<script>`). */
  text: string;
  /** The start tag of the element holding the text. */
  parent?: string;
  start: number;
  end: number;
}

/** A comment, placed in the tree the way a browser's DOM would hold it. */
export interface HtmlComment {
  /** What is between `<!--` and `-->`. */
  text: string;
  start: number;
  end: number;
  /** Index in `tags` of the element just before it among its siblings (`<br>`s skipped, as reveal.js does). */
  previous?: number;
  /** Index in `tags` of the element holding it. */
  parent?: number;
}

export interface HtmlScan {
  tags: StartTag[];
  texts: TextRun[];
  comments: HtmlComment[];
}

/**
 * Every start tag and text run of a piece of HTML, in source order (tags a parser would imply
 * are left out); with `firstTagOnly`, reading stops at the first start tag.
 */
export function scanHtml(html: string, firstTagOnly = false): HtmlScan {
  const tags: StartTag[] = [];
  const texts: TextRun[] = [];
  const comments: HtmlComment[] = [];
  // The open elements; `tag` is undefined for the ones a parser implies, `last` is the latest closed child.
  const open: Array<{ name: string; tag?: number; last?: number }> = [{ name: '' }];
  const parser = new Parser(
    {
      onopentag(name, attributes, implied) {
        if (implied) {
          open.push({ name });
          return;
        }
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        open.push({ name, tag: tags.length });
        // HTML's attribute names are case-insensitive; SVG's and MathML's are not (viewBox).
        const foreign = open.some((n) => n.name === 'svg' || n.name === 'math');
        tags.push({ name, attributes: foreign ? { ...attributes } : lowerCaseNames(attributes), selfClosing: html[end - 2] === '/', start, end });
        if (firstTagOnly) parser.pause();
      },
      onclosetag(name, implied) {
        if (open.length < 2) return;
        const element = open.pop();
        if (element?.tag === undefined) return;
        if (!implied) tags[element.tag].close = { start: parser.startIndex, end: parser.endIndex + 1 };
        if (name !== 'br') open[open.length - 1].last = element.tag;
      },
      oncomment(text) {
        const holder = open[open.length - 1];
        comments.push({ text, start: parser.startIndex, end: parser.endIndex + 1, previous: holder.last, parent: holder.tag });
      },
      ontext(text) {
        const last = texts.at(-1);
        const parent = open.length > 1 ? open[open.length - 1].name : undefined;
        // One run of text may arrive in pieces (around each entity): join them.
        if (last && last.end === parser.startIndex && last.parent === parent) {
          last.text += text;
          last.end = parser.endIndex + 1;
        } else texts.push({ text, parent, start: parser.startIndex, end: parser.endIndex + 1 });
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.end(html);
  return { tags, texts, comments };
}

/** Text as a browser reads it where tags are not expected: entities decoded, every `<` kept as written. */
export function decodeHtmlText(text: string): string {
  return scanHtml(text.replace(/</g, '&lt;'))
    .texts.map((t) => t.text)
    .join('');
}

function lowerCaseNames(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attributes)) if (!(k.toLowerCase() in out)) out[k.toLowerCase()] = v;
  return out;
}

/** One replacement of a source range. */
export interface HtmlEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits to the source, leaving every other byte as it was. */
export function applyEdits(html: string, edits: HtmlEdit[]): string {
  if (!edits.length) return html;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + html.slice(at);
}

/**
 * Rewrites start tags: `edit` returns a tag's new attributes, or undefined to leave its bytes
 * alone. Values are given and taken decoded; rewritten tags are serialized with `"` quotes.
 */
export function editStartTags(html: string, edit: (tag: StartTag) => Attributes | undefined): string {
  const edits: HtmlEdit[] = [];
  for (const tag of scanHtml(html).tags) {
    const attributes = edit(tag);
    if (attributes) edits.push({ start: tag.start, end: tag.end, text: serializeStartTag(tag.name, attributes, tag.selfClosing) });
  }
  return applyEdits(html, edits);
}

export function serializeStartTag(name: string, attributes: Attributes, selfClosing = false): string {
  return `<${name}${attributeString(attributes)}${selfClosing ? ' />' : '>'}`;
}

/** ` name="value"` pairs for an opening tag, encoded for a double-quoted attribute. */
export function attributeString(attrs: Attributes | undefined): string {
  if (!attrs) return '';
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${encodeAttribute(v)}"`)
    .join('');
}

/** A value for a `"`-quoted attribute: `&` and `"` must be escaped; `<` and `>` are too, for old readers. */
export function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Adds attributes to the element a piece of rendered HTML starts with (nothing when it starts
 * with text), joining `class` values; other names are set, replacing a value already there.
 */
export function addAttributes(html: string, attrs: Attributes | undefined): string {
  if (!attrs || !Object.keys(attrs).length) return html;
  const { tags, texts } = scanHtml(html);
  const first = tags[0];
  if (!first || texts.some((t) => t.start < first.start && t.text.trim()) || html.slice(0, first.start).trim()) return html;
  const merged: Attributes = { ...first.attributes };
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class' && merged.class) {
      // Appended after the element's own attributes, as reveal.js's attribute comments do.
      const own = merged.class;
      delete merged.class;
      merged.class = `${own} ${v}`;
    } else merged[k] = v;
  }
  return applyEdits(html, [{ start: first.start, end: first.end, text: serializeStartTag(first.name, merged, first.selfClosing) }]);
}

/** Elements and attributes that name a media file a slide shows. */
const MEDIA_URLS: Record<string, readonly string[]> = {
  img: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src'],
};

/**
 * Rewrites the URL of every media file raw HTML names (`<img src>`, `<video src poster>`,
 * `<audio src>`, `<source src>`). `rewrite` gets the decoded URL and returns the new one.
 */
export function rewriteMediaUrls(html: string, rewrite: (url: string, tag: string) => string): string {
  return editStartTags(html, (tag) => {
    const names = MEDIA_URLS[tag.name];
    if (!names) return undefined;
    let changed = false;
    const attributes = { ...tag.attributes };
    for (const name of names) {
      const url = attributes[name];
      if (url === undefined || !url.trim()) continue;
      const next = rewrite(url.trim(), tag.name);
      if (next !== url.trim()) {
        attributes[name] = next;
        changed = true;
      }
    }
    return changed ? attributes : undefined;
  });
}
