import { samePosition } from '../../protocol/present-messages';
import { parseFrameCommand, type DeckFacts, type FrameCommand, type FrameEvent, type FrameSnapshot } from './frame-messages';
import { MOVE_EVENTS, moveTo, positionOf } from './reveal-position';

/**
 * The plugin inside the deck frame of the speaker view and the remote (the frame page loads it
 * before the runtime, in place of the audience's follow plugin). The frame is sandboxed to an
 * opaque origin, so its parent drives it through this bridge alone: it posts a snapshot when
 * the deck is ready and after every move, and runs a whitelist of commands from its parent.
 * Nothing it is sent carries the presenter token.
 */
type RevealApi = import('reveal.js').Api;

function FrameBridgePlugin() {
  return {
    id: 'deckhand-frame',
    init(deck: RevealApi) {
      // Opened on its own, nobody drives it: it is just the deck.
      if (window.parent === window) return;
      let ready = false;
      let running = false;
      let queued = false;
      const post = (m: FrameEvent) => window.parent.postMessage(m, '*');
      const snapshot = (cause: number, atEnd?: boolean): FrameSnapshot => ({
        position: positionOf(deck),
        pastCount: deck.getSlidePastCount(),
        totalSlides: deck.getTotalSlides(),
        notes: deck.getSlideNotes() ?? '',
        cause,
        ...(atEnd === undefined ? {} : { atEnd }),
      });
      // A move made inside the frame (a key, a click): one snapshot for the events it fires.
      const moved = () => {
        if (!ready || running || queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          post({ deckhand: 'state', snapshot: snapshot(0) });
        });
      };
      for (const e of MOVE_EVENTS) deck.on(e, moved);

      window.addEventListener('message', (e) => {
        if (!ready || e.source !== window.parent) return;
        const command = parseFrameCommand(e.data);
        if (!command) return;
        // The events a command fires are answered by the one snapshot naming it.
        running = true;
        let atEnd: boolean | undefined;
        try {
          atEnd = run(deck, command);
        } finally {
          running = false;
        }
        post({ deckhand: 'state', snapshot: snapshot(command.id, atEnd) });
      });

      const start = () => {
        ready = true;
        post({ deckhand: 'ready', facts: factsOf(deck), snapshot: snapshot(0) });
      };
      if (document.documentElement.hasAttribute('data-deck-ready')) start();
      else document.addEventListener('deckhand:ready', start, { once: true });
    },
  };
}

/** Runs one command; for `preview`, returns whether the deck was already at its last step. */
function run(deck: RevealApi, c: FrameCommand): boolean | undefined {
  switch (c.deckhand) {
    case 'slide':
      moveTo(deck, c.position);
      return undefined;
    case 'next':
      deck.next();
      return undefined;
    case 'prev':
      deck.prev();
      return undefined;
    case 'toggle-pause':
      deck.togglePause(c.paused);
      return undefined;
    case 'key':
      deck.triggerKey(c.keyCode);
      return undefined;
    case 'preview': {
      const here = { ...c.position, paused: false };
      moveTo(deck, here);
      deck.next();
      return samePosition(positionOf(deck), here);
    }
  }
}

function factsOf(deck: RevealApi): DeckFacts {
  const config = deck.getConfig() as { totalTime?: unknown; defaultTiming?: unknown };
  const facts: DeckFacts = { attributes: deck.getSlidesAttributes() as DeckFacts['attributes'] };
  if (typeof config.totalTime === 'number' || typeof config.totalTime === 'string') facts.totalTime = config.totalTime;
  if (typeof config.defaultTiming === 'number' || typeof config.defaultTiming === 'string') facts.defaultTiming = config.defaultTiming;
  return facts;
}

const w = window as unknown as { DeckhandPlugins?: object[] };
(w.DeckhandPlugins ??= []).push(FrameBridgePlugin());
