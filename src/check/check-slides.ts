import { diagnostic, type Diagnostic } from '../diagnostics';
import type { RenderedDeck, RenderedSlide } from '../types';

/** Anything a viewer would see: text, media, a diagram, or a background of its own. */
const VISIBLE_CONTENT = /<(img|svg|video|audio|iframe|canvas|object|embed|picture|math)\b|class="deck-diagram/i;

/**
 * Slides with nothing on them (two separators in a row, usually) and slide ids used twice:
 * a `#/id` link and reveal.js's navigation go to the first, whichever was meant.
 */
export function checkSlides(deck: RenderedDeck, describe: (file: string, line: number) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstWithId = new Map<string, { file: string; line: number }>();
  for (const stack of deck.stacks) {
    for (const slide of stack) {
      const at = { file: slide.file, line: slide.line };
      const hasBackground = Object.keys(slide.attributes).some((k) => k.startsWith('data-background'));
      if (!hasBackground && isEmptyHtml(slide.html)) out.push(diagnostic('empty-slide', 'slide shows nothing: no text, image or diagram (only notes or comments)', at, 'warning'));
      const id = slide.attributes.id;
      if (!id) continue;
      const first = firstWithId.get(id);
      if (first) out.push(diagnostic('duplicate-slide-id', `slide id "${id}" is already used by the slide at ${describe(first.file, first.line)}`, at));
      else firstWithId.set(id, at);
    }
  }
  return out;
}

/**
 * Bullets revealed one by one where one bullet's comment went to its last word instead (see
 * `SlideOutline.splitBullets`): that bullet's text shows before the bullets above it.
 */
export function checkSplitBullets(slide: RenderedSlide): Diagnostic[] {
  return slide.outline.splitBullets.map(({ word, at }) =>
    diagnostic('fragment-in-bullet', `only "${word}" is a fragment, not its bullet: the comment after it gives its attributes to the element just before it, so the bullet's text shows before the bullets above; to reveal the whole bullet, put the comment on the next line, indented under the item`, at, 'warning'),
  );
}

export function isEmptyHtml(html: string): boolean {
  if (VISIBLE_CONTENT.test(html)) return false;
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ');
  return text.trim() === '';
}
