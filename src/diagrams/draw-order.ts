/**
 * The order diagrams are drawn in, over several render pages. A page draws the first diagram of
 * a kind (flowchart, block-beta, …) two to three times slower than the next ones, while mermaid's
 * code for that kind warms up: so each page gets diagrams of as few kinds as possible, and a page
 * that runs out takes work from the end of the fullest other one.
 */

/**
 * Splits the items into `count` lanes of about equal length, each holding as few kinds as sorting
 * by kind allows. One lane keeps the deck's order: the dev server patches drawings in as they come.
 */
export function lanesByKind<T>(items: readonly T[], kindOf: (item: T) => string, count: number): T[][] {
  if (count <= 1) return [[...items]];
  const sorted = items.map((item, i) => ({ item, kind: kindOf(item), i })).sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.i - b.i));
  const lanes: T[][] = [];
  for (let k = 0; k < count; k++) {
    const from = Math.round((k * sorted.length) / count);
    const to = Math.round(((k + 1) * sorted.length) / count);
    lanes.push(sorted.slice(from, to).map((s) => s.item));
  }
  return lanes;
}

/** The next item for lane `k`: its own next one, else the last of the fullest other lane. */
export function takeNext<T>(lanes: T[][], k: number): T | undefined {
  if (lanes[k].length) return lanes[k].shift();
  let fullest: T[] | undefined;
  for (const lane of lanes) if (lane.length > (fullest?.length ?? 0)) fullest = lane;
  return fullest?.pop();
}
