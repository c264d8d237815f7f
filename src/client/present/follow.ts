import { samePosition, slideLabel, type PresentMessage, type SlidePosition } from '../../protocol/present-messages';
import { openChannel } from './channel';
import { LiveBadge, type FollowState } from './live-badge';
import { MOVE_EVENTS, moveTo, positionOf } from './reveal-position';

/**
 * The audience page's follow plugin (loaded before the runtime, like the dev client): it
 * follows the live position the server pushes; a viewer who navigates is left alone, with a
 * "Back to live" button; coming back to the live slide, by the button or by hand, follows again.
 * This page never holds the presenter token and sends nothing: it only listens.
 */
type RevealApi = import('reveal.js').Api;

// Frames inside the speaker view and the remote are driven by their page.
const isFrame = /[?&]receiver\b/.test(location.search);
// The room's screen shows no "Live" mark; a "Back to live" button only if someone browses there.
const isProjector = /[?&]projector\b/.test(location.search);

function FollowPlugin() {
  return {
    id: 'deckhand-follow',
    init(deck: RevealApi) {
      if ((deck.getConfig() as { view?: string }).view === 'print') return;
      let live: SlidePosition | undefined;
      let version = -1;
      let session: string | undefined;
      let following = true;
      let connected = false;
      let applying = false;
      const badge = new LiveBadge(() => {
        following = true;
        apply();
      }, isProjector);
      const render = () => badge.show(!connected ? 'offline' : following ? 'live' : 'browsing', live ? slideLabel(live) : '1');
      const apply = () => {
        if (live && !samePosition(positionOf(deck), live)) {
          applying = true;
          try {
            moveTo(deck, live);
          } finally {
            applying = false;
          }
        }
        render();
      };
      const handle = (m: PresentMessage) => {
        if (m.type === 'hello') {
          // Another build of the deck: reload, and the new page jumps to the live slide.
          if (session && session !== m.session) location.reload();
          session = m.session;
        } else if (m.type === 'position' && m.version > version) {
          version = m.version;
          live = m.position;
          if (following) apply();
          else if (samePosition(positionOf(deck), live)) following = true;
          render();
          document.dispatchEvent(new CustomEvent('deckhand:live', { detail: live }));
        }
      };
      for (const e of MOVE_EVENTS) {
        deck.on(e, () => {
          if (applying || !live) return;
          const state: FollowState = samePosition(positionOf(deck), live) ? 'live' : 'browsing';
          following = state === 'live';
          render();
        });
      }
      deck.on('ready', () => {
        render();
        openChannel({
          open: () => {
            connected = true;
            version = -1; // a restarted server counts anew; its first message is the live position
            render();
          },
          close: () => {
            connected = false;
            render();
          },
          message: handle,
        });
      });
    },
  };
}

if (!isFrame) {
  const w = window as unknown as { DeckhandPlugins?: object[] };
  (w.DeckhandPlugins ??= []).push(FollowPlugin());
}
