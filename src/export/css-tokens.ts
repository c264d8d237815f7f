/**
 * A CSS tokenizer as far as the single-file export needs one (CSS Syntax Level 3, §4): comments,
 * strings with their escapes, `url()` in both its forms, blocks and the punctuation between
 * declarations. Each token keeps its source range, so an edit replaces one token and leaves
 * every other byte of the stylesheet as it was.
 */
export type CssToken =
  | { type: 'url'; url: string; start: number; end: number }
  | { type: 'string' | 'comment' | 'space' | 'word' | 'at'; start: number; end: number }
  | { type: '{' | '}' | '(' | ')' | ';' | ':' | ','; start: number; end: number };

const SINGLE = new Set(['{', '}', '(', ')', ';', ':', ',']);

export function tokenizeCss(css: string): CssToken[] {
  const out: CssToken[] = [];
  let i = 0;
  while (i < css.length) {
    const start = i;
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const close = css.indexOf('*/', i + 2);
      i = close < 0 ? css.length : close + 2;
      out.push({ type: 'comment', start, end: i });
    } else if (c === '"' || c === "'") {
      i = stringEnd(css, i);
      out.push({ type: 'string', start, end: i });
    } else if (/\s/.test(c)) {
      while (i < css.length && /\s/.test(css[i])) i++;
      out.push({ type: 'space', start, end: i });
    } else if (SINGLE.has(c)) {
      i++;
      out.push({ type: c as '{', start, end: i });
    } else {
      // A name (ident, at-keyword, hash, number, any other run): up to the next delimiter.
      i++;
      while (i < css.length && !/[\s"'{}();:,]/.test(css[i]) && !(css[i] === '/' && css[i + 1] === '*')) i += css[i] === '\\' ? 2 : 1;
      const word = css.slice(start, i);
      if (/^url$/i.test(word) && css[i] === '(') {
        const url = readUrl(css, i + 1);
        if (url) {
          i = url.end;
          out.push({ type: 'url', url: url.value, start, end: i });
          continue;
        }
      }
      out.push({ type: word.startsWith('@') ? 'at' : 'word', start, end: i });
    }
  }
  return out;
}

/** The end of a string starting at `i` (just past its closing quote, or at the line end that breaks it). */
function stringEnd(css: string, i: number): number {
  const q = css[i++];
  while (i < css.length && css[i] !== q && css[i] !== '\n') i += css[i] === '\\' ? 2 : 1;
  return css[i] === q ? i + 1 : i;
}

/** `url(` has been read up to `from`: its value (quoted or not, escapes decoded) and the end of `)`. */
function readUrl(css: string, from: number): { value: string; end: number } | undefined {
  let i = from;
  while (/\s/.test(css[i] ?? '')) i++;
  let value: string;
  if (css[i] === '"' || css[i] === "'") {
    const end = stringEnd(css, i);
    value = unescape(css.slice(i + 1, end - 1));
    i = end;
  } else {
    const start = i;
    while (i < css.length && !/[\s)"'(]/.test(css[i])) i += css[i] === '\\' ? 2 : 1;
    value = unescape(css.slice(start, i));
  }
  while (/\s/.test(css[i] ?? '')) i++;
  return css[i] === ')' ? { value, end: i + 1 } : undefined;
}

function unescape(s: string): string {
  return s.replace(/\\(?:([0-9a-fA-F]{1,6})\s?|([^\n]))/g, (_all, hex?: string, ch?: string) => (hex ? String.fromCodePoint(parseInt(hex, 16) || 0xfffd) : (ch ?? '')));
}
