import type { SlideHtml, SlidePosition } from '../../protocol/present-messages';

/**
 * What the speaker view and the remote say to the deck in their sandboxed frames, and back,
 * over postMessage. The frame has an opaque origin, so this is all either side can reach of
 * the other: both sides parse what they receive and drop anything that is not exactly this.
 */

/** The deck at one moment, posted by the frame when ready and after every move. */
export interface FrameSnapshot {
  position: SlidePosition;
  /** reveal.js's `getSlidePastCount()`: slides before this one, vertical ones included. */
  pastCount: number;
  totalSlides: number;
  /** The current slide's notes, the author's HTML (untrusted: shown only after sanitizing). */
  notes: string;
  /** The id of the command this snapshot answers; 0 for a move made inside the frame. */
  cause: number;
  /** For `preview`: the step did not move, so the position is the deck's last step. */
  atEnd?: boolean;
}

/** What does not change while the deck is shown: what pacing needs. */
export interface DeckFacts {
  /** reveal.js's `getSlidesAttributes()`, in slide order. */
  attributes: Array<Record<string, string>>;
  totalTime?: number | string;
  defaultTiming?: number | string;
}

/** `drawn`: the drawing updates the frame's page was served with (see `hello` in present-messages.ts). */
export type FrameEvent = { deckhand: 'ready'; facts: DeckFacts; snapshot: FrameSnapshot; drawn: number } | { deckhand: 'state'; snapshot: FrameSnapshot };

/** The whitelist the frame obeys. Every command has an id, echoed as the `cause` of the snapshot after it. */
export type FrameCommand =
  | { deckhand: 'slide'; id: number; position: SlidePosition }
  | { deckhand: 'next'; id: number }
  | { deckhand: 'prev'; id: number }
  | { deckhand: 'toggle-pause'; id: number; paused?: boolean }
  | { deckhand: 'key'; id: number; keyCode: number }
  /** Moves to `position` (unpaused), steps once, and says whether that was the last step. */
  | { deckhand: 'preview'; id: number; position: SlidePosition }
  /** Slides whose diagrams were drawn, in the frame's markup: replaced in place, the deck staying where it is. */
  | { deckhand: 'patch'; id: number; slides: SlideHtml[] };

/** Without the id, for callers that let the proxy number their commands. */
export type FrameRequest = WithoutId<FrameCommand>;
type WithoutId<C> = C extends unknown ? Omit<C, 'id'> : never;

export function parseFrameCommand(data: unknown): FrameCommand | undefined {
  if (!isRecord(data) || !isCount(data.id)) return undefined;
  const id = data.id;
  switch (data.deckhand) {
    case 'next':
    case 'prev':
      return { deckhand: data.deckhand, id };
    case 'toggle-pause':
      if (data.paused !== undefined && typeof data.paused !== 'boolean') return undefined;
      return { deckhand: 'toggle-pause', id, paused: data.paused };
    case 'key':
      return isCount(data.keyCode) ? { deckhand: 'key', id, keyCode: data.keyCode } : undefined;
    case 'slide':
    case 'preview': {
      const position = parsePosition(data.position);
      return position ? { deckhand: data.deckhand, id, position } : undefined;
    }
    case 'patch': {
      const slides = data.slides;
      if (!Array.isArray(slides) || !slides.every((s) => isRecord(s) && typeof s.key === 'string' && typeof s.html === 'string')) return undefined;
      return { deckhand: 'patch', id, slides: slides.map((s: Record<string, string>) => ({ key: s.key, html: s.html })) };
    }
    default:
      return undefined;
  }
}

export function parseFrameEvent(data: unknown): FrameEvent | undefined {
  if (!isRecord(data)) return undefined;
  const snapshot = parseSnapshot(data.snapshot);
  if (!snapshot) return undefined;
  if (data.deckhand === 'state') return { deckhand: 'state', snapshot };
  if (data.deckhand !== 'ready' || !isRecord(data.facts)) return undefined;
  const { attributes, totalTime, defaultTiming } = data.facts;
  if (!Array.isArray(attributes) || !attributes.every((a) => isRecord(a) && Object.values(a).every((v) => typeof v === 'string'))) return undefined;
  const facts: DeckFacts = { attributes: attributes as DeckFacts['attributes'] };
  if (isTiming(totalTime)) facts.totalTime = totalTime;
  if (isTiming(defaultTiming)) facts.defaultTiming = defaultTiming;
  return { deckhand: 'ready', facts, snapshot, drawn: isCount(data.drawn) ? data.drawn : 0 };
}

function parseSnapshot(x: unknown): FrameSnapshot | undefined {
  if (!isRecord(x)) return undefined;
  const position = parsePosition(x.position);
  if (!position || !isCount(x.pastCount) || !isCount(x.totalSlides) || typeof x.notes !== 'string' || !isCount(x.cause)) return undefined;
  const snapshot: FrameSnapshot = { position, pastCount: x.pastCount, totalSlides: x.totalSlides, notes: x.notes, cause: x.cause };
  if (x.atEnd !== undefined) snapshot.atEnd = x.atEnd === true;
  return snapshot;
}

function parsePosition(p: unknown): SlidePosition | undefined {
  if (!isRecord(p) || !isCount(p.h) || !isCount(p.v) || !Number.isInteger(p.f) || (p.f as number) < -1) return undefined;
  const position: SlidePosition = { h: p.h, v: p.v, f: p.f as number };
  if (p.paused === true) position.paused = true;
  return position;
}

function isTiming(x: unknown): x is number | string {
  return typeof x === 'number' || typeof x === 'string';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return Number.isInteger(x) && (x as number) >= 0 && (x as number) <= Number.MAX_SAFE_INTEGER;
}
