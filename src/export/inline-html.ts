import path from 'node:path';
import { assembleDeckPage, type PageInputs, type PageLinks } from '../assemble/deck-page';
import { dataUri } from '../media-type';
import { RUNTIME_DIR } from '../compile-deck';
import { applyEdits, scanHtml, serializeStartTag, type HtmlEdit } from '../render/html-tokens';
import { readBundleFile, resolveBundleUrl, type DeckBundle } from './deck-bundle';
import { inlineCssUrls, keepWoff2Sources } from './inline-css';

/**
 * One self-contained page from a bundle: the page is assembled with data: URLs for the
 * stylesheet's fonts and images, the runtime scripts, the deck's images and backgrounds (the
 * stylesheet itself goes in a <style>), so the file works opened from disk with no network.
 * Scripts are base64 data: URLs, so no script text can end the <script> element early.
 * reveal.js's speaker view and search need nothing more: the speaker view reloads this same
 * file in its preview frames. `inputs` are the page's, by default the compiled deck's.
 */
export function inlineDeckPage(bundle: DeckBundle, inputs: PageInputs | undefined = bundle.compiled?.page): string {
  if (!inputs) return inlineFinishedPage(bundle);
  return assembleDeckPage({ ...inputs, links: bundleLinks(bundle, inputs.runtime) });
}

/** Data: URLs for the files of a bundle, resolved from its page as `build` would write them. */
export function bundleLinks(bundle: DeckBundle, runtime: string): PageLinks {
  const fromPage = (url: string) => resolveBundleUrl(bundle.page, url);
  const runtimeUrl = (file: string) => runtime + file;
  return {
    url: (r) => {
      const url = r.kind === 'runtime' ? runtimeUrl(r.file) : r.file;
      return inlineFile(bundle, fromPage(url)) ?? url;
    },
    styleText: (file) => {
      const at = fromPage(runtimeUrl(file));
      const data = at ? readBundleFile(bundle, at) : undefined;
      return at && data ? inlineStyle(bundle, at, data) : undefined;
    },
    mermaidBase64: () => {
      const at = fromPage(runtimeUrl('mermaid.min.js'));
      const data = at ? readBundleFile(bundle, at) : undefined;
      return data ? Buffer.from(data).toString('base64') : undefined;
    },
  };
}

function inlineFile(bundle: DeckBundle, file: string | undefined): string | undefined {
  const data = file ? readBundleFile(bundle, file) : undefined;
  if (!file || !data) return undefined;
  const uri = dataUri(file, data);
  return path.posix.extname(file) === '.js' ? uri.replace(/^data:[^;]+/, 'data:text/javascript') : uri;
}

/** The stylesheet with its woff2 fonts and its images as data: URLs. */
function inlineStyle(bundle: DeckBundle, file: string, data: Uint8Array): string {
  return inlineCssUrls(keepWoff2Sources(new TextDecoder().decode(data)), (url) => inlineFile(bundle, resolveBundleUrl(file, url)));
}

/** Attributes whose value is the URL of a file the page shows. */
const URL_ATTRIBUTES = new Set(['src', 'poster', 'data-src', 'data-background', 'data-background-image', 'data-background-video']);

/**
 * A page assembled elsewhere, with only its files at hand (a bundle without its compiled deck):
 * read with the tokenizer and its URLs replaced. The export itself assembles with data: URLs.
 */
function inlineFinishedPage(bundle: DeckBundle): string {
  const html = new TextDecoder().decode(readBundleFile(bundle, bundle.page));
  const links = bundleLinks(bundle, `../${RUNTIME_DIR}/`);
  const edits: HtmlEdit[] = [];
  const { tags } = scanHtml(html);
  for (const tag of tags) {
    const a = tag.attributes;
    if (tag.name === 'link' && a.rel === 'stylesheet' && a.href) {
      const file = resolveBundleUrl(bundle.page, a.href);
      const data = file ? readBundleFile(bundle, file) : undefined;
      if (file && data) edits.push({ start: tag.start, end: tag.end, text: `<style data-deck-style>\n${inlineStyle(bundle, file, data).replace(/<\/style/gi, '<\\/style')}\n</style>` });
      continue;
    }
    const changed = Object.entries(a).filter(([k, v]) => URL_ATTRIBUTES.has(k) && links.url({ kind: 'asset', file: v }) !== v);
    if (!changed.length) continue;
    const next = { ...a };
    for (const [k, v] of changed) next[k] = links.url({ kind: 'asset', file: v });
    edits.push({ start: tag.start, end: tag.end, text: serializeStartTag(tag.name, next, tag.selfClosing) });
  }
  const mermaid = links.mermaidBase64?.();
  const lastScript = tags.filter((t) => t.name === 'script').at(-1);
  if (mermaid !== undefined && lastScript) edits.push({ start: lastScript.start, end: lastScript.start, text: `<script type="text/plain" id="deck-mermaid-source">${mermaid}</script>\n` });
  return applyEdits(html, edits);
}
