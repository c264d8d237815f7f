import type { SourcePosition } from '../types';

/** A tag of raw HTML, with its name, attributes and where it starts in the file. */
export interface HtmlTag {
  name: string;
  attrs: Record<string, string | true>;
  at: SourcePosition;
}

/**
 * The opening tags in a piece of the author's raw HTML (comments skipped), each placed at its
 * own line and column, given where the piece starts.
 */
export function htmlTags(raw: string, start: SourcePosition): HtmlTag[] {
  const text = raw.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const tags: HtmlTag[] = [];
  for (const m of text.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    const before = text.slice(0, m.index);
    const newlines = before.split('\n').length - 1;
    const column = newlines ? before.length - before.lastIndexOf('\n') : start.column + before.length;
    tags.push({ name: m[1].toLowerCase(), attrs: parseTagAttributes(m[2]), at: { file: start.file, line: start.line + newlines, column } });
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
