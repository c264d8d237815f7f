import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAltText } from '../../src/check/check-alt-text';
import { checkLinks, type LinkTargets } from '../../src/check/check-links';
import { checkSlides, checkSplitBullets, isEmptyHtml } from '../../src/check/check-slides';
import { parseDeck } from '../../src/parse/parse-deck';
import type { ResolveContext } from '../../src/render/references';
import { renderDeckWith } from '../../src/render/render-deck';
import { createSlideRenderer } from '../../src/render/render-slide';

const ROOT = '/project';
const FILE = path.join(ROOT, 'slides', 'd.md');

/** A deck and the files around it, all in memory. */
function deck(markdown: string, files: Record<string, string> = {}) {
  const texts = new Map(Object.entries(files).map(([rel, text]) => [path.join(ROOT, rel), text]));
  const ctx: ResolveContext = { root: ROOT, exists: (f) => texts.has(f), readText: (f) => texts.get(f) };
  const parsed = parseDeck({ name: 'd', root: FILE, files: [{ path: FILE, text: markdown }] }).deck;
  const rendered = renderDeckWith(createSlideRenderer(ctx), parsed, 'd').deck;
  return { ctx, slides: rendered.stacks.flat(), rendered };
}

const at = (list: Array<{ code: string; line?: number; column?: number }>) => list.map((d) => `${d.code}@${d.line}:${d.column}`);

describe('link checks', () => {
  const targets: LinkTargets = { ids: new Set(['intro']), stacks: [1, 3], oneBased: false };

  it('accepts web links, existing files, known ids and slide indices that exist', () => {
    const { ctx, slides } = deck('[a](https://example.com) [b](notes.md) [c](#/intro) [d](#intro) [e](#/1/2) [f](#/) [g](mailto:x@y.z)\n', { 'slides/notes.md': '' });
    expect(slides.flatMap((s) => checkLinks(s, targets, ctx))).toEqual([]);
  });

  it('reports missing files, unknown ids and indices past the deck, in Markdown and raw HTML', () => {
    const { ctx, slides } = deck('# A\n\n[x](gone.pdf) and [y](#/2)\n\n<a href="#/1/3">z</a> <a href="#missing">w</a>\n');
    const found = slides.flatMap((s) => checkLinks(s, targets, ctx));
    expect(at(found)).toEqual(['broken-link@3:1', 'broken-link@3:19', 'broken-link@5:1', 'broken-link@5:23']);
    expect(found[1].message).toBe('link #/2 points at nothing: the deck has 2 horizontal slides');
    expect(found[2].message).toBe('link #/1/3 points at nothing: horizontal slide 1 has 3 vertical slides');
  });

  it('counts from 1 when the deck sets hashOneBasedIndex', () => {
    const { ctx, slides } = deck('[a](#/2/3) [b](#/0)\n');
    const found = slides.flatMap((s) => checkLinks(s, { ...targets, oneBased: true }, ctx));
    expect(at(found)).toEqual(['broken-link@1:12']);
  });
});

describe('alt text checks', () => {
  it('warns about images and diagrams no screen reader can name', () => {
    const { slides } = deck(
      ['![](a.png)', '', '![A chart](b.png)', '', '<img src="c.png"> <img src="d.png" alt="">', '', '![](flow.mmd) ![](named.mmd)', '', '```mermaid', 'flowchart LR', '  A --> B', '```', '', '```mermaid', 'flowchart LR', '  accTitle: Two steps', '  A --> B', '```', ''].join('\n'),
      { 'slides/flow.mmd': 'flowchart LR\n  A --> B\n', 'slides/named.mmd': 'flowchart LR\n  accTitle: Named\n  A --> B\n' },
    );
    const found = slides.flatMap((s) => checkAltText(s));
    expect(at(found)).toEqual(['missing-alt@1:1', 'missing-alt@5:1', 'missing-alt@7:1', 'missing-alt@9:1']);
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    expect(found[3].message).toContain('accTitle');
  });
});

describe('slide checks', () => {
  it('reports slides that show nothing and slide ids used twice', () => {
    const { rendered } = deck(
      ['<!-- .slide: id="a" -->', '# One', '', '---', '', 'Note: only notes', '', '---', '', '<!-- .slide: id="a" -->', '## Two', '', '---', '', '<!-- .slide: data-background-color="#000" -->', ''].join('\n'),
    );
    const found = checkSlides(rendered, (f, l) => `${path.relative(ROOT, f)}:${l}`);
    expect(found.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['empty-slide', 'warning', 6],
      ['duplicate-slide-id', 'error', 10],
    ]);
    expect(found[1].message).toBe('slide id "a" is already used by the slide at slides/d.md:1');
  });

  it('warns when a bullet’s comment made only its last word a fragment among bullets revealed one by one', () => {
    const { slides } = deck(
      [
        '- One <!-- .element: class="fragment" -->',
        '- Pin `python:3.14`, not `latest` <!-- .element: class="fragment" -->',
        '- A **host** <!-- .element: class="fragment" -->',
        '- Whole `bullet`',
        '  <!-- .element: class="fragment" -->',
        '',
        '---',
        '',
        '- Plain bullets, one word `later` <!-- .element: class="fragment" -->',
        '- and another',
        '',
      ].join('\n'),
    );
    const found = slides.flatMap((s) => checkSplitBullets(s));
    expect(at(found)).toEqual(['fragment-in-bullet@2:26', 'fragment-in-bullet@3:5']);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('only "latest" is a fragment, not its bullet');
    // The fix the message gives leaves nothing to report.
    const fixed = deck(['- One <!-- .element: class="fragment" -->', '- Pin `python:3.14`, not `latest`', '  <!-- .element: class="fragment" -->', ''].join('\n'));
    expect(fixed.slides.flatMap((s) => checkSplitBullets(s))).toEqual([]);
    expect(fixed.slides[0].html).toContain('<li class="fragment">Pin');
  });

  it('counts media and diagrams as content, comments and empty tags not', () => {
    expect(isEmptyHtml('<p><!-- x --></p>\n<p>&nbsp;</p>')).toBe(true);
    expect(isEmptyHtml('<p><img src="x.png" alt=""></p>')).toBe(false);
    expect(isEmptyHtml('<div class="deck-diagram" data-deck-diagram="1"></div>')).toBe(false);
    expect(isEmptyHtml('<p>Hi</p>')).toBe(false);
  });
});
