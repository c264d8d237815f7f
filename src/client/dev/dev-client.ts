import type { PageRequest, ServerMessage } from '../../protocol/dev-messages';
import { pluginOf, type DeckPlugin } from '../plugin-registry';
import { openSocket, type Socket } from '../socket';
import { CHECKS_PLUGIN, type ChecksPanel } from './checks-panel';
import { FOLLOW_EDITS_PLUGIN, type FollowToggle } from './follow-toggle';
import { Overlay } from './overlay';
import { applyPatch, applyStructure, goToSlideId, swapStylesheet } from './patch';
import { rememberPlace, restorePlace } from './place';

type RevealApi = import('reveal.js').Api;

export const DEV_PLUGIN = 'deckhand-dev';

/**
 * The dev server's page client: keeps a WebSocket open, applies the server's typed messages in
 * place (patches, structure, stylesheet, reloads), shows errors in the overlay and reconnects
 * after a restart. It starts with its bundle, before reveal.js (the server's error page has no
 * deck, only this client, which shows the overlay and reloads once the deck is fixed), and gets
 * the deck when reveal.js starts its plugins. It hands check findings and edit focus to the
 * checks panel and the follow toggle, which it finds with `deck.getPlugin(id)`.
 */
export class DevClient implements DeckPlugin {
  readonly id = DEV_PLUGIN;
  private deck?: RevealApi;
  private session?: string;
  private readonly overlay = new Overlay();
  private readonly socket: Socket<PageRequest>;
  /** Findings that arrived before the deck (and so the panel) existed. */
  private checks?: ServerMessage & { type: 'checks' };
  /**
   * The version of the deck this page shows: the one it was served with, then each update's. A
   * save handled while the page was loading (before its socket opened) makes the server's newer.
   */
  private version = servedVersion();
  private readonly onReady = () => this.deck && restorePlace(this.deck, this.deckName);

  /** `receiver`: a frame inside reveal.js's speaker view, which follows its parent, not the edits. */
  constructor(
    private readonly deckName: string,
    private readonly receiver: boolean,
  ) {
    this.socket = openSocket<ServerMessage, PageRequest>({
      open: () => document.documentElement.setAttribute('data-deck-dev', 'connected'),
      close: () => document.documentElement.setAttribute('data-deck-dev', 'disconnected'),
      message: (m) => this.handle(m),
    });
  }

  init(deck: RevealApi): void {
    this.deck = deck;
    if (this.receiver) return;
    deck.on('ready', this.onReady);
    if (this.checks) this.handle(this.checks);
  }

  destroy(): void {
    this.deck?.off('ready', this.onReady);
    this.deck = undefined;
    this.socket.close();
    this.overlay.hide();
  }

  private get panel(): ChecksPanel | undefined {
    return this.deck && pluginOf<ChecksPanel>(this.deck, CHECKS_PLUGIN);
  }

  /** Reloads in place: the viewer comes back to the same slide and fragment step. */
  private reload(byId = true): void {
    if (!this.receiver) rememberPlace(this.deck, this.deckName, byId);
    location.reload();
  }

  private handle(m: ServerMessage): void {
    if ('deck' in m && m.deck !== this.deckName) return;
    const deck = this.deck;
    switch (m.type) {
      case 'hello': {
        if (this.session && this.session !== m.session) return this.reload(false);
        this.session = m.session;
        const latest = m.versions[this.deckName];
        // Behind (a save, or diagrams drawn, while this page loaded): the server sends what it missed.
        if (this.version !== undefined && latest !== undefined && latest !== this.version) this.socket.send({ type: 'catch-up', deck: this.deckName, version: this.version });
        return;
      }
      case 'error':
        this.overlay.show(m.diagnostics);
        return;
      case 'clear-error':
        this.overlay.hide();
        return;
      case 'checks':
        if (this.panel) this.panel.setServerFindings(m.diagnostics);
        else this.checks = m;
        return;
      case 'reload':
        return this.reload();
      case 'css':
        swapStylesheet(new URL(m.href, location.href).href);
        this.version = m.version;
        return;
      case 'patch':
        if (deck) applyPatch(deck, m.slides);
        this.version = m.version;
        break;
      case 'structure':
        if (deck) applyStructure(deck, m.html);
        this.version = m.version;
        break;
    }
    const follow = deck && pluginOf<FollowToggle>(deck, FOLLOW_EDITS_PLUGIN);
    if (deck && 'focus' in m && m.focus && follow?.on && !this.receiver) goToSlideId(deck, m.focus);
    this.panel?.measureSoon();
    document.dispatchEvent(new CustomEvent('deckhand:updated', { detail: m.type }));
  }
}

function servedVersion(): number | undefined {
  const content = document.querySelector('meta[name="deck-dev-version"]')?.getAttribute('content');
  return content ? Number(content) : undefined;
}
