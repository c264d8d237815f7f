import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAccessibility } from '../../src/check/check-accessibility';
import { parseDeck } from '../../src/parse/parse-deck';
import type { ResolveContext } from '../../src/render/references';
import { renderDeckWith } from '../../src/render/render-deck';
import { createSlideRenderer } from '../../src/render/render-slide';

const ROOT = '/project';
const FILE = path.join(ROOT, 'slides', 'd.md');

function check(markdown: string) {
  const ctx: ResolveContext = { root: ROOT, exists: () => true, readText: () => '' };
  const parsed = parseDeck({ name: 'd', root: FILE, files: [{ path: FILE, text: markdown }] }).deck;
  return checkAccessibility(renderDeckWith(createSlideRenderer(ctx), parsed, 'd').deck);
}

const at = (list: ReturnType<typeof check>) => list.map((d) => `${d.code}@${d.line}:${d.column}`);
const slides = (...s: string[]) => s.join('\n\n---\n\n') + '\n';

describe('accessibility rules from the source', () => {
  it('finds nothing in a deck that names every slide, steps headings one by one and names its links', () => {
    const found = check(
      slides(
        '# Title',
        '## Part one\n\n### Detail\n\nSee [the install guide](https://example.com) or <a href="https://example.com">the changelog</a>.',
        '## Table\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n<table><tr><th>x</th></tr><tr><td>1</td></tr></table>',
        '## Video\n\n<video src="clip.mp4" controls>\n<track kind="captions" src="clip.vtt" srclang="en">\n</video>',
        '<!-- .slide: aria-label="Cover picture" -->\n![A harbour at dawn](harbour.png)',
        '<!-- .slide: data-background-color="#000" -->',
      ),
    );
    expect(found).toEqual([]);
  });

  it('reports a heading that skips a level, within a slide and across slides, at the heading', () => {
    const found = check(slides('# Title\n\n### Too deep', '## Back up\n\n#### Too deep again', '## Fine'));
    expect(at(found)).toEqual(['heading-skip@3:1', 'heading-skip@9:1']);
    expect(found[0].message).toBe('heading level 3 ("Too deep") follows level 1 ("Title"): use level 2 (##), or style it with CSS instead of skipping levels');
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('lets the first heading of the deck be any level (as axe-core does)', () => {
    expect(check(slides('### Starts small', '## Then larger'))).toEqual([]);
  });

  it('reports links that say nothing out of context, in Markdown and raw HTML, block and inline', () => {
    const found = check(
      slides('## Links\n\nRead [here](https://a.example). [More…](https://b.example)\n\nOr <a href="https://c.example">Click here</a> now.\n\n<p><a href="https://d.example">link</a></p>\n\n[the guide](https://e.example)'),
    );
    expect(at(found)).toEqual(['vague-link-text@3:6', 'vague-link-text@3:33', 'vague-link-text@5:4', 'vague-link-text@7:4']);
    expect(found[0].message).toBe('link text "here" says nothing out of context: name where it goes (e.g. [the install guide](https://a.example))');
  });

  it('reports tables without a header row: an empty Markdown header, an HTML table with no <th>', () => {
    const found = check(slides('## Tables\n\n|   |   |\n| - | - |\n| 1 | 2 |\n\n<table>\n<tr><td>1</td></tr>\n\n<tr><td>2</td></tr>\n</table>'));
    expect(at(found)).toEqual(['table-header@3:1', 'table-header@7:1']);
  });

  it('reports a <video> without captions (a subtitles track is a translation, not captions)', () => {
    const found = check(slides('## Videos\n\n<video src="a.mp4" controls></video>\n\n<video src="b.mp4">\n<track kind="subtitles" src="b.vtt" srclang="de">\n</video>'));
    expect(at(found)).toEqual(['video-captions@3:1', 'video-captions@5:1']);
    expect(found[0].message).toContain('<track kind="captions"');
  });

  it('reports a slide without a heading at its first line, but not an empty one or one with an aria-label', () => {
    const found = check(slides('## Named', 'Just a paragraph.', 'Note: only notes', '<!-- .slide: aria-label="Quote" -->\n> A quote'));
    expect(at(found)).toEqual(['slide-heading@5:1']);
  });
});
