/** A slide as the identity matcher sees it. */
export interface SlideFingerprint {
  /** Hash of everything the viewer sees: markup, attributes, notes. */
  hash: string;
  file: string;
}

/**
 * Gives each new slide the identity of the old slide it continues, so that a viewer stays on
 * "the same slide" through inserts, deletes, moves and edits. Unchanged slides match by content;
 * an edited slide inherits the identity of the unmatched old slide in the same file that sits
 * between the same matched neighbours; anything else is new.
 */
export function matchSlideIds(old: ReadonlyArray<SlideFingerprint & { id: string }>, next: readonly SlideFingerprint[], freshId: () => string): string[] {
  const ids: Array<string | undefined> = new Array(next.length);
  const usedOld = new Set<number>();
  const byHash = new Map<string, number[]>();
  old.forEach((s, i) => {
    const list = byHash.get(s.hash);
    if (list) list.push(i);
    else byHash.set(s.hash, [i]);
  });

  // 1. Exact content matches, in order, so duplicates pair up front to back.
  const oldIndexOf: number[] = new Array(next.length).fill(-1);
  next.forEach((s, i) => {
    const candidates = byHash.get(s.hash);
    const j = candidates?.find((c) => !usedOld.has(c));
    if (j !== undefined) {
      usedOld.add(j);
      ids[i] = old[j].id;
      oldIndexOf[i] = j;
    }
  });

  // 2. Edited slides: an unmatched old slide of the same file between the matched neighbours.
  for (let i = 0; i < next.length; i++) {
    if (ids[i]) continue;
    const lo = previousMatched(oldIndexOf, i);
    const hi = nextMatched(oldIndexOf, i, old.length);
    for (let j = lo + 1; j < hi; j++) {
      if (!usedOld.has(j) && old[j].file === next[i].file) {
        usedOld.add(j);
        ids[i] = old[j].id;
        oldIndexOf[i] = j;
        break;
      }
    }
  }
  return Array.from(ids, (id) => id ?? freshId());
}

function previousMatched(oldIndexOf: number[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (oldIndexOf[k] >= 0) return oldIndexOf[k];
  return -1;
}

function nextMatched(oldIndexOf: number[], i: number, fallback: number): number {
  for (let k = i + 1; k < oldIndexOf.length; k++) if (oldIndexOf[k] >= 0) return oldIndexOf[k];
  return fallback;
}
