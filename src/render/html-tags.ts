import { lineIndex } from '../parse/line-index';
import type { SourcePosition } from '../types';
import { scanHtml } from './html-tokens';

/** A start tag of the author's raw HTML, with its decoded attributes and its file position. */
export interface HtmlTag {
  name: string;
  attrs: Record<string, string>;
  at: SourcePosition;
  /** The raw HTML between the start tag and its end tag, when both are in this piece. */
  inner?: string;
}

/**
 * The start tags in a piece of the author's raw HTML (comments skipped: the tokenizer knows
 * them), each placed at its own line and column, given where the piece starts in the file.
 */
export function htmlTags(raw: string, start: SourcePosition): HtmlTag[] {
  const place = lineIndex(raw, start.line);
  return scanHtml(raw).tags.map((tag) => {
    const p = place(tag.start);
    const at = { file: start.file, line: p.line, column: p.line === start.line ? start.column + p.column - 1 : p.column };
    return { name: tag.name.toLowerCase(), attrs: tag.attributes, at, inner: tag.close ? raw.slice(tag.end, tag.close.start) : undefined };
  });
}
