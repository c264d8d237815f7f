import type { Diagnostic } from './diagnostic';
import { jsonObject } from './json-object';

/** One slide's new markup, addressed by its stable identity. */
export interface SlidePatch {
  id: string;
  html: string;
}

/** Everything the dev server tells a page, as one typed union (client and server share it). */
export type ServerMessage =
  /**
   * Sent on connect: a page built from another session reloads; one served an older version of
   * its deck than `versions` says (a save or a drawing handled before its socket was open) sends
   * `catch-up` and is answered with a `patch` of what it missed, or a `reload`.
   */
  | { type: 'hello'; session: string; versions: Record<string, number> }
  /** Same slides in the same order; only these changed. `version`: the deck's after this update. */
  | { type: 'patch'; deck: string; slides: SlidePatch[]; focus?: string; version: number }
  /** Slides were added, removed or moved: the whole `.slides` content, the viewer keeps its slide identity. */
  | { type: 'structure'; deck: string; html: string; focus?: string; version: number }
  /** The stylesheet changed: swap it without a reload. */
  | { type: 'css'; deck: string; href: string; version: number }
  /** The page itself changed (front matter, runtime options): reload, keeping the position. */
  | { type: 'reload'; deck: string }
  | { type: 'error'; deck: string; diagnostics: Diagnostic[] }
  | { type: 'clear-error'; deck: string }
  /** What `deckhand check` finds in the sources (links, alt text, empty slides, ids); empty when none. */
  | { type: 'checks'; deck: string; diagnostics: Diagnostic[] };

/** What a page asks the dev server: the changes to its deck since the version it was served. */
export interface PageRequest {
  type: 'catch-up';
  deck: string;
  version: number;
}

/** Parses what a page sent; anything that is not exactly a request is `undefined` (ignored). */
export function parsePageRequest(raw: string): PageRequest | undefined {
  const data = jsonObject(raw);
  if (!data) return undefined;
  const { type, deck, version } = data;
  if (type !== 'catch-up' || typeof deck !== 'string' || !Number.isSafeInteger(version) || (version as number) < 0) return undefined;
  return { type, deck, version: version as number };
}
