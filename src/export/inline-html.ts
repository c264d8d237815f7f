import path from 'node:path';
import { readBundleFile, resolveBundleUrl, type DeckBundle } from './deck-bundle';
import { inlineCssUrls, keepWoff2Sources } from './inline-css';
import { dataUri } from '../media-type';

/** Attributes whose value is the URL of a file the slide shows. */
const URL_ATTRIBUTES = ['src', 'poster', 'data-src', 'data-background', 'data-background-image', 'data-background-video'];

/**
 * One self-contained page from a bundle: the stylesheet (with its fonts), the runtime script,
 * images and backgrounds are all inlined, so the file works opened from disk with no network.
 * Scripts go in as base64 data: URLs, so no script text can end the <script> element early.
 * reveal.js's speaker view and search need nothing more: the speaker view reloads this same
 * file in its preview frames.
 */
export function inlineDeckPage(bundle: DeckBundle): string {
  const page = bundle.page;
  const html = new TextDecoder().decode(readBundleFile(bundle, page));
  const inlineFile = (from: string, url: string): string | undefined => {
    const file = resolveBundleUrl(from, url);
    const data = file ? readBundleFile(bundle, file) : undefined;
    return file && data ? dataUri(file, data) : undefined;
  };

  let out = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
    const href = attribute(tag, 'href');
    const file = href ? resolveBundleUrl(page, href) : undefined;
    const data = file ? readBundleFile(bundle, file) : undefined;
    if (!file || !data) return tag;
    const css = inlineCssUrls(keepWoff2Sources(new TextDecoder().decode(data)), (url) => inlineFile(file, url));
    return `<style data-deck-style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`;
  });
  out = out.replace(/<script\b([^>]*)\bsrc="([^"]*)"([^>]*)><\/script>/g, (tag, before: string, src: string, after: string) => {
    const inlined = inlineFile(page, decodeEntities(src));
    return inlined ? `<script${before}src="${inlined.replace(/^data:[^;]+/, 'data:text/javascript')}"${after}></script>` : tag;
  });
  out = out.replace(new RegExp(`(\\s(?:${URL_ATTRIBUTES.join('|')})=")([^"]*)"`, 'g'), (all, head: string, url: string) => {
    const inlined = inlineFile(page, decodeEntities(url));
    return inlined ? `${head}${inlined}"` : all;
  });
  return addInlineMermaid(out, bundle);
}

/**
 * Diagrams left to the browser (a build without Chromium) need mermaid itself, which the bundle
 * then holds: carried as base64 and parsed only when a diagram is drawn.
 */
function addInlineMermaid(html: string, bundle: DeckBundle): string {
  const mermaid = [...bundle.files.keys()].find((f) => path.posix.basename(f) === 'mermaid.min.js');
  const data = mermaid ? readBundleFile(bundle, mermaid) : undefined;
  if (!data) return html;
  const tag = `<script type="text/plain" id="deck-mermaid-source">${Buffer.from(data).toString('base64')}</script>\n`;
  const at = html.lastIndexOf('<script');
  return at < 0 ? html.replace('</body>', `${tag}</body>`) : html.slice(0, at) + tag + html.slice(at);
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]) : undefined;
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
