import type { SlideSource, SlideStack } from '../types';
import { findFenceRanges, insideRanges } from './fences';
import { lineIndex } from './line-index';

export interface Separators {
  separator: string;
  verticalSeparator: string;
  notesSeparator: string;
}

interface Segment {
  start: number;
  end: number;
}

/**
 * Cuts one Markdown file into horizontal stacks of vertical slides, keeping each slide's
 * line range. `firstLine` is the file line where `text` begins (after any front matter).
 */
export function splitSlides(text: string, file: string, fileIndex: number, firstLine: number, seps: Separators): SlideStack[] {
  const fences = findFenceRanges(text);
  const place = lineIndex(text, firstLine);
  const lineAt = (offset: number) => place(offset).line;
  const stacks: SlideStack[] = [];
  let ordinal = 0;
  const horizontal = trimEmptyEnds(cut(text, { start: 0, end: text.length }, seps.separator, fences), text);
  for (const h of horizontal) {
    const stack: SlideStack = [];
    for (const v of trimEmptyEnds(cut(text, h, seps.verticalSeparator, fences), text)) {
      stack.push(toSlide(text, v, `${fileIndex}-${ordinal++}`, file, lineAt, seps.notesSeparator, fences));
    }
    if (stack.length) stacks.push(stack);
  }
  return stacks;
}

function toSlide(
  text: string,
  seg: Segment,
  key: string,
  file: string,
  lineAt: (offset: number) => number,
  notesSeparator: string,
  fences: ReadonlyArray<[number, number]>,
): SlideSource {
  const notesMatch = firstMatch(text, seg, notesSeparator, fences, 'im');
  const bodyEnd = notesMatch ? notesMatch.index : seg.end;
  const slide: SlideSource = {
    key,
    file,
    line: lineAt(firstContent(text, seg.start, seg.end)),
    endLine: lineAt(lastContent(text, seg.start, seg.end)),
    body: text.slice(seg.start, bodyEnd),
    bodyLine: lineAt(seg.start),
  };
  if (notesMatch) {
    const notesStart = notesMatch.index + notesMatch[0].length;
    slide.notes = text.slice(notesStart, seg.end).replace(/^[ \t]+/, "");
    slide.notesLine = lineAt(notesStart);
  }
  return slide;
}

function cut(text: string, seg: Segment, pattern: string, fences: ReadonlyArray<[number, number]>): Segment[] {
  const re = new RegExp(pattern, 'gm');
  const parts: Segment[] = [];
  let start = seg.start;
  const slice = text.slice(0, seg.end);
  re.lastIndex = seg.start;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (insideRanges(m.index, fences)) continue;
    parts.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  parts.push({ start, end: seg.end });
  return parts;
}

function firstMatch(text: string, seg: Segment, pattern: string, fences: ReadonlyArray<[number, number]>, flags: string) {
  const re = new RegExp(pattern, flags.includes('g') ? flags : flags + 'g');
  const slice = text.slice(0, seg.end);
  re.lastIndex = seg.start;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (!insideRanges(m.index, fences)) return m;
    if (m[0].length === 0) re.lastIndex++;
  }
  return null;
}

/** A separator at the very start or end of a file makes no empty slide; one in the middle does. */
function trimEmptyEnds(parts: Segment[], text: string): Segment[] {
  const blank = (s: Segment) => text.slice(s.start, s.end).trim() === '';
  let from = 0;
  let to = parts.length;
  if (to > 1 && blank(parts[0])) from++;
  if (to - from > 1 && blank(parts[to - 1])) to--;
  if (to - from === 1 && blank(parts[from])) return [];
  return parts.slice(from, to);
}

function firstContent(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && /\s/.test(text[i])) i++;
  return i < end ? i : start;
}

function lastContent(text: string, start: number, end: number): number {
  let i = end - 1;
  while (i > start && /\s/.test(text[i])) i--;
  return Math.max(start, i);
}
