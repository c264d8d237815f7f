import core from 'highlight.js/lib/core';
import { highlightConsole, looksLikeTranscript } from './console-session';
import { escapeAttr, escapeHtml } from './escape';
import { attributeString, type Attributes } from './html-tokens';
import { LANGUAGES } from './languages';

// Deckhand's own instance: registering languages on highlight.js's shared one would change it
// for any other code in the process (an API user's own highlighting, say). Made on the first
// code block: registering the languages runs each grammar's definition, which every CLI run
// would pay at startup although a warm build, whose slides come from the cache, highlights nothing.
let instance: ReturnType<typeof core.newInstance> | undefined;
function highlighter(): ReturnType<typeof core.newInstance> {
  if (!instance) {
    instance = core.newInstance();
    for (const [name, language] of Object.entries(LANGUAGES)) instance.registerLanguage(name, language);
  }
  return instance;
}

/** A fence's info string split the way reveal.js's Markdown plugin reads it: `js [5: 1|2-3]`. */
export interface FenceInfo {
  lang: string;
  /** Present when the fence asked for line numbers; one entry per step, each a list of line ranges. */
  steps?: Array<Array<[number, number]>>;
  startFrom?: number;
}

const LINE_SPEC = /\[\s*(?:(\d+)\s*:)?\s*([\s\d,|-]*)\]/;

export function parseFenceInfo(info: string): FenceInfo {
  const spec = LINE_SPEC.exec(info);
  const lang = info.replace(LINE_SPEC, '').trim().split(/\s+/)[0] ?? '';
  if (!spec) return { lang };
  return { lang, steps: parseLineSteps(spec[2]), startFrom: spec[1] ? parseInt(spec[1], 10) : undefined };
}

/** reveal.js's step list `1|2-3,5|0`: ranges per step; a `0` is a step that highlights nothing. */
export function parseLineSteps(spec: string): Array<Array<[number, number]>> {
  return spec.split('|').map((step) =>
    step
      .split(',')
      .map((r) => r.trim())
      .filter((r) => /^\d/.test(r))
      .map((r): [number, number] => {
        const [a, b] = r.split('-').map((n) => parseInt(n, 10));
        return [a, Number.isFinite(b) ? b : a];
      })
      .filter(([a]) => a > 0),
  );
}

/** What a fence without a language may turn out to be: the languages slides show most. */
const GUESSES = ['bash', 'javascript', 'typescript', 'python', 'json', 'yaml', 'xml', 'css', 'dockerfile', 'sql', 'go', 'rust', 'java'];
/** Below this highlight.js relevance a guess is likely prose: left plain. (Transcripts are recognised by their prompts first.) */
const MIN_RELEVANCE = 5;

/**
 * Fence names of terminal transcripts. highlight.js calls its session grammar `shell` (aliases
 * `console`, `shellsession`); Deckhand's transcript highlighter replaces it under every name.
 */
const CONSOLE_NAMES = new Set(['console', 'shell-session', 'shellsession', 'shell']);

const consoleHooks = {
  highlight: (code: string, language: string) => highlighter().highlight(code, { language, ignoreIllegals: true }).value,
  splitLines: (html: string) => splitHighlightedLines(html),
  escape: (text: string) => escapeHtml(text),
};

export function highlightToHtml(code: string, lang: string): { html: string; language: string } {
  if (CONSOLE_NAMES.has(lang.toLowerCase()) || (!lang && looksLikeTranscript(code))) {
    return { html: highlightConsole(code, consoleHooks), language: 'console' };
  }
  if (!lang) {
    // reveal.js's highlight plugin guesses the language in the browser; this guesses the same way at build time.
    const guess = highlighter().highlightAuto(code, GUESSES);
    if (guess.language && guess.relevance >= MIN_RELEVANCE) return { html: guess.value, language: guess.language };
  }
  const hljs = highlighter();
  const known = lang && hljs.getLanguage(lang) ? lang : '';
  if (!known) return { html: escapeHtml(code), language: lang || 'plaintext' };
  return { html: hljs.highlight(code, { language: known, ignoreIllegals: true }).value, language: known };
}

/**
 * Renders a fence as reveal.js's highlight plugin would after it ran in the browser:
 * a line-number table, and one extra `fragment` block per highlight step.
 * Doing it here means no highlighter is shipped to the browser.
 */
export function renderCodeBlock(code: string, info: FenceInfo, own: { pre?: Attributes; code?: Attributes } = {}): string {
  const { html, language } = highlightToHtml(code.replace(/\n$/, ''), info.lang);
  // The author's own attributes (raw `<pre><code>`) stay; their classes come after Deckhand's.
  const { class: preClass, ...preAttrs } = own.pre ?? {};
  const { class: codeClass, ...codeAttrs } = own.code ?? {};
  const pre = `<pre class="${['code-wrapper', preClass].filter(Boolean).map(escapeAttr).join(' ')}"${attributeString(preAttrs)}>`;
  const cls = [`hljs language-${escapeAttr(language)}`, codeClass && escapeAttr(codeClass)].filter(Boolean).join(' ');
  const extra = attributeString(codeAttrs);
  // An id names one element: the first step's.
  const { id: _id, ...stepAttrs } = codeAttrs;
  const stepExtra = attributeString(stepAttrs);
  if (!info.steps) return `${pre}<code class="${cls}"${extra}>${html}</code></pre>\n`;
  const lines = splitHighlightedLines(html);
  const start = info.startFrom ?? 1;
  const steps = info.steps.length ? info.steps : [[]];
  const blocks = steps.map((ranges, i) => {
    const marked = new Set<number>();
    for (const [a, b] of ranges) for (let n = a; n <= b; n++) marked.add(n - start + 1);
    const rows = lines
      .map((line, j) => {
        const n = j + start;
        const hl = marked.has(j + 1) ? ' highlight-line' : '';
        return `<tr class="${hl.trim()}"><td class="hljs-ln-line hljs-ln-numbers" data-line-number="${n}"><div class="hljs-ln-n" data-line-number="${n}"></div></td><td class="hljs-ln-line hljs-ln-code" data-line-number="${n}">${line || ' '}</td></tr>`;
      })
      .join('');
    const classes = [cls, marked.size ? 'has-highlights' : '', i > 0 ? 'fragment' : ''].filter(Boolean).join(' ');
    const spec = ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
    return `<code class="${classes}" data-line-numbers="${spec}"${info.startFrom ? ` data-ln-start-from="${start}"` : ''}${i > 0 ? stepExtra : extra}><table class="hljs-ln"><tbody>${rows}</tbody></table></code>`;
  });
  return `${pre}${blocks.join('')}</pre>\n`;
}

/** Splits highlighted HTML into lines, closing and reopening spans that cross line ends. */
export function splitHighlightedLines(html: string): string[] {
  const out: string[] = [];
  const open: string[] = [];
  let current = '';
  const tag = /<span[^>]*>|<\/span>|\n/g;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    current += html.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '\n') {
      out.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else if (m[0] === '</span>') {
      open.pop();
      current += m[0];
    } else {
      open.push(m[0]);
      current += m[0];
    }
  }
  out.push(current + html.slice(last));
  return out;
}
