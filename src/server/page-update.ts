import type { ServerMessage, SlidePatch } from '../protocol/dev-messages';

/** One slide as an open page shows it: its identity, content hash, source file and markup. */
export interface ShownSlide {
  id: string;
  hash: string;
  file: string;
  html: string;
}

/** What an open page shows of a deck, as far as deciding an update goes. */
export interface ShownDeck {
  slides: ShownSlide[];
  /** Vertical slide counts, e.g. `1,1,3,1`: the page's structure. */
  shape: string;
  /** Title, reveal.js and mermaid settings: a change means a reload, nothing less will do. */
  pageKey: string;
  style?: { id: string; name: string };
  /** The page as a whole (all slides), for a structural change. */
  slidesHtml(): string;
}

export interface PageUpdateInput {
  deck: string;
  /** What pages show now; undefined when the deck never compiled (pages show an error page). */
  previous: ShownDeck | undefined;
  next: ShownDeck;
  /** The overlay shows an error that this good compile clears. */
  wasFailing: boolean;
  /** Identity of the first changed slide whose own file (or a diagram or image it shows) was saved: Follow edits goes there. */
  touched: (id: string) => boolean;
  version: number;
}

/**
 * Decides what open pages must receive to show `next`, given what they show: nothing, a CSS
 * swap, patches of the changed slides, the whole slide structure, or a reload. Pure: the dev
 * server's DevDeck applies the result; tests call it with plain data.
 */
export function planPageUpdate(u: PageUpdateInput): ServerMessage[] {
  const messages: ServerMessage[] = [];
  if (u.wasFailing) messages.push({ type: 'clear-error', deck: u.deck });
  const previous = u.previous;
  if (!previous) {
    // A deck that never compiled before was served as an error page: it needs the real one.
    if (u.wasFailing) messages.push({ type: 'reload', deck: u.deck });
    return messages;
  }
  if (u.next.pageKey !== previous.pageKey) return [...messages, { type: 'reload', deck: u.deck }];
  if (u.next.style && previous.style?.id !== u.next.style.id) {
    messages.push({ type: 'css', deck: u.deck, href: `../_deckhand/${u.next.style.name}?v=${u.next.style.id}`, version: u.version });
  }
  const before = new Map(previous.slides.map((s) => [s.id, s.html]));
  const changed = u.next.slides.filter((s) => before.get(s.id) !== s.html);
  const focus = changed.find((s) => u.touched(s.id))?.id;
  const sameOrder = u.next.shape === previous.shape && u.next.slides.every((s, i) => previous.slides[i]?.id === s.id);
  if (!sameOrder) {
    messages.push({ type: 'structure', deck: u.deck, html: u.next.slidesHtml(), focus, version: u.version });
  } else if (changed.length) {
    const patches: SlidePatch[] = changed.map((s) => ({ id: s.id, html: s.html }));
    messages.push({ type: 'patch', deck: u.deck, slides: patches, focus, version: u.version });
  }
  return messages;
}
