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

  it('applies attribute comments inside raw HTML as reveal.js places them in the DOM', () => {
    const { slide } = render(
      '<h5>x</h5>\n<!-- .slide: data-background="img/cat.png" class="dark" -->\n\n' +
        '<div>a</div> <!-- .element: class="fragment" data-fragment-index="1" -->\n\n' +
        '<div class="box"><p>b</p><br>\n<!-- .element: class="fragment" --><span>c<!-- .element: id="s" --></span></div>\n',
    );
    // The background in a comment inside raw HTML is still a copied file.
    expect(slide.attributes).toEqual({ 'data-background': expect.stringMatching(/^assets\/cat-\w+\.png$/), class: 'dark' });
    expect(slide.assets).toHaveLength(1);
    const html = parseFragment(slide.html);
    expect(attributes(all(html, 'div')[0])).toEqual({ class: 'fragment', 'data-fragment-index': '1' });
    // The previous element sibling (a <br> skipped), else the parent.
    expect(one(html, 'div.box > p').className).toBe('fragment');
    expect(one(html, 'div.box > span').id).toBe('s');
    expect(comments(html)).toEqual([]);
    expect(one(html, 'h5').textContent).toBe('x');
  });

  it('applies an .element comment on a list item\'s continuation line to the item', () => {
    const { slide } = render('* one\n  <!-- .element: class="fragment" -->\n* two\n');
    const html = parseFragment(slide.html);
    expect(all(html, 'li').map((li) => [li.textContent?.trim(), li.className])).toEqual([['one', 'fragment'], ['two', '']]);
    expect(comments(html)).toEqual([]);
  });

  it('highlights code written as raw <pre><code> like a fence', () => {
    const { slide } = render(
      '<pre class="tall"><code class="rust extra" id="c" data-trim data-noescape data-line-numbers="0|1|2-3">\n' +
        '    fn main() {\n      let a = 1 &lt; 2;\n    }\n</code></pre>\n',
    );
    const html = parseFragment(slide.html);
    expect(one(html, 'pre').className).toBe('code-wrapper tall');
    const codes = all(html, 'pre > code');
    expect(codes.map((c) => [c.getAttribute('data-line-numbers'), c.classList.contains('fragment'), c.classList.contains('has-highlights')])).toEqual([
      ['', false, false],
      ['1', true, true],
      ['2-3', true, true],
    ]);
    expect(codes.every((c) => c.classList.contains('language-rust') && c.classList.contains('extra'))).toBe(true);
    // Only the first step keeps the id; reveal.js's own switches are used up.
    expect(codes.map((c) => c.id)).toEqual(['c', '', '']);
    expect(codes.some((c) => c.hasAttribute('data-trim') || c.hasAttribute('data-noescape'))).toBe(false);
    // Trimmed of blank lines and common indentation; entities decoded, then escaped once.
    expect(texts(codes[0], 'td.hljs-ln-code')).toEqual(['fn main() {', 'let a = 1 < 2;', '}']);
    expect(all(codes[0], 'td.hljs-ln-code')[1].innerHTML.startsWith('  ')).toBe(true);
    expect(texts(codes[0], 'span.hljs-keyword')).toEqual(['fn', 'let']);
    expect(texts(codes[2], 'tr.highlight-line td.hljs-ln-code')).toEqual(['let a = 1 < 2;', '}']);
  });

  it('reads raw code without data-noescape as text, and its language and first line number', () => {
    const { slide } = render('<pre><code class="language-js" data-line-numbers data-ln-start-from="5">if (a <b> c) {}</code></pre>\n\n<pre><code>plain</code></pre>\n');
    const html = parseFragment(slide.html);
    const [numbered, plain] = all(html, 'pre > code');
    expect(numbered.className).toBe('hljs language-js');
    expect(texts(numbered, 'td.hljs-ln-code')).toEqual(['if (a <b> c) {}']);
    expect(all(numbered, 'td.hljs-ln-numbers').map((td) => td.getAttribute('data-line-number'))).toEqual(['5']);
    expect(attributes(plain)).toEqual({ class: 'hljs language-plaintext' });
    expect(plain.textContent).toBe('plain');
  });
});
