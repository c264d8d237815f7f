/** Offsets [start, end) of fenced code blocks, so separators inside code never split a slide. */
export function findFenceRanges(text: string): Array<[number, number]> {
  return scanFences(text).ranges;
}

/**
 * The fences of a text, and where the one that is never closed opens: it runs to the end,
 * as CommonMark says, taking every separator after it with it.
 */
export function scanFences(text: string): { ranges: Array<[number, number]>; unclosed?: { start: number; marker: string } } {
  const ranges: Array<[number, number]> = [];
  const line = /^.*$/gm;
  let open: { char: string; length: number; start: number; indent: number } | null = null;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    if (m[0].length === 0 && m.index === text.length) break;
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(m[0]);
    if (fence) {
      const marker = fence[1];
      if (!open) {
        open = { char: marker[0], length: marker.length, start: m.index, indent: fence[0].length - marker.length };
      } else if (marker[0] === open.char && marker.length >= open.length && m[0].trim() === marker) {
        ranges.push([open.start, m.index + m[0].length]);
        open = null;
      }
    }
    if (m[0].length === 0) line.lastIndex++;
  }
  if (!open) return { ranges };
  ranges.push([open.start, text.length]);
  return { ranges, unclosed: { start: open.start + open.indent, marker: open.char.repeat(open.length) } };
}

/** Binary search: ranges are sorted and disjoint, and a long deck has hundreds of fences. */
export function insideRanges(offset: number, ranges: ReadonlyArray<[number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid];
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}
