import { samePosition, type PresentCommand, type RefusalReason, type SlidePosition } from '../protocol/present-messages';

/** The live position and its version: the version grows by one with every accepted move. */
export interface LiveState {
  position: SlidePosition;
  version: number;
}

/** How many slides each horizontal slide has (1 when it has no vertical slides). */
export type DeckShape = readonly number[];

export type Verdict = { accepted: true; moved: boolean } | { accepted: false; reason: RefusalReason };

export const START: SlidePosition = Object.freeze({ h: 0, v: 0, f: -1 });

/**
 * Where the talk is, and which commands may move it. A command is refused without the
 * presenter token, when its sequence number is not newer than the last one accepted from
 * the same page (a replay, or a stale command arriving late), or when it points outside the deck.
 */
export class LivePosition {
  private state: LiveState;
  private readonly lastSeq = new WeakMap<object, number>();

  constructor(
    private readonly shape: DeckShape,
    resumed?: LiveState,
  ) {
    this.state = resumed ? { position: clampToDeck(resumed.position, shape), version: resumed.version } : { position: START, version: 0 };
  }

  get current(): LiveState {
    return this.state;
  }

  /** `from` identifies the page (its socket); sequence numbers are counted per page. */
  judge(from: object, command: PresentCommand, tokenOk: boolean): Verdict {
    if (!tokenOk) return { accepted: false, reason: 'token' };
    if (command.seq <= (this.lastSeq.get(from) ?? 0)) return { accepted: false, reason: 'replay' };
    this.lastSeq.set(from, command.seq);
    if (command.type !== 'go') return { accepted: true, moved: false };
    if (!isInDeck(command.position, this.shape)) return { accepted: false, reason: 'invalid' };
    if (samePosition(command.position, this.state.position)) return { accepted: true, moved: false };
    this.state = { position: { ...command.position }, version: this.state.version + 1 };
    return { accepted: true, moved: true };
  }
}

export function isInDeck(p: SlidePosition, shape: DeckShape): boolean {
  return p.h < shape.length && p.v < (shape[p.h] ?? 0) && p.f >= -1;
}

/** A resumed position in a deck that was edited since: the nearest slide that still exists. */
export function clampToDeck(p: SlidePosition, shape: DeckShape): SlidePosition {
  if (!shape.length) return START;
  if (isInDeck(p, shape)) return p;
  const h = Math.min(p.h, shape.length - 1);
  return { h, v: Math.min(p.v, shape[h] - 1), f: -1 };
}
