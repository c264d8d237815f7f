import { parseLineSteps, renderCodeBlock, type FenceInfo } from './highlight';
import { applyEdits, decodeHtmlText, scanHtml, type Attributes, type HtmlEdit } from './html-tokens';

/** The attributes reveal.js's highlight plugin reads from a `<code>`; they become Deckhand's own markup. */
const READ = ['data-trim', 'data-noescape', 'data-line-numbers', 'data-ln-start-from'];

/**
 * Code an author wrote as raw HTML, `<pre><code class="rust" data-trim data-line-numbers="1|3">`,
 * highlighted at build time like a fence, as reveal.js's highlight plugin would in the browser:
 * `data-trim` drops surrounding blank lines and common indentation, `data-noescape` takes the
 * content as HTML (its text is the code), otherwise the content is text with entities decoded;
 * `data-line-numbers` gives numbers and steps, `data-ln-start-from` the first number.
 * Every other attribute stays on its `<pre>` or `<code>`.
 */
export function highlightRawCode(html: string): string {
  if (!/<pre\b/i.test(html)) return html;
  const { tags } = scanHtml(html);
  const edits: HtmlEdit[] = [];
  for (let i = 0; i < tags.length - 1; i++) {
    const pre = tags[i];
    const code = tags[i + 1];
    if (pre.name !== 'pre' || code.name !== 'code' || !pre.close || !code.close) continue;
    if (html.slice(pre.end, code.start).trim() || html.slice(code.close.end, pre.close.start).trim()) continue;
    const inner = html.slice(code.end, code.close.start);
    const a = code.attributes;
    let text = 'data-noescape' in a ? textOf(inner) : decodeHtmlText(inner);
    if ('data-trim' in a) text = trimCode(text);
    const { lang, classes } = languageOf(a.class ?? '');
    const info: FenceInfo = { lang };
    if ('data-line-numbers' in a) info.steps = parseLineSteps(a['data-line-numbers']);
    const startFrom = parseInt(a['data-ln-start-from'] ?? '', 10);
    if (info.steps && startFrom > 0) info.startFrom = startFrom;
    const own: Attributes = {};
    for (const [k, v] of Object.entries(a)) if (!READ.includes(k) && k !== 'class') own[k] = v;
    if (classes) own.class = classes;
    edits.push({ start: pre.start, end: pre.close.end, text: renderCodeBlock(text, info, { pre: pre.attributes, code: own }).replace(/\n$/, '') });
  }
  return applyEdits(html, edits);
}

/** The text a browser would show for a piece of HTML: tags dropped, entities decoded. */
function textOf(html: string): string {
  return scanHtml(html)
    .texts.map((t) => t.text)
    .join('');
}

/** The language a class names (`language-rust`, `lang-rust` or a bare `rust`); the other classes stay. */
function languageOf(classList: string): { lang: string; classes: string } {
  const names = classList.split(/\s+/).filter(Boolean);
  let index = names.findIndex((n) => /^lang(uage)?-/.test(n));
  if (index < 0) index = names.findIndex((n) => n !== 'hljs' && n !== 'fragment');
  if (index < 0) return { lang: '', classes: names.join(' ') };
  const lang = names[index].replace(/^lang(uage)?-/, '');
  return { lang, classes: names.filter((_, j) => j !== index).join(' ') };
}

/** reveal.js's `betterTrim`: blank lines at both ends and the indentation all lines share. */
function trimCode(text: string): string {
  const lines = text.split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.replace(/^[\s\uFEFF\xA0]+/, '').length);
  const pad = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(pad)).join('\n');
}
