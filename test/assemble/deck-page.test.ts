import { describe, expect, it } from 'vitest';
import { assembleDeckPage, renderSection, type PageInputs, type PageLinks } from '../../src/assemble/deck-page';
import { scanHtml, type StartTag } from '../../src/render/html-tokens';
import type { DiagramRef, DiagramResult, RenderedSlide } from '../../src/types';

const svg = (id: string) =>
  `<svg id="${id}" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 100px;" viewBox="0 0 100 50" role="graphics-document document" aria-labelledby="chart-title-${id}">` +
  `<title id="chart-title-${id}">T</title><style>#${id}{fill:#333}#${id} .edge{marker-end:url(#${id}_end)}</style>` +
  `<marker id="${id}_end"><path d="M0"/></marker><path marker-end="url(#${id}_end)" style="fill:url(#${id}_end)"/><use href="#${id}_end"/></svg>`;

const ref = (id: string, extra: Partial<DiagramRef> = {}): DiagramRef => ({ id, code: 'flowchart LR\n  A --> B', alt: 'A to B', origin: { file: '/p/d.md', line: 1, column: 1 }, ...extra });

function slide(key: string, diagrams: DiagramRef[], extra: Partial<RenderedSlide> = {}): RenderedSlide {
  return {
    key,
    file: '/p/slides/d.md',
    line: 3,
    endLine: 9,
    attributes: {},
    body: ['<h2>Flow</h2>\n', ...diagrams.map((d) => ({ diagram: d.id }))],
    html: '',
    assets: [],
    diagrams,
    outline: { headings: [], links: [], images: [], ids: [], tables: [], videos: [], splitBullets: [] },
    ...extra,
  } as RenderedSlide;
}

function inputs(slides: RenderedSlide[], diagrams: Record<string, DiagramResult>, extra: Partial<PageInputs> = {}): PageInputs {
  return {
    deck: { name: 'd', title: 'D & d', frontMatter: {}, stacks: slides.map((s) => [s]) },
    diagrams: new Map(Object.entries(diagrams)),
    runtime: '../_deckhand/',
    styleName: 'style-1.css',
    reveal: {},
    mermaid: {},
    root: '/p',
    ...extra,
  };
}

const tags = (html: string, name: string): StartTag[] => scanHtml(html).tags.filter((t) => t.name === name);
const slotOf = (html: string, id: string) => tags(html, 'div').find((t) => t.attributes['data-deck-diagram'] === id);

describe('placing diagrams', () => {
  it('puts the SVG in its slot as an image named by the alt text, its width capped at 1.8× its drawn size', () => {
    const html = renderSection(slide('0-0', [ref('a', { attributes: { class: 'r-stretch' } })]), inputs([], { a: { kind: 'svg', svg: svg('m1') } }));
    expect(slotOf(html, 'a')?.attributes).toEqual({ class: 'deck-diagram r-stretch', 'data-deck-diagram': 'a' });
    const [root] = tags(html, 'svg');
    expect(root.attributes).toMatchObject({ id: 'm1', role: 'img', 'aria-label': 'A to B', style: 'max-width: 180px;' });
  });

  it('renames every id of a diagram shown twice, with each reference to it, and leaves the first alone', () => {
    const page = assembleDeckPage(inputs([slide('0-0', [ref('a')]), slide('0-1', [ref('b')])], { a: { kind: 'svg', svg: svg('m1') }, b: { kind: 'svg', svg: svg('m1') } }));
    const { tags: all, texts } = scanHtml(page);
    const ids = all.map((t) => t.attributes.id).filter(Boolean);
    expect(ids).toEqual(['m1', 'chart-title-m1', 'm1_end', 'm1-b', 'chart-title-m1-b', 'm1-b_end', 'deck-config']);
    const second = all.slice(all.findIndex((t) => t.attributes.id === 'm1-b'));
    expect(second[0].attributes['aria-labelledby']).toBe('chart-title-m1-b');
    expect(second.find((t) => t.name === 'path' && t.attributes['marker-end'])?.attributes).toEqual({ 'marker-end': 'url(#m1-b_end)', style: 'fill:url(#m1-b_end)' });
    expect(second.find((t) => t.name === 'use')?.attributes.href).toBe('#m1-b_end');
    const styles = texts.filter((t) => t.parent === 'style').map((t) => t.text);
    expect(styles).toEqual(['#m1{fill:#333}#m1 .edge{marker-end:url(#m1_end)}', '#m1-b{fill:#333}#m1-b .edge{marker-end:url(#m1-b_end)}']);
  });

  it('leaves a diagram without Chromium to the browser, and shows an error in its slot', () => {
    const html = renderSection(slide('0-0', [ref('a'), ref('b')]), inputs([], { a: { kind: 'deferred', code: 'x' }, b: { kind: 'error', message: 'Parse error <here>' } }));
    expect(slotOf(html, 'a')?.attributes).toEqual({ class: 'deck-diagram', 'data-deck-diagram': 'a', 'data-deck-pending': '', role: 'img', 'aria-label': 'A to B' });
    expect(tags(html, 'pre')[0].attributes).toEqual({ class: 'deck-diagram-source', hidden: '' });
    expect(scanHtml(html).texts.find((t) => t.parent === 'pre')?.text).toBe('flowchart LR\n  A --> B');
    expect(slotOf(html, 'b')?.attributes).toMatchObject({ class: 'deck-diagram deck-diagram-error', role: 'img' });
    expect(scanHtml(html).texts.some((t) => t.text === 'Parse error <here>')).toBe(true);
  });
});

