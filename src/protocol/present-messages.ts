/**
 * What the presenter server and its pages say to each other over the dev server's channel
 * (`/_deckhand/ws`), as typed unions shared by both sides. Page → server messages are
 * commands; only a page holding the presenter token can have one accepted.
 */
import { jsonObject } from './json-object';

/** A place in the deck, as reveal.js counts it: horizontal, vertical, fragment (-1: none shown). */
export interface SlidePosition {
  h: number;
  v: number;
  f: number;
  /** The screen is blacked out (reveal.js's pause, key B): the room goes dark with the speaker's. */
  paused?: boolean;
}

export type RefusalReason = 'token' | 'replay' | 'invalid';

/** One slide's new markup, addressed by its `data-deck-key` (a talk's slides never move). */
export interface SlideHtml {
  key: string;
  html: string;
}

/** Everything the server tells a page. */
export type PresentMessage =
  /**
   * Sent on connect: a page built from another build of the deck reloads. `drawn` counts the
   * deck's updates since it was first served (diagrams drawn in the background, see `slides`):
   * a page served fewer sends `catch-up` and gets the slides it missed.
   */
  | { type: 'hello'; session: string; drawn: number }
  /**
   * Slides whose diagrams were drawn, placeholders no more: replaced in place, the viewer staying
   * where it is. `drawn`: the deck's count after them. The speaker view and the remote get the
   * markup of their deck frame (`frames`: its images are data: URLs) and pass it in, once the
   * server knows them as views (by their `claim`); before that they get the room's and ask again.
   */
  | { type: 'slides'; drawn: number; slides: SlideHtml[]; frames?: true }
  /** The live position; `version` grows with every accepted change. Sent on connect too. */
  | { type: 'position'; position: SlidePosition; version: number }
  /** To a driver only: its claim was accepted. The remote link carries the token, so only drivers get it. */
  | { type: 'driver'; seq: number; elapsedMs: number; remote?: { url: string; qrSvg: string } }
  /** To the driver that sent it, before the position it caused is broadcast. */
  | { type: 'accepted'; seq: number; version: number }
  /** To the page that sent the command only. */
  | { type: 'refused'; seq: number; reason: RefusalReason }
  /** To drivers: the talk's timer, as time elapsed when sent (clocks of devices differ). */
  | { type: 'timer'; elapsedMs: number };

/** What any page may ask without the token: the slides changed since the count it was served (`hello`). */
export interface CatchUpRequest {
  type: 'catch-up';
  from: number;
}

/** Parses a catch-up request; anything else is `undefined` (and may be a command). */
export function parseCatchUp(raw: string): CatchUpRequest | undefined {
  const data = jsonObject(raw);
  return data && data.type === 'catch-up' && isCount(data.from) ? { type: 'catch-up', from: data.from } : undefined;
}

/** Everything a page may ask; each carries the presenter token and a sequence number, growing per page. */
export type PresentCommand =
  /** "I am a driver": answered with `driver`, or `refused`. */
  | { type: 'claim'; token: string; seq: number }
  | { type: 'go'; token: string; seq: number; position: SlidePosition }
  | { type: 'reset-timer'; token: string; seq: number };

const MAX_INDEX = 100_000;

/** Parses what a socket sent; anything that is not exactly a command is `undefined` (refused as invalid). */
export function parseCommand(raw: string): PresentCommand | undefined {
  const data = jsonObject(raw);
  if (!data || typeof data.token !== 'string' || !isCount(data.seq)) return undefined;
  const { token, seq } = data;
  switch (data.type) {
    case 'claim':
      return { type: 'claim', token, seq };
    case 'reset-timer':
      return { type: 'reset-timer', token, seq };
    case 'go': {
      const p = data.position;
      if (!isRecord(p) || !isCount(p.h) || !isCount(p.v) || !Number.isInteger(p.f) || (p.f as number) < -1 || (p.f as number) > MAX_INDEX) return undefined;
      if (p.paused !== undefined && typeof p.paused !== 'boolean') return undefined;
      const position: SlidePosition = { h: p.h, v: p.v, f: p.f as number };
      if (p.paused) position.paused = true;
      return { type: 'go', token, seq, position };
    }
    default:
      return undefined;
  }
}

/** The sequence number of whatever was sent, if it has one: a refusal names what it refuses. */
export function commandSeq(raw: string): number {
  const data = jsonObject(raw);
  return data && isCount(data.seq) ? data.seq : 0;
}

export function samePosition(a: SlidePosition | undefined, b: SlidePosition | undefined): boolean {
  return !!a && !!b && a.h === b.h && a.v === b.v && a.f === b.f && !!a.paused === !!b.paused;
}

/** "7", or "7.2" for a vertical slide: counted from 1, as a viewer reads slide numbers. */
export function slideLabel(p: SlidePosition): string {
  return p.v > 0 ? `${p.h + 1}.${p.v + 1}` : `${p.h + 1}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return Number.isInteger(x) && (x as number) >= 0 && (x as number) <= Number.MAX_SAFE_INTEGER;
}
