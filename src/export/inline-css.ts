import { applyEdits, type HtmlEdit } from '../render/html-tokens';
import { tokenizeCss, type CssToken } from './css-tokens';

/** A replacement of `[start, end)` in the stylesheet's text. */
type Edit = HtmlEdit;

/**
 * Stylesheet rewriting for single-file exports: every relative `url()` becomes a data: URI.
 * Pure: the caller says how a URL turns into a data: URI (or leaves it, returning undefined).
 */
export function inlineCssUrls(css: string, toDataUri: (url: string) => string | undefined): string {
  const edits: Edit[] = [];
  for (const t of tokenizeCss(css)) {
    if (t.type !== 'url' || !t.url || /^(data|blob|https?):/i.test(t.url) || t.url.startsWith('#')) continue;
    const inlined = toDataUri(t.url);
    if (inlined) edits.push({ start: t.start, end: t.end, text: `url("${inlined.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\a ' : `\\${c}`))}")` });
  }
  return applyEdits(css, edits);
}

/**
 * Keeps only the woff2 source of each @font-face that has one. Every browser that runs
 * reveal.js 5 reads woff2, and inlining the woff fallbacks as well would double the file.
 */
export function keepWoff2Sources(css: string): string {
  const tokens = tokenizeCss(css);
  const edits: Edit[] = [];
  let depth = 0;
  let fontFaceDepth = -1;
  let atRule = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'at') atRule = css.slice(t.start, t.end).toLowerCase();
    else if (t.type === '{') {
      depth++;
      if (atRule === '@font-face' && fontFaceDepth < 0) fontFaceDepth = depth;
      atRule = '';
    } else if (t.type === '}') {
      if (depth === fontFaceDepth) fontFaceDepth = -1;
      depth--;
    } else if (t.type === ';') atRule = '';
    else if (depth === fontFaceDepth && t.type === 'word' && css.slice(t.start, t.end).toLowerCase() === 'src' && isDeclarationStart(tokens, i)) {
      const edit = woff2Only(css, tokens, i);
      if (edit) edits.push(edit);
    }
  }
  return applyEdits(css, edits);
}

/** A name right after `{` or `;` (comments and spaces between) and before `:` starts a declaration. */
function isDeclarationStart(tokens: CssToken[], i: number): boolean {
  const before = previousSolid(tokens, i);
  const after = tokens.slice(i + 1).find((t) => t.type !== 'space' && t.type !== 'comment');
  return (!before || before.type === '{' || before.type === ';') && after?.type === ':';
}

function previousSolid(tokens: CssToken[], i: number): CssToken | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j].type !== 'space' && tokens[j].type !== 'comment') return tokens[j];
  return undefined;
}

/** The `src:` value at tokens[i] cut to its woff2 sources, when it has both kinds. */
function woff2Only(css: string, tokens: CssToken[], i: number): Edit | undefined {
  let j = tokens.findIndex((t, k) => k > i && t.type === ':') + 1;
  const start = j;
  const sources: Array<{ from: number; to: number; woff2: boolean }> = [];
  let depth = 0;
  let from = j;
  let woff2 = false;
  const close = (to: number) => sources.push({ from, to, woff2 });
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (depth === 0 && (t.type === ';' || t.type === '}')) break;
    if (t.type === '(') depth++;
    else if (t.type === ')') depth--;
    else if (t.type === ',' && depth === 0) {
      close(j);
      from = j + 1;
      woff2 = false;
    } else if (t.type === 'url' && /\.woff2$/i.test(t.url.replace(/[?#].*$/, ''))) woff2 = true;
    else if (t.type === 'string' && /^["']woff2["']$/i.test(css.slice(t.start, t.end)) && /^format$/i.test(wordBefore(css, tokens, j))) woff2 = true;
    else if (t.type === 'word' && /^woff2$/i.test(css.slice(t.start, t.end)) && /^format$/i.test(wordBefore(css, tokens, j))) woff2 = true;
  }
  close(j);
  const kept = sources.filter((s) => s.woff2);
  if (!kept.length || kept.length === sources.length || start >= j) return undefined;
  const text = (s: { from: number; to: number }) => (s.from < s.to ? css.slice(tokens[s.from].start, tokens[s.to - 1].end).trim() : '');
  // The value keeps the space after `src:` as it was written.
  const leading = tokens[start]?.type === 'space' ? css.slice(tokens[start].start, tokens[start].end) : '';
  return { start: tokens[start].start, end: tokens[j - 1].end, text: leading + kept.map(text).join(',') };
}

/** The function name a token is the argument of: `format` in `format("woff2")`. */
function wordBefore(css: string, tokens: CssToken[], j: number): string {
  const open = previousSolid(tokens, j);
  if (open?.type !== '(') return '';
  const name = tokens[tokens.indexOf(open) - 1];
  return name?.type === 'word' ? css.slice(name.start, name.end) : '';
}

