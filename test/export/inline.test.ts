import { describe, expect, it } from 'vitest';
import type { DeckBundle } from '../../src/export/deck-bundle';
import { resolveBundleUrl } from '../../src/export/deck-bundle';
import { inlineCssUrls, keepWoff2Sources } from '../../src/export/inline-css';
import { inlineDeckPage } from '../../src/export/inline-html';
import { all, attributes, one, parsePage } from '../helpers/html';

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A bundle made of in-memory files, laid out as `build` writes them. */
function fakeBundle(files: Record<string, string>): DeckBundle {
  return {
    page: 'deck/index.html',
    files: new Map(Object.entries(files).map(([path, contents]) => [path, { path, contents }])),
  } as unknown as DeckBundle;
}

describe('inlining a stylesheet', () => {
  it('keeps only the woff2 source of a font face that has one', () => {
    const css = '@font-face{font-family:"A B";src:url("./fonts/a.woff2") format("woff2"),url("./fonts/a.woff") format("woff")}p{color:red}';
    expect(keepWoff2Sources(css)).toBe('@font-face{font-family:"A B";src:url("./fonts/a.woff2") format("woff2")}p{color:red}');
    const only = '@font-face{src:url(a.ttf) format("truetype")}';
    expect(keepWoff2Sources(only)).toBe(only);
  });

  it('turns relative url()s into data: URIs and leaves data:, web and fragment URLs alone', () => {
    const css = `a{background:url(img/x.png)} b{background:url('y.svg')} c{background:url(data:image/gif;base64,AA==)} d{background:url(https://e.x/z.png)} e{filter:url(#f)}`;
    const out = inlineCssUrls(css, (url) => (url === 'missing.png' ? undefined : `data:t;base64,${b64(url)}`));
    expect(out).toContain(`url("data:t;base64,${b64('img/x.png')}")`);
    expect(out).toContain(`url("data:t;base64,${b64('y.svg')}")`);
    expect(out).toContain('url(data:image/gif;base64,AA==)');
    expect(out).toContain('url(https://e.x/z.png)');
    expect(out).toContain('url(#f)');
  });

  it('resolves URLs against the file that holds them, never outside the output', () => {
    expect(resolveBundleUrl('deck/index.html', '../_deckhand/style.css')).toBe('_deckhand/style.css');
    expect(resolveBundleUrl('_deckhand/style.css', './fonts/a%20b.woff2')).toBe('_deckhand/fonts/a b.woff2');
    expect(resolveBundleUrl('deck/index.html', 'assets/x.png?v=1#top')).toBe('deck/assets/x.png');
    expect(resolveBundleUrl('deck/index.html', '../../etc/passwd')).toBeUndefined();
    expect(resolveBundleUrl('deck/index.html', 'https://example.com/x.png')).toBeUndefined();
  });
});

describe('inlining a deck page', () => {
  const page = `<!doctype html><html><head>
<link rel="stylesheet" href="../_deckhand/style.css" data-deck-style>
</head><body><div class="reveal"><div class="slides">
<section data-background-image="assets/bg.png"><img src="assets/x.png" alt="X"><img src="https://example.com/y.png" alt="Y"></section>
</div></div>
<script type="application/json" id="deck-config">{}</script>
<script src="../_deckhand/deckhand.js"></script>
</body></html>`;
  const bundle = fakeBundle({
    'deck/index.html': page,
    '_deckhand/style.css': '@font-face{src:url(./fonts/f.woff2) format("woff2"),url(./fonts/f.woff) format("woff")}.a{content:"</style>"}',
    '_deckhand/fonts/f.woff2': 'W2',
    '_deckhand/fonts/f.woff': 'W1',
    '_deckhand/deckhand.js': 'window.x = "</script>";',
    'deck/assets/x.png': 'PNG',
    'deck/assets/bg.png': 'BG',
  });
  const doc = parsePage(inlineDeckPage(bundle));

  it('puts the stylesheet, with its woff2 fonts, in a <style> that cannot be closed early', () => {
    expect(all(doc, 'link')).toEqual([]);
    // One <style>, holding the whole stylesheet: the "</style>" inside it did not end the element.
    const style = one(doc, 'style');
    expect(attributes(style)).toEqual({ 'data-deck-style': '' });
    expect(style.textContent).toBe(`\n@font-face{src:url("data:font/woff2;base64,${b64('W2')}") format("woff2")}.a{content:"<\\/style>"}\n`);
    expect(style.parentElement?.tagName).toBe('HEAD');
  });

  it('carries the runtime as a base64 data: script, so no script text can end the element', () => {
    const runtime = one(doc, 'script[src]');
    expect(runtime.getAttribute('src')).toBe(`data:text/javascript;base64,${b64('window.x = "</script>";')}`);
    expect(runtime.textContent).toBe('');
    // The page goes on after it as written: the config script before it is intact.
    expect(all(doc, 'script').map((s) => s.id || s.getAttribute('src')?.slice(0, 22))).toEqual(['deck-config', 'data:text/javascript;b']);
  });

  it('inlines images and backgrounds, and leaves web images as they are', () => {
    expect(all(doc, 'img').map(attributes)).toEqual([
      { src: `data:image/png;base64,${b64('PNG')}`, alt: 'X' },
      { src: 'https://example.com/y.png', alt: 'Y' },
    ]);
    expect(one(doc, 'section').getAttribute('data-background-image')).toBe(`data:image/png;base64,${b64('BG')}`);
  });

  it('adds mermaid only when the bundle holds it (diagrams left to the browser)', () => {
    expect(all(doc, '#deck-mermaid-source')).toEqual([]);
    const withMermaid = parsePage(inlineDeckPage(fakeBundle({ 'deck/index.html': page, '_deckhand/mermaid.min.js': 'M' })));
    const source = one(withMermaid, 'script#deck-mermaid-source');
    expect(attributes(source)).toEqual({ type: 'text/plain', id: 'deck-mermaid-source' });
    expect(source.textContent).toBe(b64('M'));
    // Right before the runtime script, which reads it.
    expect([source.nextElementSibling?.tagName, source.nextElementSibling?.hasAttribute('src')]).toEqual(['SCRIPT', true]);
  });
});
