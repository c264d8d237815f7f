import type { ServerMessage } from '../../server/messages';
import { ChecksPanel } from './checks-panel';
import { Overlay } from './overlay';
import { checkShownSlide } from './slide-overflow';
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
let checks: ChecksPanel | undefined;
let measureTimer: number | undefined;
let observed: Element | undefined;

// A diagram drawn late or an image that loads changes the slide's size: measure again then.
const resized = new ResizeObserver(() => measureSoon());

/** Measured once the slide has settled: after its transition, diagrams and fonts. */
function measureSoon(): void {
  if (!checks || !deck) return;
  clearTimeout(measureTimer);
  measureTimer = window.setTimeout(() => {
    if (!deck) return;
    const slide = deck.getCurrentSlide();
    if (slide !== observed) {
      resized.disconnect();
      if (slide) resized.observe(slide);
      observed = slide;
    }
    checks?.setSlideFindings(checkShownSlide(deck));
  }, 350);
}

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
    case 'checks':
      checks?.setServerFindings(m.diagnostics);
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
  measureSoon();
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
    if (isReceiver) return;
    follow = new FollowToggle();
    checks = new ChecksPanel(() => deck);
    for (const event of ['ready', 'slidechanged', 'resize']) d.on(event, measureSoon);
    document.addEventListener('deckhand:ready', measureSoon);
  },
};
const w = window as unknown as { DeckhandPlugins?: object[] };
(w.DeckhandPlugins ??= []).push(plugin);
connect();
