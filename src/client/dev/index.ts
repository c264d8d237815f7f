import type { ServerMessage } from '../../server/messages';
import { Overlay } from './overlay';
import { FollowToggle } from './follow-toggle';
import { applyPatch, applyStructure, goToSlideId, swapStylesheet } from './patch';

/**
 * The dev server's page client: a reveal.js plugin that keeps a WebSocket open, applies the
 * server's typed messages in place, and reconnects after a restart. Loaded before the runtime,
 * so it registers itself through `window.DeckhandPlugins`.
 */
type RevealApi = import('reveal.js').Api;

const deckName = decodeURIComponent(location.pathname.split('/')[1] ?? '');
const isReceiver = /[?&]receiver\b/.test(location.search); // an iframe inside the speaker view
const overlay = new Overlay();
let deck: RevealApi | undefined;
let session: string | undefined;
let follow: FollowToggle | undefined;

function handle(m: ServerMessage): void {
  if ('deck' in m && m.deck !== deckName) return;
  switch (m.type) {
    case 'hello':
      if (session && session !== m.session) location.reload();
      session = m.session;
      return;
    case 'error':
      overlay.show(m.diagnostics);
      return;
    case 'clear-error':
      overlay.hide();
      return;
    case 'reload':
      location.reload();
      return;
    case 'css':
      swapStylesheet(new URL(m.href, location.href).href);
      return;
    case 'patch':
      if (deck) applyPatch(deck, m.slides);
      break;
    case 'structure':
      if (deck) applyStructure(deck, m.html);
      break;
  }
  if (deck && 'focus' in m && m.focus && follow?.on && !isReceiver) goToSlideId(deck, m.focus);
  document.dispatchEvent(new CustomEvent('deckhand:updated', { detail: m.type }));
}

function connect(delay = 250): void {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/_deckhand/ws`);
  ws.onopen = () => {
    delay = 250;
    document.documentElement.setAttribute('data-deck-dev', 'connected');
  };
  ws.onmessage = (e) => handle(JSON.parse(String(e.data)) as ServerMessage);
  ws.onclose = () => {
    document.documentElement.setAttribute('data-deck-dev', 'disconnected');
    setTimeout(() => connect(Math.min(delay * 2, 2000)), delay);
  };
}

const plugin = {
  id: 'deckhand-dev',
  init(d: RevealApi) {
    deck = d;
    if (!isReceiver) follow = new FollowToggle();
  },
};
const w = window as unknown as { DeckhandPlugins?: object[] };
(w.DeckhandPlugins ??= []).push(plugin);
connect();
