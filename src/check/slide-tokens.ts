import { Marked, type Token } from 'marked';
import { locateTokens, type Located } from '../render/locate';
import type { SlideSource, SourcePosition } from '../types';

export type PlacedToken = Token & Located;

/** A tag of raw HTML found in a token, with its attributes and where it starts in the file. */
export interface HtmlTag {
  attrs: Record<string, string | true>;
  at: SourcePosition;
}

// Only its lexer is used: marked's global defaults are never touched.
const markdown = new Marked({ gfm: true });

/** Every token of a slide's Markdown, nested ones included, each with its file line and column. */
export function slideTokens(slide: SlideSource): PlacedToken[] {
  const tokens = markdown.lexer(slide.body);
  locateTokens(tokens, slide.body, slide.bodyLine);
  const all: PlacedToken[] = [];
  markdown.walkTokens(tokens, (t) => {
    all.push(t as PlacedToken);
  });
  return all;
}

export function tokenPosition(t: PlacedToken, slide: SlideSource): SourcePosition {
  return { file: slide.file, line: t.deckLine ?? slide.line, column: t.deckColumn ?? 1 };
}

/** The `<name …>` tags in a raw HTML token (comments skipped), each placed at its own line. */
export function htmlTags(t: PlacedToken, name: string, slide: SlideSource): HtmlTag[] {
  if (t.type !== 'html') return [];
  const raw = t.raw.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const start = tokenPosition(t, slide);
  const tags: HtmlTag[] = [];
  for (const m of raw.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const before = raw.slice(0, m.index);
    const newlines = before.split('\n').length - 1;
    const column = newlines ? before.length - before.lastIndexOf('\n') : start.column + before.length;
    tags.push({ attrs: parseTagAttributes(m[1]), at: { file: slide.file, line: start.line + newlines, column } });
  }
  return tags;
}

function parseTagAttributes(text: string): Record<string, string | true> {
  const attrs: Record<string, string | true> = {};
  for (const m of text.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? true;
  }
  return attrs;
}
