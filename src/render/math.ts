import { createRequire } from 'node:module';
import type Katex from 'katex';
import type { MarkedExtension, Token, Tokens } from 'marked';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { MathOptions } from '../options';
import type { SlideSource } from '../types';
import type { Located } from './locate';

/**
 * Math, typeset at build time with KaTeX: the delimiters reveal.js's math plugin reads
 * (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`, `\begin{env}…\end{env}`, and a code span holding only
 * `$…$` or `$$…$$`). They are marked tokenizers, so Markdown never sees the TeX inside
 * (`_`, `*`, `\\`, `\{` reach KaTeX unchanged). `typesetMath` then renders each token once,
 * after `locateTokens`, so a TeX error is reported at its file:line:col.
 */
export type MathToken = Tokens.Generic & Located & { type: 'deckMath'; text: string; display: boolean; deckHtml?: string };

/** `$$…$$`, `\[…\]` or an environment alone on its lines: a block, so no Markdown rule (a `=` line, a `- `) cuts into it. */
const BLOCK = [
  /^ {0,3}\$\$((?:\\[\s\S]|[^\\$]|\$(?!\$))+?)\$\$[ \t]*(?:\n|$)/,
  /^ {0,3}\\\[([\s\S]+?)\\\][ \t]*(?:\n|$)/,
  /^ {0,3}(\\begin\{([a-zA-Z]+\*?)\}[\s\S]*?\\end\{\2\})[ \t]*(?:\n|$)/,
];
const BLOCK_START = /^ {0,3}(?:\$\$|\\\[|\\begin\{)/m;

/** Inline forms, tried in order; the boolean says display mode. */
const INLINE: Array<[RegExp, boolean]> = [
  // reveal.js's documented way to keep Markdown away from TeX: a code span holding only math.
  [/^(`+) ?\$\$((?:\\[\s\S]|[^\\$`]|\$(?!\$))+?)\$\$ ?\1(?!`)/, true],
  [/^(`+) ?\$((?:\\[\s\S]|[^\\$`])+?)\$ ?\1(?!`)/, false],
  [/^()\$\$((?:\\[\s\S]|[^\\$]|\$(?!\$))+?)\$\$/, true],
  [/^()\\\[([\s\S]+?)\\\]/, true],
  [/^()\\\(([\s\S]+?)\\\)/, false],
  [/^()(\\begin\{([a-zA-Z]+\*?)\}[\s\S]*?\\end\{\3\})/, true],
];
/** `$x$`: no space after the opening `$` or before the closing one, no digit after it, no code span across it, so `$5 and $10` stays text. */
const DOLLAR = /^\$(?!\s)((?:\\[\s\S]|[^\\$`])+?)\$(?!\d)/;
const INLINE_START = /[$`]|\\[([]|\\begin\{/;

export function mathExtensions(): NonNullable<MarkedExtension['extensions']> {
  const render = (token: Tokens.Generic) => (token as MathToken).deckHtml ?? escapeHtml(token.raw);
  return [
    {
      name: 'deckMath',
      level: 'block',
      start: (src: string) => BLOCK_START.exec(src)?.index,
      tokenizer(src: string) {
        for (const re of BLOCK) {
          const m = re.exec(src);
          if (m) return { type: 'deckMath', raw: m[0], text: m[1].trim(), display: true };
        }
        return undefined;
      },
      renderer: (token) => render(token) + '\n',
    },
    {
      name: 'deckMathInline',
      level: 'inline',
      start: (src: string) => INLINE_START.exec(src)?.index,
      tokenizer(src: string) {
        for (const [re, display] of INLINE) {
          const m = re.exec(src);
          if (m) return { type: 'deckMathInline', raw: m[0], text: m[2].trim(), display };
        }
        const m = DOLLAR.exec(src);
        // A closing `$` after a space, or a paragraph break inside, is not math.
        if (m && !/\s$/.test(m[1]) && !/\n\s*\n/.test(m[1])) return { type: 'deckMathInline', raw: m[0], text: m[1], display: false };
        return undefined;
      },
      renderer: render,
    },
  ];
}

/** Whether Markdown may hold a formula at all: every delimiter has a `$` or a backslash (most slides have neither, and skip a walk over their tokens). */
export function mayHoldMath(markdown: string): boolean {
  return /[$\\]/.test(markdown);
}

/**
 * Typesets every math token of a slide: KaTeX's HTML for the eye and MathML for screen readers.
 * A TeX error leaves the source visible in red (KaTeX's own rendering) and becomes a `math-error`
 * warning at its position. Returns whether the slide has math (its page then needs KaTeX's CSS).
 */
export function typesetMath(tokens: Token[], walk: (tokens: Token[], visit: (t: Token) => void) => void, slide: SlideSource, options: MathOptions, diagnostics: Diagnostic[]): boolean {
  let found = false;
  walk(tokens, (token) => {
    if (token.type !== 'deckMath' && token.type !== 'deckMathInline') return;
    const t = token as MathToken;
    found = true;
    const katex = loadKatex();
    // KaTeX adds \gdef definitions to the macros it is given: each formula gets a fresh copy.
    const settings = { displayMode: t.display, output: 'htmlAndMathml' as const, strict: 'ignore' as const, trust: false };
    try {
      t.deckHtml = katex.renderToString(t.text, { ...settings, macros: { ...options.macros }, throwOnError: true });
    } catch (e) {
      if (!(e instanceof katex.ParseError)) throw e;
      diagnostics.push(diagnostic('math-error', `TeX: ${e.rawMessage}`, positionOf(t, e.position, slide), 'warning'));
      t.deckHtml = katex.renderToString(t.text, { ...settings, macros: { ...options.macros }, throwOnError: false });
    }
  });
  return found;
}

/** File position of offset `at` inside the TeX of a token (the token's raw text holds the TeX once, after its delimiter). */
function positionOf(t: MathToken, at: number | undefined, slide: SlideSource) {
  const start = Math.max(0, t.raw.indexOf(t.text));
  const before = t.raw.slice(0, start + (at ?? 0));
  const lines = before.split('\n');
  const line = (t.deckLine ?? slide.line) + lines.length - 1;
  const column = lines.length > 1 ? lines[lines.length - 1].length + 1 : (t.deckColumn ?? 1) + before.length;
  return { file: slide.file, line, column };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * KaTeX, loaded on the first formula: it takes about 20 ms to load, which a deck without math
 * never pays. Node's module cache makes every later call free.
 */
function loadKatex(): typeof Katex {
  return createRequire(import.meta.url)('katex') as typeof Katex;
}
