import type Reveal from 'reveal.js';

/** A reveal.js plugin as Deckhand writes them: its state lives in the instance, never on `window`. */
export interface DeckPlugin {
  readonly id: string;
  /** Returning a promise holds reveal.js back until it resolves (as reveal.js documents). */
  init(deck: Reveal.Api): void | Promise<unknown>;
  destroy?(): void;
}

export type PluginFactory = () => DeckPlugin;

/** The one thing the runtime's request carries: where to put a plugin. */
interface PluginRequest {
  add(factory: PluginFactory): void;
}

/**
 * How the bundles a page loads before the runtime (`dev.js`, `follow.js`, `frame.js`) hand
 * their plugins to it, without a window global:
 *
 * 1. each bundle calls `offerPlugin(factory)`, which listens once for `deckhand:plugins` on
 *    `document`;
 * 2. the runtime (`deckhand.js`, always the page's last script) calls `collectPlugins()` right
 *    before `Reveal.initialize`: it dispatches that event, synchronously, and every listener
 *    adds its factory to the request the event carries;
 * 3. the plugins go to reveal.js's `plugins` option, and code finds them with `deck.getPlugin(id)`.
 *
 * Only classic scripts and DOM events: it works from file://, with scripts inlined as data:
 * URLs (single-file export) and in the speaker view's sandboxed frames (opaque origin).
 */
const PLUGINS_EVENT = 'deckhand:plugins';

export function offerPlugin(factory: PluginFactory): void {
  document.addEventListener(PLUGINS_EVENT, (e) => (e as CustomEvent<PluginRequest>).detail.add(factory), { once: true });
}

export function collectPlugins(): DeckPlugin[] {
  const plugins: DeckPlugin[] = [];
  document.dispatchEvent(new CustomEvent<PluginRequest>(PLUGINS_EVENT, { detail: { add: (factory) => plugins.push(factory()) } }));
  return plugins;
}

/** `deck.getPlugin(id)`, typed as the plugin the caller knows lives under that id. */
export function pluginOf<T extends DeckPlugin>(deck: Reveal.Api, id: T['id']): T | undefined {
  return deck.getPlugin(id) as unknown as T | undefined;
}
