import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes/notes.esm.js';
import Search from 'reveal.js/plugin/search/search.esm.js';
import Zoom from 'reveal.js/plugin/zoom/zoom.esm.js';
import { DiagramsPlugin } from './diagrams-plugin';
import { DiagramZoomPlugin } from './diagram-zoom';
import { readPageConfig } from './page-config';
import { collectPlugins } from './plugin-registry';
import { ReadyPlugin } from './ready-plugin';

/**
 * The page's entry: reveal.js with its notes, search and zoom plugins, plus Deckhand's own and
 * those of the bundles loaded before this one (dev client, audience follow, frame bridge; see
 * plugin-registry.ts). `window.Reveal` is the deck, as in reveal.js's own build, so existing
 * plugins keep working; Deckhand's code finds its plugins with `deck.getPlugin(id)`.
 */
const config = readPageConfig();
(window as unknown as { Reveal: typeof Reveal }).Reveal = Reveal;

const plugins: object[] = [Notes, Search, Zoom, new DiagramsPlugin(config), new DiagramZoomPlugin(), new ReadyPlugin(), ...collectPlugins()];

Reveal.initialize({ ...config.reveal, plugins } as Reveal.Options);