describe('the URLs a page writes', () => {
  const withAssets = slide('0-0', [], {
    attributes: { 'data-background-image': 'assets/bg-1.png', 'data-background-color': '#000' },
    body: ['<p><img src="', { asset: 'assets/cat-2.png' }, '" alt="Cat"></p>\n'],
    notes: ['<img src="', { asset: 'assets/cat-2.png' }, '">'],
    assets: [
      { source: '/p/bg.png', target: 'assets/bg-1.png' },
      { source: '/p/cat.png', target: 'assets/cat-2.png' },
    ],
  });

  it('are relative to the page by default, as build writes them', () => {
    const page = assembleDeckPage(inputs([withAssets], {}, { runtimeScripts: ['follow.js'] }));
    expect(tags(page, 'link')[0].attributes).toEqual({ rel: 'stylesheet', href: '../_deckhand/style-1.css', 'data-deck-style': '' });
    expect(tags(page, 'script').map((t) => t.attributes.src).filter(Boolean)).toEqual(['../_deckhand/follow.js', '../_deckhand/deckhand.js']);
    expect(tags(page, 'img').map((t) => t.attributes.src)).toEqual(['assets/cat-2.png', 'assets/cat-2.png']);
    expect(tags(page, 'section')[0].attributes).toMatchObject({ 'data-background-image': 'assets/bg-1.png', 'data-background-color': '#000' });
  });

  it('come from the resolver: data: URLs, an inline stylesheet and mermaid for a single-file page', () => {
    const asked: string[] = [];
    const links: PageLinks = {
      url: (r) => (asked.push(`${r.kind}:${r.file}`), `data:x;base64,${r.kind}-${r.file}`),
      styleText: (file) => `/* ${file} */ a::after { content: "</style>" }`,
      mermaidBase64: () => 'TUVSTUFJRA==',
    };
    const page = assembleDeckPage(inputs([withAssets], { a: { kind: 'deferred', code: 'x' } }, { links }));
    expect(tags(page, 'link')).toEqual([]);
    const style = scanHtml(page).texts.find((t) => t.parent === 'style');
    expect(style?.text).toBe('\n/* style-1.css */ a::after { content: "<\\/style>" }\n');
    expect(tags(page, 'img').map((t) => t.attributes.src)).toEqual(['data:x;base64,asset-assets/cat-2.png', 'data:x;base64,asset-assets/cat-2.png']);
    expect(tags(page, 'section')[0].attributes['data-background-image']).toBe('data:x;base64,asset-assets/bg-1.png');
    const scripts = tags(page, 'script');
    expect(scripts.map((t) => t.attributes)).toEqual([{ type: 'application/json', id: 'deck-config' }, { type: 'text/plain', id: 'deck-mermaid-source' }, { src: 'data:x;base64,runtime-deckhand.js' }]);
    expect(asked).not.toContain('runtime:style-1.css');
  });
});
