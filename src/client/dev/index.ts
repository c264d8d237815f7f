import type { ServerMessage } from '../../protocol/dev-messages';
import { ChecksPanel } from './checks-panel';
import { Overlay } from './overlay';
import { checkShownSlide } from './slide-overflow';
import { FollowToggle } from './follow-toggle';
import { applyPatch, applyStructure, goToSlideId, swapStylesheet } from './patch';
import { rememberPlace, restorePlace } from './place';

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
// The version of the deck this page shows: the one it was served with, then each update's. A
// save handled while the page was loading (before its socket opened) makes the server's newer.
let version = servedVersion();

function servedVersion(): number | undefined {
  const content = document.querySelector('meta[name="deck-dev-version"]')?.getAttribute('content');
  return content ? Number(content) : undefined;
}

/** Reloads in place: the viewer comes back to the same slide and fragment step. */
function reload(byId = true): void {
  if (!isReceiver) rememberPlace(deck, deckName, byId);
  location.reload();
}

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
    case 'hello': {
      if (session && session !== m.session) return reload(false);
      session = m.session;
      const latest = m.versions[deckName];
      if (version !== undefined && latest !== undefined && latest !== version) reload();
      return;
    }
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
      return reload();
    case 'css':
      swapStylesheet(new URL(m.href, location.href).href);
      version = m.version;
      return;
    case 'patch':
      if (deck) applyPatch(deck, m.slides);
      version = m.version;
      break;
    case 'structure':
      if (deck) applyStructure(deck, m.html);
      version = m.version;
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
    d.on('ready', () => restorePlace(d, deckName));
    follow = new FollowToggle();
    checks = new ChecksPanel(() => deck);
    for (const event of ['ready', 'slidechanged', 'resize']) d.on(event, measureSoon);
    document.addEventListener('deckhand:ready', measureSoon);
  },
};
const w = window as unknown as { DeckhandPlugins?: object[] };
(w.DeckhandPlugins ??= []).push(plugin);
connect();
