import { diagnostic, type Diagnostic } from '../diagnostics';
import type { SlideSource } from '../types';
import { scanFences } from './fences';
import { lineIndex } from './line-index';

/**
 * An HTML comment or a code fence that is never closed swallows what follows without a word:
 * the heading after `<!--` disappears, an unclosed `<!-- .slide:` hides the slide, and an open
 * ``` turns the rest of the file (separators included) into code. Markdown allows all three,
 * so `build` and `dev` warn at the opening line; `check` treats these codes as errors.
 */
export const UNCLOSED_BLOCK_CODES: readonly string[] = ['unclosed-comment', 'unclosed-fence'];

export function findUnclosedBlocks(slide: SlideSource): Diagnostic[] {
  const out = scan(slide.body, slide.file, slide.bodyLine);
  if (slide.notes !== undefined && slide.notesLine !== undefined) out.push(...scan(slide.notes, slide.file, slide.notesLine));
  return out;
}

function scan(text: string, file: string, firstLine: number): Diagnostic[] {
  // Every slide is scanned after each save (the dev server, on a 1000-slide deck), so the common
  // cases cost one search each: a comment is left open only if the last `<!--` has no `-->` after
  // it (wherever the others are, that `-->` closes them too), and a fence only where there is one.
  const last = text.lastIndexOf('<!--');
  const commentsClosed = last < 0 || text.indexOf('-->', last + 4) >= 0;
  const hasFence = /```|~~~/.test(text);
  if (commentsClosed && !hasFence) return [];
  const fences = hasFence ? scanFences(text) : { ranges: [] };
  if (commentsClosed && !fences.unclosed) return [];
  const at = lineIndex(text, firstLine);
  const out: Diagnostic[] = [];
  if (fences.unclosed) {
    const { start, marker } = fences.unclosed;
    out.push(
      diagnostic('unclosed-fence', `code fence ${marker} is never closed: the rest of the file is shown as code, slide separators included; close it with ${marker}`, { file, ...at(start) }, 'warning'),
    );
  }
  if (commentsClosed) return out;
  // Comment openers in code are text: blank out fences and code spans, keeping offsets.
  let prose = text;
  for (const [s, e] of fences.ranges) prose = prose.slice(0, s) + blank(prose.slice(s, e)) + prose.slice(e);
  prose = prose.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
  for (let i = prose.indexOf('<!--'); i >= 0; i = prose.indexOf('<!--', i + 4)) {
    // The comment ends at the first `-->` after it, wherever that is (as an HTML parser sees it).
    const end = text.indexOf('-->', i + 4);
    if (end >= 0) {
      i = end - 1;
      continue;
    }
    const kind = /^<!--\s*\.(slide|element)\b/.exec(text.slice(i, i + 40))?.[1];
    const what = kind
      ? `<!-- .${kind}: comment is never closed with -->: the rest of the slide is hidden and its attributes are not applied`
      : 'HTML comment is never closed with -->: everything after it on this slide is hidden';
    out.push(diagnostic('unclosed-comment', `${what}; add -->`, { file, ...at(i) }, 'warning'));
    break; // Everything after an unclosed comment is inside it.
  }
  return out;
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}
