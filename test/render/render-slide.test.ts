import { describe, expect, it } from 'vitest';
import { createSlideRenderer } from '../../src/render/render-slide';
import type { ResolveContext } from '../../src/render/references';
import type { SlideSource } from '../../src/types';
import { all, attributes, comments, one, parseFragment, texts } from '../helpers/html';

const files: Record<string, string> = {
  '/p/slides/img/cat.png': 'png',
  '/p/diagrams/flow.mmd': 'flowchart LR\n  A --> B\n',
};
const ctx: ResolveContext = { root: '/p', exists: (f) => f in files, readText: (f) => files[f] };

function render(body: string, notes?: string) {
  const slide: SlideSource = { key: '0-0', file: '/p/slides/deck.md', line: 10, endLine: 20, body, bodyLine: 10, notes, notesLine: notes ? 30 : undefined };
  return createSlideRenderer(ctx)(slide);
}

describe('renderSlide', () => {
  it('applies .slide and .element attribute comments', () => {
    const { slide } = render('<!-- .slide: data-background-color="#000" class="dark" -->\n## T\n\n- a <!-- .element: class="fragment" -->\n- b\n\n![x](img/cat.png) <!-- .element: class="fragment" data-fragment-index="2" -->\n');
    expect(slide.attributes).toEqual({ 'data-background-color': '#000', class: 'dark' });
    const html = parseFragment(slide.html);
    expect(all(html, 'li').map((li) => [li.textContent?.trim(), li.className])).toEqual([['a', 'fragment'], ['b', '']]);
    expect(attributes(one(html, 'img'))).toEqual({ src: expect.stringMatching(/^assets\/cat-\w+\.png$/), alt: 'x', class: 'fragment', 'data-fragment-index': '2' });
    // The attribute comments are used up, not left in the page.
    expect(comments(html)).toEqual([]);
    expect(html.textContent).not.toContain('.element');
  });

  it('highlights code at build time with reveal.js line-step markup', () => {
    const { slide } = render('```js [1|2-3]\nconst a = 1;\nconst b = 2;\nlet c;\n```\n');
    const html = parseFragment(slide.html);
    const codes = all(html, 'pre > code');
    expect(codes.map((c) => [c.getAttribute('data-line-numbers'), c.classList.contains('fragment')])).toEqual([['1', false], ['2-3', true]]);
    expect(texts(html, 'span.hljs-keyword')).toContain('const');
    // Step one highlights line 1, step two lines 2 and 3.
    expect(codes.map((c) => texts(c, 'tr.highlight-line td.hljs-ln-code'))).toEqual([['const a = 1;'], ['const b = 2;', 'let c;']]);
  });

  it('turns mermaid fences and .mmd images into diagram references with source positions', () => {
    const { slide } = render('## D\n\n```mermaid\nflowchart LR\n  X --> Y\n```\n\n![Flow](../diagrams/flow.mmd)\n');
    expect(slide.diagrams).toHaveLength(2);
    expect(slide.diagrams[0].origin).toEqual({ file: '/p/slides/deck.md', line: 13, column: 1 });
    expect(slide.diagrams[1]).toMatchObject({ alt: 'Flow', code: files['/p/diagrams/flow.mmd'], origin: { file: '/p/diagrams/flow.mmd', line: 1 } });
    // Block-level placeholders, not wrapped in a paragraph (a parser would split such a <p> and leave empty ones).
    const html = parseFragment(slide.html);
    expect(all(html, '.deck-diagram').map((d) => d.parentElement?.tagName)).toEqual(['BODY', 'BODY']);
    expect(all(html, 'p')).toEqual([]);
  });

  it('resolves paths starting with / from the project root', () => {
    const { slide, diagnostics } = render('![Flow](/diagrams/flow.mmd)\n');
    expect(diagnostics).toEqual([]);
    expect(slide.diagrams).toHaveLength(1);
  });

  it('reports a missing image or diagram at its file:line:col', () => {
    const { diagnostics } = render('## T\n\nText\n\nSee ![gone](img/missing.png) here\n\n![d](nope.mmd)\n');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'missing-image', severity: 'warning', file: '/p/slides/deck.md', line: 14, column: 5 }),
      expect.objectContaining({ code: 'missing-diagram', severity: 'error', line: 16, column: 1 }),
    ]);
  });

  it('reads a Windows-style relative path with backslashes as the same file', () => {
    const { slide, diagnostics } = render('![Flow](..\\diagrams\\flow.mmd)\n');
    expect(diagnostics).toEqual([]);
    expect(slide.diagrams).toHaveLength(1);
  });

  it('does not treat image syntax inside code as an asset', () => {
    const { slide, diagnostics } = render('```md\n![nope](missing.png)\n```\n\n`![also](missing.png)`\n');
    expect(diagnostics).toEqual([]);
    expect(slide.assets).toEqual([]);
  });

  it('renders speaker notes as Markdown and passes raw HTML through', () => {
    const { slide } = render('<div class="box">**hi**</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', 'Say **this**.');
    expect(texts(parseFragment(slide.notesHtml!), 'strong')).toEqual(['this']);
    const html = parseFragment(slide.html);
    expect(texts(html, 'div.box')).toEqual(['**hi**']);
    expect(texts(html, 'table th, table td')).toEqual(['a', 'b', '1', '2']);
  });

  it('copies backgrounds named in .slide comments', () => {
    const { slide } = render('<!-- .slide: data-background-image="img/cat.png" -->\n# T\n');
    expect(slide.attributes['data-background-image']).toMatch(/^assets\/cat-\w+\.png$/);
    expect(slide.assets).toHaveLength(1);
  });
});
