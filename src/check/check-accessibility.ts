import { diagnostic, type Diagnostic } from '../diagnostics';
import type { RenderedDeck, RenderedSlide } from '../types';
import { isEmptyHtml } from './check-slides';

/**
 * Link texts that say nothing out of context: a screen reader's list of links reads them alone
 * ("here, here, more"). English only, compared without case, spaces or final punctuation.
 */
const VAGUE_LINK_TEXTS: readonly string[] = ['here', 'click here', 'click', 'link', 'this link', 'more', 'read more', 'learn more', 'this', 'go'];

/**
 * Accessibility rules read from the source (all warnings: the deck still shows, but a reader
 * with a screen reader or without a mouse loses something; `--strict` fails on them):
 * - `heading-skip`: a heading more than one level below the heading before it, in reading order
 *   across the whole deck (the page is one document to a screen reader; the first heading may be
 *   any level, as in axe-core's `heading-order`);
 * - `vague-link-text`: a link whose text is one of `VAGUE_LINK_TEXTS`;
 * - `table-header`: a table without a header row (`<th>`);
 * - `video-captions`: a `<video>` without `<track kind="captions">`;
 * - `slide-heading`: a slide with no heading, so the slide list and a screen reader's headings
 *   list have no name for it. A title or image slide named with `<!-- .slide: aria-label="…" -->`
 *   passes; empty slides are already reported as `empty-slide`.
 */
export function checkAccessibility(deck: RenderedDeck): Diagnostic[] {
  const out: Diagnostic[] = [];
  let previous: RenderedSlide['outline']['headings'][number] | undefined;
  for (const slide of deck.stacks.flat()) {
    const { headings, links, tables, videos } = slide.outline;
    for (const h of headings) {
      if (previous && h.depth > previous.depth + 1) {
        out.push(diagnostic('heading-skip', `heading level ${h.depth} ("${short(h.text)}") follows level ${previous.depth} ("${short(previous.text)}"): use level ${previous.depth + 1} (${'#'.repeat(previous.depth + 1)}), or style it with CSS instead of skipping levels`, h.at, 'warning'));
      }
      previous = h;
    }
    for (const link of links) {
      const said = link.text.toLowerCase().replace(/\s+/g, ' ').replace(/[.!:…]+$/, '').trim();
      if (VAGUE_LINK_TEXTS.includes(said)) out.push(diagnostic('vague-link-text', `link text "${link.text}" says nothing out of context: name where it goes (e.g. [the install guide](${link.href}))`, link.at, 'warning'));
    }
    for (const table of tables) {
      if (!table.header) out.push(diagnostic('table-header', 'table has no header row: name its columns in the first row (Markdown) or with <th> cells (HTML)', table.at, 'warning'));
    }
    for (const video of videos) {
      if (!video.captions) out.push(diagnostic('video-captions', `video${video.src ? ` ${video.src}` : ''} has no captions: add <track kind="captions" src="….vtt" srclang="en"> inside the <video>`, video.at, 'warning'));
    }
    if (!headings.some((h) => h.text) && !slide.attributes['aria-label'] && !isShownOnlyAsBackground(slide)) {
      out.push(diagnostic('slide-heading', 'slide has no heading, so the slide list and screen readers have no name for it: start it with a heading, or name it with <!-- .slide: aria-label="…" -->', { file: slide.file, line: slide.line }, 'warning'));
    }
  }
  return out;
}

/** A slide with nothing on it: `empty-slide` reports it (or it is a background on purpose). */
function isShownOnlyAsBackground(slide: RenderedSlide): boolean {
  return isEmptyHtml(slide.html);
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
