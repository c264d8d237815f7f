import { samePosition, slideLabel, type CatchUpRequest, type PresentMessage, type SlidePosition } from '../../protocol/present-messages';
import { offerPlugin, type DeckPlugin } from '../plugin-registry';
import { patchSlidesByKey, servedDrawnCount } from '../slide-patch';
import { openSocket, type Socket } from '../socket';
import { LiveBadge, type FollowState } from './live-badge';
import { MOVE_EVENTS, moveTo, positionOf } from './reveal-position';

/**
 * The audience page's follow plugin (its bundle is loaded before the runtime, like the dev
 * client's): it follows the live position the server pushes; a viewer who navigates is left
 * alone, with a "Back to live" button; coming back to the live slide, by the button or by hand,
 * follows again. This page never holds the presenter token and sends no command: it listens,
 * and asks only for the slides whose diagrams were drawn after it was served.
 */
type RevealApi = import('reveal.js').Api;

// Frames inside the speaker view and the remote are driven by their page.
const isFrame = /[?&]receiver\b/.test(location.search);
// The room's screen shows no "Live" mark; a "Back to live" button only if someone browses there.
const isProjector = /[?&]projector\b/.test(location.search);

export class FollowPlugin implements DeckPlugin {
  readonly id = 'deckhand-follow';
  private deck?: RevealApi;
  private socket?: Socket<CatchUpRequest>;
  /** Drawing updates this page shows: served with, then each `slides` message's. */
  private drawn = servedDrawnCount();
  private badge?: LiveBadge;
  private live?: SlidePosition;
  private version = -1;
  private session?: string;
  private following = true;
  private connected = false;
  /** Moving the deck to the live position: the move events it fires are not the viewer's. */
  private applying = false;
  private readonly onMove = () => this.viewerMoved();
  private readonly onReady = () => this.connect();

  constructor(private readonly quiet: boolean) {}

  init(deck: RevealApi): void {
    if ((deck.getConfig() as { view?: string }).view === 'print') return;
    this.deck = deck;
    this.badge = new LiveBadge(() => {
      this.following = true;
      this.apply();
    }, this.quiet);
    for (const e of MOVE_EVENTS) deck.on(e, this.onMove);
    deck.on('ready', this.onReady);
  }

  destroy(): void {
    for (const e of MOVE_EVENTS) this.deck?.off(e, this.onMove);
    this.deck?.off('ready', this.onReady);
    this.socket?.close();
    this.badge?.destroy();
  }

  private connect(): void {
    this.render();
    this.socket = openSocket<PresentMessage, CatchUpRequest>({
      open: () => {
        this.connected = true;
        this.version = -1; // a restarted server counts anew; its first message is the live position
        this.render();
      },
      close: () => {
        this.connected = false;
        this.render();
      },
      message: (m) => this.handle(m),
    });
  }

  private handle(m: PresentMessage): void {
    if (!this.deck) return;
    if (m.type === 'hello') {
      // Another build of the deck: reload, and the new page jumps to the live slide.
      if (this.session && this.session !== m.session) location.reload();
      this.session = m.session;
      // Diagrams drawn while this page loaded (or while it was offline): the server sends their slides.
      if (m.drawn > this.drawn) this.socket?.send({ type: 'catch-up', from: this.drawn });
    } else if (m.type === 'slides') {
      // Always applied: an answer to `catch-up` may come after a broadcast it includes, never before one it lacks.
      patchSlidesByKey(this.deck, m.slides);
      this.drawn = Math.max(this.drawn, m.drawn);
    } else if (m.type === 'position' && m.version > this.version) {
      this.version = m.version;
      this.live = m.position;
      if (this.following) this.apply();
      else if (samePosition(positionOf(this.deck), this.live)) this.following = true;
      this.render();
      document.dispatchEvent(new CustomEvent('deckhand:live', { detail: this.live }));
    }
  }

  private viewerMoved(): void {
    if (this.applying || !this.live || !this.deck) return;
    const state: FollowState = samePosition(positionOf(this.deck), this.live) ? 'live' : 'browsing';
    this.following = state === 'live';
    this.render();
  }

  private apply(): void {
    if (this.deck && this.live && !samePosition(positionOf(this.deck), this.live)) {
      this.applying = true;
      try {
        moveTo(this.deck, this.live);
      } finally {
        this.applying = false;
      }
    }
    this.render();
  }

  private render(): void {
    // "Live" only once the live position is known: until then there is nothing to follow, and a
    // viewer's first moves could not be told apart from the speaker's.
    const state = !this.connected || !this.live ? 'offline' : this.following ? 'live' : 'browsing';
    this.badge?.show(state, this.live ? slideLabel(this.live) : '1');
  }
}

if (!isFrame) offerPlugin(() => new FollowPlugin(isProjector));
