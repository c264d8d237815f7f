import { describe, expect, it } from 'vitest';
import { createSlideRenderer } from '../../src/render/render-slide';
import type { ResolveContext } from '../../src/render/references';
import { scanHtml } from '../../src/render/html-tokens';
import type { HtmlPart, SlideSource } from '../../src/types';

const files: Record<string, string> = { '/p/slides/img/cat.png': 'png', '/p/slides/clip.mp4': 'mp4', '/p/slides/poster.jpg': 'jpg' };
const ctx: ResolveContext = { root: '/p', exists: (f) => f in files, readText: (f) => files[f] };

function render(body: string, notes?: string) {
  const slide: SlideSource = { key: '0-0', file: '/p/slides/deck.md', line: 1, endLine: 9, body, bodyLine: 1, notes, notesLine: notes ? 8 : undefined };
  return createSlideRenderer(ctx)(slide).slide;
}

const holes = (parts: HtmlPart[]) => parts.filter((p) => typeof p !== 'string');

describe('a slide body with holes', () => {
  it('leaves a hole for each diagram, with the author attributes on its reference', () => {
    const slide = render('## D\n\n```mermaid\nflowchart LR\n  A --> B\n```\n<!-- .element: class="r-stretch" data-x="1" -->\n\nText\n');
    expect(holes(slide.body)).toEqual([{ diagram: slide.diagrams[0].id }]);
    expect(slide.diagrams[0].attributes).toEqual({ class: 'r-stretch', 'data-x': '1' });
    // The checks and the dev server read the slide with an empty slot in place.
    const wrapper = scanHtml(slide.html).tags.find((t) => t.name === 'div');
    expect(wrapper?.attributes).toEqual({ class: 'deck-diagram r-stretch', 'data-deck-diagram': slide.diagrams[0].id, 'data-x': '1' });
  });

  it('leaves a hole for the URL of each copied file: Markdown images, raw media tags, notes', () => {
    const slide = render('![Cat](img/cat.png)\n\n<video src="clip.mp4" poster="poster.jpg"></video>\n', 'Again: ![Cat](img/cat.png)');
    const targets = slide.assets.map((a) => a.target);
    expect(holes(slide.body)).toEqual([{ asset: targets[0] }, { asset: targets[1] }, { asset: targets[2] }]);
    expect(holes(slide.notes ?? [])).toEqual([{ asset: targets[0] }]);
    const { tags } = scanHtml(slide.html);
    expect(tags.find((t) => t.name === 'img')?.attributes.src).toBe(targets[0]);
    expect(tags.find((t) => t.name === 'video')?.attributes).toEqual({ src: targets[1], poster: targets[2] });
  });

  it('cannot be forged from the source: a NUL written by the author becomes U+FFFD', () => {
    const slide = render('Text \0d0-1-0\0 and \0a0\0\n');
    expect(holes(slide.body)).toEqual([]);
    expect(slide.html).toContain('\uFFFDd0-1-0\uFFFD');
  });
});
