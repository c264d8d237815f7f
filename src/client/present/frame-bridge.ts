import { samePosition } from '../../protocol/present-messages';
import { parseFrameCommand, type DeckFacts, type FrameCommand, type FrameEvent, type FrameSnapshot } from './frame-messages';
import { offerPlugin, pluginOf, type DeckPlugin } from '../plugin-registry';
import { READY_PLUGIN, type ReadyPlugin } from '../ready-plugin';
import { patchSlidesByKey, servedDrawnCount } from '../slide-patch';
import { MOVE_EVENTS, moveTo, positionOf } from './reveal-position';

/**
 * The plugin inside the deck frame of the speaker view and the remote (the frame page loads it
 * before the runtime, in place of the audience's follow plugin). The frame is sandboxed to an
 * opaque origin, so its parent drives it through this bridge alone: it posts a snapshot when
 * the deck is ready and after every move, and runs a whitelist of commands from its parent.
 * Nothing it is sent carries the presenter token.
 */
type RevealApi = import('reveal.js').Api;

export class FrameBridgePlugin implements DeckPlugin {
  readonly id = 'deckhand-frame';
  private deck?: RevealApi;
  private ready = false;
  /** Running a command from the parent: the move events it fires are answered by one snapshot. */
  private running = false;
  private queued = false;
  private readonly onMove = () => this.moved();
  private readonly onMessage = (e: MessageEvent) => this.command(e);

  init(deck: RevealApi): void {
    // Opened on its own, nobody drives it: it is just the deck.
    if (window.parent === window) return;
    this.deck = deck;
    for (const e of MOVE_EVENTS) deck.on(e, this.onMove);
    window.addEventListener('message', this.onMessage);
    void pluginOf<ReadyPlugin>(deck, READY_PLUGIN)
      ?.whenReady()
      .then(() => {
        if (this.deck !== deck) return; // destroyed meanwhile
        this.ready = true;
        this.post({ deckhand: 'ready', facts: factsOf(deck), snapshot: this.snapshot(0), drawn: servedDrawnCount() });
      });
  }

  destroy(): void {
    for (const e of MOVE_EVENTS) this.deck?.off(e, this.onMove);
    window.removeEventListener('message', this.onMessage);
    this.deck = undefined;
    this.ready = false;
  }

  private post(m: FrameEvent): void {
    window.parent.postMessage(m, '*');
  }

  private snapshot(cause: number, atEnd?: boolean): FrameSnapshot {
    const deck = this.deck!;
    return {
      position: positionOf(deck),
      pastCount: deck.getSlidePastCount(),
      totalSlides: deck.getTotalSlides(),
      notes: deck.getSlideNotes() ?? '',
      cause,
      ...(atEnd === undefined ? {} : { atEnd }),
    };
  }

  /** A move made inside the frame (a key, a click): one snapshot for the events it fires. */
  private moved(): void {
    if (!this.ready || this.running || this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.deck) this.post({ deckhand: 'state', snapshot: this.snapshot(0) });
    });
  }

  private command(e: MessageEvent): void {
    if (!this.ready || !this.deck || e.source !== window.parent) return;
    const command = parseFrameCommand(e.data);
    if (!command) return;
    // The events a command fires are answered by the one snapshot naming it.
    this.running = true;
    let atEnd: boolean | undefined;
    try {
      atEnd = run(this.deck, command);
    } finally {
      this.running = false;
    }
    this.post({ deckhand: 'state', snapshot: this.snapshot(command.id, atEnd) });
  }
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
    case 'patch':
      patchSlidesByKey(deck, c.slides);
      return undefined;
  }
}

function factsOf(deck: RevealApi): DeckFacts {
  const config = deck.getConfig() as { totalTime?: unknown; defaultTiming?: unknown };
  const facts: DeckFacts = { attributes: deck.getSlidesAttributes() as DeckFacts['attributes'] };
  if (typeof config.totalTime === 'number' || typeof config.totalTime === 'string') facts.totalTime = config.totalTime;
  if (typeof config.defaultTiming === 'number' || typeof config.defaultTiming === 'string') facts.defaultTiming = config.defaultTiming;
  return facts;
}

offerPlugin(() => new FrameBridgePlugin());
