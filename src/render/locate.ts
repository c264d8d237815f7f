import type { Token } from 'marked';
import { lineIndex } from '../parse/line-index';

export type Located = { deckLine?: number; deckColumn?: number };

/**
 * Gives every token the file line and column where its raw text starts, by finding each
 * token's `raw` inside its parent's span of the slide source. marked keeps no positions,
 * but it does keep raw text, so this stays exact without scanning the Markdown by hand.
 */
export function locateTokens(tokens: Token[], source: string, firstLine: number): void {
  const place = lineIndex(source, firstLine);
  const visit = (list: Token[], from: number, to: number) => {
    let cursor = from;
    for (const t of list) {
      const at = t.raw ? source.indexOf(t.raw, cursor) : -1;
      const start = at >= 0 && at < to ? at : cursor;
      if (at >= 0 && at < to) cursor = at + t.raw.length;
      const pos = place(start);
      (t as Token & Located).deckLine = pos.line;
      (t as Token & Located).deckColumn = pos.column;
      const end = at >= 0 ? at + t.raw.length : to;
      for (const children of childLists(t)) visit(children, start, end);
    }
  };
  visit(tokens, 0, source.length);
}

function childLists(t: Token): Token[][] {
  const lists: Token[][] = [];
  if ('tokens' in t && Array.isArray(t.tokens)) lists.push(t.tokens);
  if (t.type === 'list') lists.push(t.items as Token[]);
  if (t.type === 'table') for (const cell of [...t.header, ...t.rows.flat()]) lists.push(cell.tokens);
  return lists;
}
